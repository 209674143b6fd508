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
};

export const useLaunch = jest.fn();

/** Opens the page under test with this query (values as WeChat passes them: still URL-encoded). */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaro(): void {
  storage.clear();
  routerParams = {};
  for (const fn of Object.values(taro)) fn.mockClear();
  taro.login.mockReset();
  taro.request.mockReset();
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

export default taro;
