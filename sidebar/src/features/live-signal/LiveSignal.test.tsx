import { act, render, screen, within } from '@testing-library/react';
import { ZHANG_WEI, ZHANG_WEI_EXTERNAL_USERID as EXTERNAL_USERID, ZHANG_WEI_PATH as PATH } from '../../test-support/customer-360-fixtures';
import { fakeApi, ok, requestedUrls, STAFF_LI } from '../../test-support/fake-api';
import { Customer360Panel } from '../customer-360/Customer360Panel';
import { liveSignalPath, VIEWING_SHOWN_MS } from './use-live-signal';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

/** Stands in for the browser's EventSource: the test plays the server's part with `emit`. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((message: MessageEvent<string>) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) } as MessageEvent<string>);
    });
  }
}

beforeEach(() => {
  FakeEventSource.instances = [];
  (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
});
afterEach(() => {
  delete (globalThis as { EventSource?: unknown }).EventSource;
  jest.useRealTimers();
});

describe('live signal in the customer 360', () => {
  it('opens one stream for the open customer, shows 正在浏览《…》 for a minute after the last view, and closes on unmount', async () => {
    fakeApi({ [PATH]: ok(ZHANG_WEI) });
    const view = render(<Customer360Panel externalUserId={EXTERNAL_USERID} viewerUserid={STAFF_LI.userid} />);
    await screen.findByTestId('customer-name');
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual([liveSignalPath(EXTERNAL_USERID)]);
    expect(screen.queryByTestId('live-viewing')).toBeNull();

    jest.useFakeTimers();
    const stream = FakeEventSource.instances[0]!;
    stream.emit('viewing', { title: '精华护肤套装', page: 'pages/product/detail', at: '2026-05-21T01:41:00.000Z' });
    expect(screen.getByTestId('live-viewing').textContent).toBe('正在浏览《精华护肤套装》09:41');
    act(() => jest.advanceTimersByTime(VIEWING_SHOWN_MS - 1_000));
    stream.emit('viewing', { title: '晨露香氛', page: 'pages/product/detail', at: '2026-05-21T01:42:00.000Z' });
    act(() => jest.advanceTimersByTime(VIEWING_SHOWN_MS - 1_000));
    expect(screen.getByTestId('live-viewing').textContent).toContain('正在浏览《晨露香氛》');
    act(() => jest.advanceTimersByTime(1_000));
    expect(screen.queryByTestId('live-viewing')).toBeNull();

    view.unmount();
    expect(stream.closed).toBe(true);
  });

  it('puts a pushed timeline entry on top of the timeline without reloading, once, and ignores garbage', async () => {
    const fetchMock = fakeApi({ [PATH]: ok(ZHANG_WEI) });
    render(<Customer360Panel externalUserId={EXTERNAL_USERID} viewerUserid={STAFF_LI.userid} />);
    await screen.findByTestId('customer-name');
    const stream = FakeEventSource.instances[0]!;
    const entry = { id: 'live-entry-1', kind: 'page_viewed', at: new Date().toISOString(), summary: '浏览了《精华护肤套装》' };
    stream.emit('timeline', { entry });
    stream.emit('timeline', { entry });
    stream.emit('timeline', { entry: { id: 'bad', kind: 'no_such_kind' } });
    const shown = screen.getAllByText('浏览了《精华护肤套装》');
    expect(shown).toHaveLength(1);
    expect(within(document.body).queryByText('no_such_kind')).toBeNull();
    expect(requestedUrls(fetchMock).filter((url) => url.includes(PATH))).toHaveLength(1); // no reload
  });
});
