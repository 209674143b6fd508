import Router from '@koa/router';
import type { Context } from 'koa';
import type { ZodType } from 'zod';
import type { RouteAccess } from '@zhike/shared/auth';
import { AppError } from './app-error';
import { isAllowed, type Principal } from './principal';
import { parseInput } from './validation';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerInput<TBody, TQuery, TParams> {
  body: TBody;
  query: TQuery;
  params: TParams;
  /** Set whenever the route's access is not 'anonymous' (the check already passed). */
  principal: Principal | null;
  ctx: Context;
}

export interface RouteDefinition<TBody = unknown, TQuery = unknown, TParams = unknown, TResult = unknown> {
  method: HttpMethod;
  path: string;
  /** Who may call it. Every route declares one; the route walk test fails otherwise. */
  access: RouteAccess;
  summary: string;
  tag: string;
  body?: ZodType<TBody>;
  /**
   * The route reads the raw body itself (signed upstream callbacks: WeCom's XML, WeChat Pay's JSON, whose
   * signature covers the exact bytes); `body` is then the raw string, whatever Content-Type was sent.
   */
  rawTextBody?: true;
  /**
   * The body is a file sent as is (an upload): `body` is its bytes, accepted only with one of these
   * Content-Types and up to maxBytes.
   */
  binaryBody?: { contentTypes: readonly string[]; maxBytes: number };
  query?: ZodType<TQuery>;
  params?: ZodType<TParams>;
  /** The JSON body on success. Routes that answer with a redirect declare `redirects` instead. */
  response?: ZodType<TResult>;
  redirects?: true;
  /** The handler answers with bytes (images, files), not JSON: a `BinaryResult`. */
  binaryResponse?: { contentType: string; cacheControl?: string };
  /** The handler may answer with a `FileDownload` of this type instead of its JSON: an export of the same data, asked for in the query. */
  download?: { contentType: string };
  successStatus?: number;
  handler(input: HandlerInput<TBody, TQuery, TParams>): Promise<TResult>;
}

/** What a binaryResponse route's handler returns; contentType overrides the declared one (an asset knows its own). */
export interface BinaryResult {
  bytes: Buffer;
  contentType?: string;
}

/** A file a route that declares `download` answers with instead of its JSON (saved by the browser under `filename`). */
export class FileDownload {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

export type PrincipalResolver = (ctx: Context) => Promise<Principal | null>;

/** Registers typed routes and remembers their declarations, for access checks, OpenAPI and the route walk. */
export class ApiRouter {
  readonly router = new Router();
  readonly routes: RouteDefinition[] = [];

  constructor(
    private readonly resolvePrincipal: PrincipalResolver,
    private readonly options: { validateResponses: boolean; bodyLimitBytes: number },
  ) {}

  add<TBody, TQuery, TParams, TResult>(route: RouteDefinition<TBody, TQuery, TParams, TResult>): void {
    this.routes.push(route as RouteDefinition);
    this.router.register(route.path, [route.method], async (ctx: Context) => {
      const principal = route.access === 'anonymous' ? null : await this.resolvePrincipal(ctx);
      if (!isAllowed(route.access, principal)) {
        throw principal
          ? new AppError('FORBIDDEN', '没有权限执行此操作')
          : new AppError('UNAUTHENTICATED', '请先登录');
      }
      if (route.binaryBody) requireBodyType(ctx, route.binaryBody.contentTypes);
      else if (!route.rawTextBody) requireJsonBody(ctx);
      const input: HandlerInput<TBody, TQuery, TParams> = {
        body: route.binaryBody
          ? ((await readRawBody(ctx, route.binaryBody.maxBytes)) as TBody)
          : route.rawTextBody
          ? ((ctx.request.rawBody ?? (await readRawBody(ctx, this.options.bodyLimitBytes)).toString('utf8')) as TBody)
          : route.body
            ? parseInput(route.body, ctx.request.body ?? {}, 'body')
            : (undefined as TBody),
        query: route.query ? parseInput(route.query, ctx.query, 'query') : (undefined as TQuery),
        params: route.params ? parseInput(route.params, ctx.params, 'params') : (undefined as TParams),
        principal,
        ctx,
      };
      const result = await route.handler(input);
      if (route.redirects) return;
      ctx.status = route.successStatus ?? 200;
      if (result instanceof FileDownload) {
        if (!route.download) throw new Error(`${route.method} ${route.path} answered with a file it does not declare`);
        ctx.attachment(result.filename);
        ctx.type = result.contentType;
        ctx.set('Cache-Control', 'no-store');
        ctx.body = result.bytes;
        return;
      }
      if (route.binaryResponse) {
        const { bytes, contentType } = result as BinaryResult;
        ctx.type = contentType ?? route.binaryResponse.contentType;
        if (route.binaryResponse.cacheControl) ctx.set('Cache-Control', route.binaryResponse.cacheControl);
        ctx.body = bytes;
        return;
      }
      // In tests every answer is checked against its declared schema, so contract drift fails loudly.
      ctx.body = this.options.validateResponses && route.response ? route.response.parse(result) : result;
    });
  }
}

/** A JSON route refuses a body of another type instead of silently reading it as empty. */
function requireJsonBody(ctx: Context): void {
  const hasBody = Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';
  if (!hasBody || ctx.is('application/json')) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型，请使用 application/json', [
    { field: 'headers.content-type', issue: ctx.get('content-type') || '缺失' },
  ]);
}

function requireBodyType(ctx: Context, contentTypes: readonly string[]): void {
  if (ctx.is(...contentTypes)) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `不支持的文件类型，请上传 ${contentTypes.map(describeType).join('、')}`, [
    { field: 'headers.content-type', issue: ctx.get('content-type') || '缺失' },
  ]);
}

const TYPE_NAMES: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPG', 'application/pdf': 'PDF' };
const describeType = (type: string) => TYPE_NAMES[type] ?? type;

/** The body the parser left unread (a type it does not parse), up to the limit. */
async function readRawBody(ctx: Context, limitBytes: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limitBytes: number): AppError {
  const limit = limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / 1024 / 1024)} MB` : `${Math.round(limitBytes / 1024)} KB`;
  return new AppError('PAYLOAD_TOO_LARGE', `请求体过大，上限为 ${limit}`, [{ field: 'body', issue: '超过上限' }]);
}
