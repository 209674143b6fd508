import type { Route } from '../../routes';
import { toQueryString } from '../../lib/query-string';

/** The query a share carries: the page's own (product id…) plus the sharer's invite code. */
export function shareQuery(query: Record<string, string | undefined>, inviteCode: string | undefined): string {
  return toQueryString({ ...query, inviter: inviteCode });
}

/** `/pages/product/index?id=…&inviter=…`: onShareAppMessage wants a full path starting with `/`. */
export function sharePath(route: Route, query: Record<string, string | undefined>, inviteCode: string | undefined): string {
  const search = shareQuery(query, inviteCode);
  return `/${route}${search ? `?${search}` : ''}`;
}
