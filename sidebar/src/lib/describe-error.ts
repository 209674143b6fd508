import { ApiError } from './http';
import { WeComError } from './wecom-error';

/** What the user reads when something fails: what happened and what to do, in plain Chinese. */
export interface ErrorText {
  title: string;
  message: string;
}

const API_ADVICE: Partial<Record<string, string>> = {
  NETWORK: '请检查网络连接后点“重试”。',
  FORBIDDEN: '你的账号没有这项权限，请联系管理员。',
  STAFF_NOT_FOUND: '你的企业微信账号还没有加入知客，请联系管理员把你加入应用的可见范围。',
  URL_NOT_ALLOWED: '当前页面地址不在应用的可信域名中，请联系管理员检查企业微信应用配置。',
  RATE_LIMITED: '操作太频繁了，请稍等片刻再试。',
  UPSTREAM_UNAVAILABLE: '企业微信服务暂时不可用，请稍后重试。',
  UPSTREAM_BAD_RESPONSE: '企业微信服务暂时不可用，请稍后重试。',
  UPSTREAM_REJECTED: '企业微信拒绝了请求，请联系管理员检查应用配置。',
  DATABASE_UNAVAILABLE: '服务器暂时不可用，请稍后重试。',
};

const WECOM_ADVICE: Record<string, string> = {
  timeout: '企业微信没有响应。请关闭侧边栏后重新打开；如果仍然不行，请重启企业微信。',
  'no permission': '应用或当前成员没有客户联系权限，请联系管理员在企业微信管理后台开通“客户联系”。',
  'permission denied': '应用或当前成员没有客户联系权限，请联系管理员在企业微信管理后台开通“客户联系”。',
  'invalid signature': '应用签名校验失败，请联系管理员检查应用 ID 与可信域名配置。',
};

export function describeError(error: unknown): ErrorText {
  if (error instanceof ApiError) {
    const advice = API_ADVICE[error.code] ?? '请稍后重试；如果一直失败，请联系管理员。';
    return { title: error.code === 'NETWORK' ? '网络连接失败' : '请求没有成功', message: joinSentences(error.message, advice) };
  }
  if (error instanceof WeComError) {
    // Keywords arrive as "fail no permission", "no permission" or "permission denied" depending on client and SDK.
    const known = Object.keys(WECOM_ADVICE).find((reason) => error.keyword.includes(reason));
    const advice = known ? WECOM_ADVICE[known] : '请关闭侧边栏后重新打开；如果一直失败，请联系管理员。';
    const title = error.api === 'agentConfig' ? '企业微信应用校验失败' : '企业微信接口调用失败';
    return { title, message: `${advice}（${error.message}）` };
  }
  return { title: '出错了', message: '页面遇到了意外错误，请刷新后重试。' };
}

function joinSentences(first: string, second: string): string {
  if (first === second) return first;
  return /[。！？.!?]$/.test(first) ? `${first}${second}` : `${first}。${second}`;
}
