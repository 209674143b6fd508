import { z } from 'zod';
import { fail, ok, serveApi } from '../test/api';
import { lastRequest, resetTaro } from '../test/taro';
import { ApiError, errorMessage, request } from './request';

const Pong = z.object({ pong: z.boolean() });

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('request', () => {
  beforeEach(resetTaro);

  it('calls the API origin and returns the parsed answer', async () => {
    serveApi({ 'POST /api/ping': () => ok({ pong: true, extra: 'ignored' }) });

    await expect(request({ method: 'POST', path: '/api/ping', data: { a: 1 }, schema: Pong })).resolves.toEqual({ pong: true });
    expect(lastRequest()).toMatchObject({ url: 'https://api.test/api/ping', method: 'POST', data: { a: 1 } });
  });

  it('sends the bearer token only when given one', async () => {
    serveApi({ 'GET /api/ping': () => ok({ pong: true }) });

    await request({ method: 'GET', path: '/api/ping', schema: Pong });
    expect(lastRequest().header).not.toHaveProperty('Authorization');
    await request({ method: 'GET', path: '/api/ping', schema: Pong, token: 'tok' });
    expect(lastRequest().header).toEqual({ Authorization: 'Bearer tok' });
  });

  it("turns the server's error body into an ApiError with its code, message and details", async () => {
    const details = [{ field: 'body.code', issue: '不能为空' }];
    serveApi({
      'POST /api/ping': () => ({
        statusCode: 400,
        data: { error: { code: 'VALIDATION_FAILED', message: '请求参数不正确', details, requestId: 'r1' } },
      }),
    });

    const error = await caught(request({ method: 'POST', path: '/api/ping', schema: Pong }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求参数不正确', status: 400, details });
  });

  it('keeps the message of an error code this build does not know yet', async () => {
    serveApi({ 'GET /api/ping': () => ({ statusCode: 409, data: { error: { code: 'STOCK_SOLD_OUT', message: '已售罄', details: [] } } }) });

    const error = await caught(request({ method: 'GET', path: '/api/ping', schema: Pong }));
    expect(error).toMatchObject({ code: 'STOCK_SOLD_OUT', message: '已售罄', status: 409 });
  });

  it('reports an error answer that is not in the error shape (e.g. a proxy page) as BAD_RESPONSE', async () => {
    serveApi({ 'GET /api/ping': () => ({ statusCode: 502, data: null }) });

    const error = await caught(request({ method: 'GET', path: '/api/ping', schema: Pong }));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502, message: '服务暂时不可用（502），请稍后重试' });
  });

  it('rejects a success answer that does not match the schema', async () => {
    serveApi({ 'GET /api/ping': () => ok({ pong: 'yes' }) });

    const error = await caught(request({ method: 'GET', path: '/api/ping', schema: Pong }));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('reports a failed connection as NETWORK_ERROR', async () => {
    serveApi({
      'GET /api/ping': () => {
        throw { errMsg: 'request:fail timeout' };
      },
    });

    const error = await caught(request({ method: 'GET', path: '/api/ping', schema: Pong }));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: '网络连接失败，请检查网络后重试' });
  });
});

describe('errorMessage', () => {
  it('shows an ApiError as is and anything else as a generic line', () => {
    expect(errorMessage(new ApiError('FORBIDDEN', '没有权限', 403))).toBe('没有权限');
    expect(errorMessage(new TypeError('x is undefined'))).toBe('出了点问题，请稍后重试');
  });
});
