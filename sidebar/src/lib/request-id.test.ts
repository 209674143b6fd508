import { newRequestId } from './request-id';

const FORMAT = /^[0-9a-f]{32}$/;

describe('newRequestId', () => {
  it('is 32 hex characters (a dash-less UUID), fresh every time', () => {
    const a = newRequestId();
    expect(a).toMatch(FORMAT);
    expect(newRequestId()).not.toBe(a);
  });

  it('works where randomUUID is missing (insecure context, older WebView)', () => {
    const spy = jest.spyOn(globalThis, 'crypto', 'get').mockReturnValue({ getRandomValues: (bytes: Uint8Array) => bytes.fill(171) } as unknown as Crypto);
    try {
      expect(newRequestId()).toBe('ab'.repeat(16));
    } finally {
      spy.mockRestore();
    }
  });
});
