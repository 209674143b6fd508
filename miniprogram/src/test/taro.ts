/** A stand-in for @tarojs/taro (mapped in jest.config.cjs): storage in memory, requests answered by `serveApi`. */

export interface FakeRequest {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}

export interface FakeResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

const storage = new Map<string, unknown>();
/** The current page's query, as Taro.getCurrentInstance().router.params would hold it. */
let routerParams: Record<string, string> = {};

const taro = {
  login: jest.fn(),
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  getCurrentInstance: jest.fn(() => ({ router: { params: { ...routerParams }, path: '/pages/index/index' } })),
  navigateTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  requestPayment: jest.fn(),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
  previewImage: jest.fn(async () => ({ errMsg: 'previewImage:ok' })),
  setClipboardData: jest.fn(async () => ({ errMsg: 'setClipboardData:ok' })),
  onAppShow: jest.fn(),
  onAppHide: jest.fn(),
};

/**
 * Page lifecycle hooks: the test plays WeChat. Every render registers its callbacks again; the mock
 * keeps the latest callback of each call site (told apart by the callback's source text), so firing
 * a hook runs each of the page's hooks once, with the current render's closure.
 */
type PageHook = 'didShow' | 'didHide' | 'unload' | 'shareAppMessage' | 'shareTimeline';
type Callback = (...args: unknown[]) => unknown;
const pageHooks = new Map<PageHook, Map<string, Callback>>();

function register(hook: PageHook) {
  return jest.fn((callback: Callback) => {
    const sites = pageHooks.get(hook) ?? new Map<string, Callback>();
    sites.set(callback.toString(), callback);
    pageHooks.set(hook, sites);
  });
}

export const useLaunch = jest.fn();
export const useDidShow = register('didShow');
export const useDidHide = register('didHide');
export const useUnload = register('unload');
export const useShareAppMessage = register('shareAppMessage');
export const useShareTimeline = register('shareTimeline');
export const useRouter = jest.fn(() => ({ params: { ...routerParams }, path: '/pages/index/index' }));

/** Runs every call site's latest callback for `hook`; returns the last one's result (a share's card). */
export function firePageHook(hook: PageHook, ...args: unknown[]): unknown {
  const sites = [...(pageHooks.get(hook)?.values() ?? [])];
  if (sites.length === 0) throw new Error(`the page registered no ${hook} hook`);
  let result: unknown;
  for (const callback of sites) result = callback(...args);
  return result;
}

/** Opens the page under test with this query (values as WeChat passes them: still URL-encoded). */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaro(): void {
  storage.clear();
  routerParams = {};
  pageHooks.clear();
  for (const fn of Object.values(taro)) fn.mockClear();
  taro.login.mockReset();
  taro.request.mockReset();
  taro.requestPayment.mockReset();
}

/** Every request sent so far, as `METHOD /path` with the API origin stripped. */
export function sentRequests(): string[] {
  return taro.request.mock.calls.map(
    ([req]: [FakeRequest]) => `${req.method} ${req.url.replace(ZHIKE_API_BASE_URL, '')}`,
  );
}

export function lastRequest(): FakeRequest {
  const calls = taro.request.mock.calls;
  return calls[calls.length - 1]![0] as FakeRequest;
}

/** What storage holds under `key`, as the app wrote it. */
export function stored(key: string): unknown {
  return storage.get(key);
}

export default taro;
