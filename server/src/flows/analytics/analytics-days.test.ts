import { daysOf, instantsOf, mondayOf, previousPeriod } from './analytics-days';

describe('analytics days', () => {
  it('compares a range with the days of equal number just before it, across months and years', () => {
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-07' })).toEqual({ from: '2026-11-24', to: '2026-11-30' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-01' })).toEqual({ from: '2025-12-31', to: '2025-12-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });

  it('starts a week on Monday', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23'); // a Wednesday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday belongs to the week before it
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('lists the days of a range and the instants they cover in Beijing time', () => {
    expect(daysOf({ from: '2026-11-30', to: '2026-12-02' })).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(instantsOf({ from: '2026-11-25', to: '2026-11-25' })).toEqual({ start: new Date('2026-11-24T16:00:00Z'), end: new Date('2026-11-25T16:00:00Z') });
  });
});
