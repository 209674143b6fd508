import Taro from '@tarojs/taro';
import { isTabRoute, routes, type RouteName } from '../routes';
import { toQueryString } from './query-string';

function pageUrl(name: RouteName, query: Record<string, string | undefined>): string {
  const search = toQueryString(query);
  return `/${routes[name]}${search ? `?${search}` : ''}`;
}

/** Opens a page by name; tab pages go through switchTab (which drops the query, as WeChat requires). */
export function openPage(name: RouteName, query: Record<string, string | undefined> = {}): void {
  const route = routes[name];
  const done = { fail: () => undefined };
  if (isTabRoute(route)) {
    void Taro.switchTab({ url: `/${route}`, ...done });
    return;
  }
  void Taro.navigateTo({ url: pageUrl(name, query), ...done });
}

/** Replaces the current page (a submitted checkout gives way to its order, so 返回 skips the form). */
export function replacePage(name: Exclude<RouteName, 'home' | 'mine'>, query: Record<string, string | undefined> = {}): void {
  void Taro.redirectTo({ url: pageUrl(name, query), fail: () => undefined });
}
