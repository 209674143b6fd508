import type { Context, Next } from 'koa';
import type { ErrorBody } from '@zhike/shared/errors';
import { AppError } from './app-error';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
}

/** Errors raised by Koa middleware (the router's method check), mapped to our codes. */
function fromHttpError(error: HttpLikeError): AppError | undefined {
  const status = error.status ?? error.statusCode;
  if (status === 405 || status === 501) return new AppError('METHOD_NOT_ALLOWED', '该接口不支持此请求方法');
  return undefined;
}

function writeError(ctx: Context, error: AppError): void {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, details: error.details, requestId: ctx.state.requestId },
  };
  ctx.status = error.status;
  ctx.body = body;
}

/** The one place errors become HTTP: AppErrors as they are, known HTTP errors mapped, the rest masked as 500. */
/** For the body parser: an unreadable body is the client's fault, reported in our shape. */
export function bodyParseError(error: HttpLikeError & { type?: string }, limitKb: number): AppError {
  if (error.status === 413 || error.type === 'entity.too.large') {
    return new AppError('PAYLOAD_TOO_LARGE', `请求体过大，上限为 ${limitKb} KB`, [{ field: 'body', issue: `超过 ${limitKb} KB` }]);
  }
  return new AppError('BAD_JSON', '请求体不是合法的 JSON', [{ field: 'body', issue: '无法解析为 JSON 对象或数组' }]);
}

export async function errorHandler(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) {
      writeError(ctx, new AppError('NOT_FOUND', `没有这个接口：${ctx.method} ${ctx.path}`));
    }
  } catch (thrown) {
    const error = thrown instanceof AppError ? thrown : fromHttpError(thrown as HttpLikeError);
    if (error) {
      if (error.status >= 500) ctx.state.log?.warn({ err: thrown, code: error.code }, 'request failed upstream');
      writeError(ctx, error);
      return;
    }
    ctx.state.log?.error({ err: thrown }, 'unhandled error');
    writeError(ctx, new AppError('INTERNAL', '服务器内部错误，请稍后重试'));
  }
}
