import Taro from '@tarojs/taro';
import {
  OpenedContentResponse,
  PosterSceneResponse,
  RecordContentOpenRequest,
  ResolvePosterSceneRequest,
} from '@zhike/shared/content';
import { authedRequest } from '../../lib/auth';
import { decodeParam } from '../../lib/query-string';
import { ApiError } from '../../lib/request';

/** How the customer arrived: a poster's mini-program code (`scene`) or a script's card (`t`). */
export type Landing = { kind: 'scene'; scene: string } | { kind: 'token'; token: string };

/** The landing this page load came from, if any. A scan wins over a card should both be present. */
export function readLanding(params: Partial<Record<string, string>>): Landing | undefined {
  const scene = decodeParam(params.scene);
  if (scene) return { kind: 'scene', scene };
  const token = decodeParam(params.t);
  if (token) return { kind: 'token', token };
  return undefined;
}

/** The current page's query, as Taro gives it on both weapp and H5. */
export function currentLanding(): Landing | undefined {
  return readLanding(Taro.getCurrentInstance().router?.params ?? {});
}

/** What a landing resolved to: the poster and its salesperson, or the shared content and who shared it. */
export type ResolvedLanding = { kind: 'scene'; poster: PosterSceneResponse } | { kind: 'token'; opened: OpenedContentResponse };

/** Reports the landing to the server (which records the scan or open) and returns what it was. */
export async function resolveLanding(landing: Landing): Promise<ResolvedLanding> {
  if (landing.kind === 'scene') {
    const body = ResolvePosterSceneRequest.safeParse({ scene: landing.scene });
    if (!body.success) throw new ApiError('NOT_FOUND', '海报二维码无法识别');
    const poster = await authedRequest({ method: 'POST', path: '/api/content/scans', data: body.data, schema: PosterSceneResponse });
    return { kind: 'scene', poster };
  }
  const body = RecordContentOpenRequest.safeParse({ token: landing.token });
  if (!body.success) throw new ApiError('TRACKING_TOKEN_INVALID', '分享链接无效');
  const opened = await authedRequest({ method: 'POST', path: '/api/content/opens', data: body.data, schema: OpenedContentResponse });
  return { kind: 'token', opened };
}

/** The line the home page shows about who invited the customer to what. */
export function landingText(resolved: ResolvedLanding): string {
  return resolved.kind === 'scene'
    ? `${resolved.poster.salesperson.name} 邀请您查看《${resolved.poster.posterTitle}》`
    : `${resolved.opened.salespersonName} 分享给您《${resolved.opened.title}》`;
}

export async function reportLanding(landing: Landing): Promise<string> {
  return landingText(await resolveLanding(landing));
}

/**
 * A quiet note when the landing can't be resolved: the customer still has the home page, so this
 * says what happened without sounding like a failure of the app.
 */
export function landingErrorNotice(landing: Landing, error: unknown): string {
  const code = error instanceof ApiError ? error.code : undefined;
  if (landing.kind === 'scene') {
    if (code === 'SCENE_EXPIRED') return '这张海报的活动已结束，欢迎随便逛逛';
    if (code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') return '没有找到这张海报的信息，欢迎随便逛逛';
  } else if (code === 'TRACKING_TOKEN_INVALID' || code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') {
    return '分享的内容已失效，欢迎随便逛逛';
  }
  return '暂时没能识别分享来源，不影响您浏览';
}
