import { InProcessLiveBus, type LiveMessage } from './live-bus';
import { EventStream } from './event-stream';

const viewing = (customerId: string): LiveMessage => ({ type: 'viewing', customerId, title: '精华护肤套装', page: 'pages/product/detail', at: '2026-05-20T08:00:00.000Z' });

describe('InProcessLiveBus', () => {
  it('delivers to the subscribers of that customer only, and stops after unsubscribe', () => {
    const bus = new InProcessLiveBus();
    const wang: LiveMessage[] = [];
    const sun: LiveMessage[] = [];
    const stopWang = bus.subscribe('wang', (m) => wang.push(m));
    bus.subscribe('sun', (m) => sun.push(m));
    bus.publish(viewing('wang'));
    expect([wang.length, sun.length]).toEqual([1, 0]);
    stopWang();
    bus.publish(viewing('wang'));
    expect(wang.length).toBe(1);
    expect(bus.subscriberCount('wang')).toBe(0);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const bus = new InProcessLiveBus();
    const seen: string[] = [];
    bus.subscribe('wang', () => {
      throw new Error('broken stream');
    });
    bus.subscribe('wang', (m) => seen.push(m.type));
    expect(() => bus.publish(viewing('wang'))).not.toThrow();
    expect(seen).toEqual(['viewing']);
  });
});

describe('EventStream', () => {
  it('writes events in the text/event-stream format and heartbeats; closing stops both and runs the closers once', () => {
    jest.useFakeTimers();
    try {
      const stream = new EventStream(15_000);
      const chunks: string[] = [];
      const drain = () => {
        for (let chunk: Buffer | null; (chunk = stream.body.read() as Buffer | null) !== null; ) chunks.push(chunk.toString());
      };
      let closed = 0;
      stream.onClose(() => (closed += 1));
      stream.send('viewing', { title: '精华护肤套装' });
      jest.advanceTimersByTime(15_000);
      drain();
      stream.body.destroy();
      stream.close();
      stream.send('viewing', { title: 'after close' });
      jest.advanceTimersByTime(30_000);
      expect(chunks.join('')).toBe('retry: 3000\n: connected\n\nevent: viewing\ndata: {"title":"精华护肤套装"}\n\n: heartbeat\n\n');
      expect(closed).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
