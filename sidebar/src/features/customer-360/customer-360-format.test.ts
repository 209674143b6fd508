import { describeRecent } from './customer-360-format';

describe('describeRecent', () => {
  // 2026-05-21 09:00 in Beijing.
  const now = new Date('2026-05-21T01:00:00.000Z');

  it('says 今天 / 昨天 by the Beijing calendar, not the UTC one', () => {
    expect(describeRecent('2026-05-20T16:05:00.000Z', now)).toBe('今天 00:05');
    expect(describeRecent('2026-05-20T15:55:00.000Z', now)).toBe('昨天 23:55');
    expect(describeRecent('2026-05-19T15:55:00.000Z', now)).toBe('2026-05-19');
  });
});
