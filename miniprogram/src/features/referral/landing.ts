import Taro from '@tarojs/taro';
import {
  OpenedContentResponse,
  PosterSceneResponse,
  RecordContentOpenRequest,
  ResolvePosterSceneRequest,
} from '@zhike/shared/content';
import { authedRequest } from '../../lib/auth';
import { ApiError } from '../../lib/request';

/** How the customer arrived: a poster's mini-program code (`scene`) or a script's card (`t`). */
export type Landing = { kind: 'scene'; scene: string } | { kind: 'token'; token: string };

/**
 * WeChat hands page query values over still URL-encoded (a code's scene always, a card's path as
 * written), and Taro's H5 router does the same with the hash query; a malformed escape is kept as is.
 */
function decodeParam(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

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

/** The line the home page shows about who invited the customer to what. */
export async function reportLanding(landing: Landing): Promise<string> {
  if (landing.kind === 'scene') {
    const body = ResolvePosterSceneRequest.safeParse({ scene: landing.scene });
    if (!body.success) throw new ApiError('NOT_FOUND', '海报二维码无法识别');
    const poster = await authedRequest({ method: 'POST', path: '/api/content/scans', data: body.data, schema: PosterSceneResponse });
    return `${poster.salesperson.name} 邀请您查看《${poster.posterTitle}》`;
  }
  const body = RecordContentOpenRequest.safeParse({ token: landing.token });
  if (!body.success) throw new ApiError('TRACKING_TOKEN_INVALID', '分享链接无效');
  const opened = await authedRequest({ method: 'POST', path: '/api/content/opens', data: body.data, schema: OpenedContentResponse });
  return `${opened.salespersonName} 分享给您《${opened.title}》`;
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
