import { formatShanghaiDateTime, shanghaiDay } from './index';

describe('Shanghai time helpers', () => {
  it('shows a UTC instant in Beijing time', () => {
    expect(formatShanghaiDateTime('2026-11-25T01:41:00Z')).toBe('2026-11-25 09:41');
  });

  it('puts 16:30 UTC on the next Beijing day', () => {
    expect(shanghaiDay('2026-11-24T16:30:00Z')).toBe('2026-11-25');
    expect(shanghaiDay('2026-11-24T15:59:59Z')).toBe('2026-11-24');
  });
});
