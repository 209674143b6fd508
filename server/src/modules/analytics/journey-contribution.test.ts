import type { CustomerJourneyDocument } from './analytics.model';
import { contributionChange, contributionOf } from './journey-contribution';
import { emptyJourney } from './journey-reducer';

const at = (iso: string) => new Date(iso);

function journey(changes: Partial<CustomerJourneyDocument>): CustomerJourneyDocument {
  return { ...emptyJourney('ww1', 'c1'), ...changes };
}

describe('contributionOf', () => {
  it('counts the cohort row of the Beijing day of the first touch, each step reached, and the hours between steps taken in order', () => {
    const contribution = contributionOf(
      journey({
        // 16:30 UTC on the 24th is 00:30 on the 25th in Beijing.
        steps: { visitor: at('2026-11-24T16:30:00Z'), contact: at('2026-11-25T02:00:00Z'), engaged: at('2026-11-25T04:59:00Z'), fan: at('2026-11-26T00:00:00Z') },
        firstTouchAt: at('2026-11-24T16:30:00Z'),
        channelKey: 'channel:ch1',
        departmentId: 2,
      }),
    );
    expect(contribution).toEqual({
      funnel: {
        key: { day: '2026-11-25', channelKey: 'channel:ch1', departmentId: 2 },
        counts: {
          entered: 1,
          'reached.visitor': 1,
          'fromPrevious.visitor': 1,
          'reached.fan': 1,
          'fromPrevious.fan': 1,
          'lagHours.fan.31': 1,
          'reached.contact': 1,
          // The fan step came after the contact: counted as from the previous step, but no time between them.
          'fromPrevious.contact': 1,
          'reached.engaged': 1,
          'fromPrevious.engaged': 1,
          'lagHours.engaged.2': 1,
        },
      },
    });
  });

  it('gives a referred customer a referral cohort row and their inviter totals with net revenue', () => {
    const contribution = contributionOf(
      journey({
        steps: { visitor: at('2026-11-24T08:00:00Z'), ordered: at('2026-11-24T09:00:00Z') },
        firstTouchAt: at('2026-11-24T08:00:00Z'),
        channelKey: 'referral',
        departmentId: 3,
        referrerId: 'inviter',
        referredAt: at('2026-11-24T08:00:00Z'),
        paidOrders: 1,
        netRevenueFen: 9_900,
      }),
    );
    expect(contribution.referralCohort).toEqual({ key: { day: '2026-11-24', departmentId: 3 }, counts: { invited: 1, activated: 0, converted: 1 } });
    expect(contribution.referrer).toEqual({ inviterId: 'inviter', counts: { invited: 1, activated: 0, converted: 1, revenueFen: 9_900 } });
    // Ordered without the steps between: reached, but not from the previous step.
    expect(contribution.funnel?.counts).toEqual({ entered: 1, 'reached.visitor': 1, 'fromPrevious.visitor': 1, 'reached.ordered': 1 });
  });

  it('adds nothing for a customer without a first touch', () => {
    expect(contributionOf(journey({}))).toEqual({});
  });
});

describe('contributionChange', () => {
  const before = contributionOf(journey({ steps: { visitor: at('2026-11-24T08:00:00Z') }, firstTouchAt: at('2026-11-24T08:00:00Z'), channelKey: 'organic', departmentId: 0 }));

  it('moves a customer between cohort rows: the old row loses them, the new one gains them', () => {
    const after = contributionOf(
      journey({
        steps: { visitor: at('2026-11-24T08:00:00Z') },
        firstTouchAt: at('2026-11-23T20:00:00Z'),
        channelKey: 'referral',
        departmentId: 2,
        referrerId: 'inviter',
        referredAt: at('2026-11-23T20:00:00Z'),
      }),
    );
    expect(contributionChange(before, after)).toEqual({
      rollups: [
        { family: 'funnel', id: '2026-11-24|referral|2', keyFields: { day: '2026-11-24', channelKey: 'referral', departmentId: 2 }, counts: { entered: 1, 'reached.visitor': 1, 'fromPrevious.visitor': 1 } },
        { family: 'referrals', id: '2026-11-24|2', keyFields: { day: '2026-11-24', departmentId: 2 }, counts: { invited: 1 } },
        { family: 'funnel', id: '2026-11-24|organic|0', keyFields: { day: '2026-11-24', channelKey: 'organic', departmentId: 0 }, counts: { entered: -1, 'reached.visitor': -1, 'fromPrevious.visitor': -1 } },
      ],
      referrers: [{ inviterId: 'inviter', counts: { invited: 1 } }],
    });
  });

  it('within the same row, adds only what changed', () => {
    const after = contributionOf(
      journey({ steps: { visitor: at('2026-11-24T08:00:00Z'), fan: at('2026-11-24T10:30:00Z') }, firstTouchAt: at('2026-11-24T08:00:00Z'), channelKey: 'organic', departmentId: 0 }),
    );
    expect(contributionChange(before, after)).toEqual({
      rollups: [{ family: 'funnel', id: '2026-11-24|organic|0', keyFields: { day: '2026-11-24', channelKey: 'organic', departmentId: 0 }, counts: { 'reached.fan': 1, 'fromPrevious.fan': 1, 'lagHours.fan.2': 1 } }],
      referrers: [],
    });
  });

  it('changes nothing when the contribution is the same', () => {
    expect(contributionChange(before, before)).toEqual({ rollups: [], referrers: [] });
  });
});
