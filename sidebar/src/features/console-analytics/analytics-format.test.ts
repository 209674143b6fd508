import { formatChange, formatDays, formatMedianHours, formatRate } from './analytics-format';

describe('formatChange', () => {
  it('shows a rise and a fall against the previous period with one decimal', () => {
    expect(formatChange({ value: 45, previous: 40 })).toEqual({ text: '▲12.5%', direction: 'up' });
    expect(formatChange({ value: 30, previous: 40 })).toEqual({ text: '▼25.0%', direction: 'down' });
    expect(formatChange({ value: 1, previous: 3 })).toEqual({ text: '▼66.7%', direction: 'down' });
  });

  it('shows — when the previous period had nothing, and 持平 when nothing changed', () => {
    expect(formatChange({ value: 12, previous: 0 })).toEqual({ text: '—', direction: 'none' });
    expect(formatChange({ value: 0, previous: 0 })).toEqual({ text: '—', direction: 'none' });
    expect(formatChange({ value: 7, previous: 7 })).toEqual({ text: '持平', direction: 'flat' });
  });

  it('reads net revenue that went from refunds-heavy (negative) to positive as a rise', () => {
    expect(formatChange({ value: 10_000, previous: -10_000 })).toEqual({ text: '▲200.0%', direction: 'up' });
  });
});

describe('formatMedianHours', () => {
  it('says hours under a day and days with one decimal from a day on', () => {
    expect(formatMedianHours(null)).toBe('—');
    expect(formatMedianHours(0.4)).toBe('不到 1 小时');
    expect(formatMedianHours(5.4)).toBe('5 小时');
    expect(formatMedianHours(23.4)).toBe('23 小时');
    expect(formatMedianHours(24)).toBe('1.0 天');
    expect(formatMedianHours(36)).toBe('1.5 天');
    expect(formatMedianHours(60)).toBe('2.5 天');
  });
});

describe('formatRate and formatDays', () => {
  it('shows rates as percentages and — where there is nothing to divide by', () => {
    expect(formatRate(0.375)).toBe('37.5%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatDays(3)).toBe('3 天');
    expect(formatDays(2.5)).toBe('2.5 天');
    expect(formatDays(null)).toBe('—');
  });
});
