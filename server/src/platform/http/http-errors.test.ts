import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('HTTP error shape', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('httperrors');
  });
  afterAll(() => app.close());

  const expectErrorShape = (body: unknown, code: string) =>
    expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array), requestId: expect.any(String) } });

  it('answers malformed JSON with 400 BAD_JSON', async () => {
    const res = await request(app.callback).post('/api/auth/miniprogram/login').set('content-type', 'application/json').send('{"code": ');
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'BAD_JSON');
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const res = await request(app.callback).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'NOT_FOUND');
  });

  it('answers a known route with the wrong method with 405', async () => {
    const res = await request(app.callback).delete('/api/auth/me');
    expect(res.status).toBe(405);
    expectErrorShape(res.body, 'METHOD_NOT_ALLOWED');
  });

  it('names every offending field: wrong types, missing and unknown fields', async () => {
    const res = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: 42, nickname: 'x', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { field: 'body.code', issue: expect.any(String) },
      { field: 'body.nickname', issue: '不允许的字段' },
      { field: 'body.role', issue: '不允许的字段' },
    ]);
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await request(app.callback)
      .post('/api/auth/miniprogram/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ code: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expectErrorShape(res.body, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a non-JSON body with 415 instead of reading it as empty', async () => {
    const res = await request(app.callback).post('/api/auth/miniprogram/login').set('content-type', 'text/plain').send('code=abc');
    expect(res.status).toBe(415);
    expectErrorShape(res.body, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps an incoming request id and echoes it', async () => {
    const res = await request(app.callback).get('/api/no-such-thing').set('x-request-id', 'trace-12345678');
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.body.error.requestId).toBe('trace-12345678');
  });

  it('masks unexpected errors as 500 without a stack trace', async () => {
    app.api.add({ method: 'GET', path: '/api/test/explode', access: 'anonymous', tag: 'test', summary: 'test only', handler: async () => {
      throw new Error('secret internal detail');
    } });
    const res = await request(app.callback).get('/api/test/explode');
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试', details: [], requestId: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
  });
});
