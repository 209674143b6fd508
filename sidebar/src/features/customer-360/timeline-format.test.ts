import type { TimelineEntry } from '@zhike/shared/timeline';
import { TIMELINE_NOW, ZHANG_WEI, ZHANG_WEI_TIMELINE } from '../../test-support/customer-360-fixtures';
import { dayLabel, groupTimelineByDay, isLongNote, timeOf, withStageChange, withTimelineEntry } from './timeline-format';

const note = (id: string, at: string): TimelineEntry => ({ id, kind: 'note', at, summary: '李娜 写了备注', text: '好' });

describe('groupTimelineByDay', () => {
  it('groups newest first by the Beijing day, labelled 今天 / 昨天 / the date', () => {
    const days = groupTimelineByDay(ZHANG_WEI_TIMELINE, TIMELINE_NOW);
    expect(days.map((d) => [d.label, d.entries.map((e) => e.id)])).toEqual([
      ['今天', ['tl-06', 'tl-05', 'tl-04']],
      ['昨天', ['tl-03', 'tl-02']],
      ['2026-04-10', ['tl-01']],
    ]);
  });

  it('puts an entry added on the client in its place, even if it arrives out of order', () => {
    const days = groupTimelineByDay([note('b', '2026-05-20T01:00:00.000Z'), note('a', '2026-05-21T01:00:00.000Z')], TIMELINE_NOW);
    expect(days.map((d) => d.entries.map((e) => e.id))).toEqual([['a'], ['b']]);
  });
});

describe('dayLabel and timeOf', () => {
  it('count days by the Beijing calendar', () => {
    const justAfterMidnight = new Date('2026-05-20T16:10:00.000Z'); // 00:10 on 21 May in Beijing
    expect(dayLabel('2026-05-21', justAfterMidnight)).toBe('今天');
    expect(dayLabel('2026-05-20', justAfterMidnight)).toBe('昨天');
    expect(dayLabel('2026-05-19', justAfterMidnight)).toBe('2026-05-19');
    expect(timeOf('2026-05-20T16:10:00.000Z')).toBe('00:10');
  });
});

describe('withTimelineEntry', () => {
  it('prepends the entry once, even when a reload already brought it', () => {
    const entry = note('tl-07', '2026-05-21T03:00:00.000Z');
    const once = withTimelineEntry(ZHANG_WEI, entry);
    expect(once.timeline.map((e) => e.id).slice(0, 2)).toEqual(['tl-07', 'tl-06']);
    expect(withTimelineEntry(once, entry).timeline).toHaveLength(ZHANG_WEI_TIMELINE.length + 1);
  });

  it('moves the stage with its entry', () => {
    const entry: TimelineEntry = { id: 'tl-07', kind: 'stage_changed', at: '2026-05-21T03:00:00.000Z', summary: '李娜 将阶段从 意向 改为 成交' };
    const after = withStageChange(ZHANG_WEI, 'won', entry);
    expect(after.stage).toBe('won');
    expect(after.timeline[0]).toBe(entry);
  });
});

describe('isLongNote', () => {
  it('clamps notes of more than about four lines, counting line breaks', () => {
    expect(isLongNote('想要企业版报价\n下周二前回复')).toBe(false);
    expect(isLongNote('一\n二\n三\n四')).toBe(false);
    expect(isLongNote('一\n二\n三\n四\n五')).toBe(true);
    expect(isLongNote('字'.repeat(88))).toBe(false);
    expect(isLongNote('字'.repeat(89))).toBe(true);
  });
});
