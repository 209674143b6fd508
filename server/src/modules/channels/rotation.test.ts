import type { ChannelAssignment } from '@zhike/shared/channels';
import { eligibleUsers, isWithinWorkingHours, shanghaiClock } from './rotation';
import { isChannelState, newChannelState } from './channel-state';

// 2026-11-25 is a Wednesday; 01:30 UTC is 09:30 in Beijing.
const wednesdayMorning = new Date('2026-11-25T01:30:00Z');
const rotation = (overrides: Partial<Extract<ChannelAssignment, { mode: 'rotation' }>> = {}): ChannelAssignment => ({
  mode: 'rotation',
  members: [
    { userid: 'lilei', dailyLimit: 2, workingHours: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] } },
    { userid: 'hanmeimei', dailyLimit: 1 },
  ],
  backups: ['zhangwei'],
  ...overrides,
});

describe('rotation', () => {
  it('reads the Beijing wall clock, across the UTC date line', () => {
    expect(shanghaiClock(wednesdayMorning)).toEqual({ weekday: 3, time: '09:30' });
    expect(shanghaiClock(new Date('2026-11-29T16:30:00Z'))).toEqual({ weekday: 1, time: '00:30' }); // Sunday UTC, Monday in Beijing
  });

  it('lists members inside their hours and under their daily limit', () => {
    expect(eligibleUsers(rotation(), wednesdayMorning, new Map())).toEqual({ users: ['lilei', 'hanmeimei'], via: 'members' });
    expect(eligibleUsers(rotation(), wednesdayMorning, new Map([['lilei', 2]]))).toEqual({ users: ['hanmeimei'], via: 'members' });
  });

  it('leaves out a member outside their working hours or days', () => {
    expect(eligibleUsers(rotation(), new Date('2026-11-25T10:00:00Z'), new Map()).users).toEqual(['hanmeimei']); // 18:00 Beijing: the end is exclusive
    expect(eligibleUsers(rotation(), new Date('2026-11-28T02:00:00Z'), new Map()).users).toEqual(['hanmeimei']); // Saturday
    expect(isWithinWorkingHours({ start: '09:00', end: '18:00', weekdays: [3] }, new Date('2026-11-25T00:59:00Z'))).toBe(false); // 08:59
  });

  it('hands over to the backups when everyone is full, and to everyone when there are none', () => {
    const full = new Map([['lilei', 2], ['hanmeimei', 1]]);
    expect(eligibleUsers(rotation(), wednesdayMorning, full)).toEqual({ users: ['zhangwei'], via: 'backups' });
    expect(eligibleUsers(rotation({ backups: [] }), wednesdayMorning, full)).toEqual({ users: ['lilei', 'hanmeimei'], via: 'everyone' });
  });

  it('keeps a single code on its one salesperson', () => {
    expect(eligibleUsers({ mode: 'single', userid: 'lilei' }, wednesdayMorning, new Map([['lilei', 999]]))).toEqual({ users: ['lilei'], via: 'members' });
  });
});

describe('channel state', () => {
  it('fits WeCom\'s 30 characters and does not repeat', () => {
    const states = new Set(Array.from({ length: 500 }, newChannelState));
    expect(states.size).toBe(500);
    for (const state of states) expect(state).toMatch(/^ch_[0-9A-Za-z]{10}$/);
  });

  it('recognises only states shaped like ours', () => {
    expect(isChannelState(newChannelState())).toBe(true);
    expect(isChannelState('poster_lilei')).toBe(false);
    expect(isChannelState(`ch_${'a'.repeat(28)}`)).toBe(false); // 31 characters
    expect(isChannelState('ch_abc<script>')).toBe(false);
    expect(isChannelState(undefined)).toBe(false);
  });
});
