import type { ZodType } from 'zod';
import { AppError } from '../../platform/http/app-error';

/** An upstream answered with an error code of its own (WeCom/WeChat `errcode`). Callers map the ones they expect. */
export class UpstreamApiError extends AppError {
  constructor(
    readonly upstream: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super('UPSTREAM_REJECTED', `${upstream} 接口返回错误 ${errcode}：${errmsg}`, [{ field: 'upstream', issue: `${upstream} errcode ${errcode}` }]);
  }
}

export function upstreamUnavailable(upstream: string, why: string): AppError {
  return new AppError('UPSTREAM_UNAVAILABLE', `${upstream} 暂时不可用，请稍后重试`, [{ field: 'upstream', issue: why }]);
}

export function upstreamBadResponse(upstream: string, why: string): AppError {
  return new AppError('UPSTREAM_BAD_RESPONSE', `${upstream} 返回了无法识别的内容`, [{ field: 'upstream', issue: why }]);
}

/** Checks an upstream answer against the fields we rely on; anything else is a bad response, not a crash. */
export function parseUpstreamAnswer<T>(upstream: string, schema: ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw upstreamBadResponse(upstream, parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; '));
}
