import Taro from '@tarojs/taro';
import { isTabRoute, routes, type RouteName } from '../routes';
import { toQueryString } from './query-string';

/** Opens a page by name; tab pages go through switchTab (which drops the query, as WeChat requires). */
export function openPage(name: RouteName, query: Record<string, string | undefined> = {}): void {
  const route = routes[name];
  const done = { fail: () => undefined };
  if (isTabRoute(route)) {
    void Taro.switchTab({ url: `/${route}`, ...done });
    return;
  }
  const search = toQueryString(query);
  void Taro.navigateTo({ url: `/${route}${search ? `?${search}` : ''}`, ...done });
}
