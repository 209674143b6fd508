import { beijingToday, defaultFilter, filterHash, matchingPreset, presetRange, rangeProblem, readFilterFromHash } from './analytics-filter';

describe('beijingToday', () => {
  it('is already tomorrow in Beijing at 17:30 UTC, and still today at 15:59 UTC', () => {
    expect(beijingToday(Date.parse('2026-11-25T17:30:00Z'))).toBe('2026-11-26');
    expect(beijingToday(Date.parse('2026-11-25T15:59:00Z'))).toBe('2026-11-25');
  });
});

describe('presetRange', () => {
  const today = '2026-11-26';

  it('counts the last 7, 30 and 90 days including today', () => {
    expect(presetRange('last7', today)).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(presetRange('last30', today)).toEqual({ from: '2026-10-28', to: '2026-11-26' });
    expect(presetRange('last90', today)).toEqual({ from: '2026-08-29', to: '2026-11-26' });
  });

  it('takes this month up to today, and the whole of last month', () => {
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('finds last month across a year end and in a leap February', () => {
    expect(presetRange('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('lastMonth', '2028-03-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('last7', '2027-01-03')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('defaults to the last 30 days for every department, and recognises a preset range', () => {
    expect(defaultFilter(today)).toEqual({ from: '2026-10-28', to: '2026-11-26', department: null });
    expect(matchingPreset({ from: '2026-11-01', to: '2026-11-26' }, today)).toBe('thisMonth');
    expect(matchingPreset({ from: '2026-11-02', to: '2026-11-26' }, today)).toBeNull();
  });
});

describe('the filter in the console hash', () => {
  it('round-trips range and department', () => {
    const hash = filterHash('analytics', { from: '2026-11-01', to: '2026-11-26', department: 3 });
    expect(hash).toBe('#/analytics?from=2026-11-01&to=2026-11-26&department=3');
    expect(readFilterFromHash(hash)).toEqual({ from: '2026-11-01', to: '2026-11-26', department: 3 });
    expect(readFilterFromHash('#/analytics-sales?from=2026-11-01&to=2026-11-26')).toEqual({ from: '2026-11-01', to: '2026-11-26', department: null });
  });

  it('ignores a missing, reversed or impossible range', () => {
    expect(readFilterFromHash('#/analytics')).toBeNull();
    expect(readFilterFromHash('#/analytics?from=2026-11-26&to=2026-11-01')).toBeNull();
    expect(readFilterFromHash('#/analytics?from=2026-02-30&to=2026-03-01')).toBeNull();
    expect(rangeProblem('2026-11-26', '2026-11-01')).toBe('开始日期不能晚于结束日期');
    expect(rangeProblem('2024-01-01', '2026-11-01')).toBe('时间范围最长两年');
    expect(rangeProblem('2026-11-01', '2026-11-26')).toBeNull();
  });
});
