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

const taro = {
  login: jest.fn(),
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
};

export const useLaunch = jest.fn();

export function resetTaro(): void {
  storage.clear();
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
