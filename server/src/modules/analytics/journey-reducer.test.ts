import type { TimelineKind } from '@zhike/shared/timeline';
import type { DirectoryLookups } from './analytics-directory';
import { applyInput, emptyJourney, type JourneyInput } from './journey-reducer';

const directory: DirectoryLookups = {
  departmentOf: (_corpId, userid) => ({ lilei: 2, hanmeimei: 3 })[userid ?? ''] ?? 0,
  channelOf: (_corpId, state) => (state === 'ch_spring0001' ? { id: 'ch1', name: '春季活动' } : undefined),
};

const entry = (kind: TimelineKind, iso: string, data: Record<string, unknown> = {}, actorUserid?: string): JourneyInput => ({
  type: 'entry',
  entry: { corpId: 'ww1', customerId: 'c1', kind, at: new Date(iso), data, ...(actorUserid ? { actorUserid } : {}) },
});

function journeyAfter(inputs: JourneyInput[]) {
  const journey = emptyJourney('ww1', 'c1');
  for (const input of inputs) applyInput(journey, input, directory);
  return journey;
}

describe('applyInput', () => {
  it('lets a contact synced late with an earlier time become the first: owner, department and channel follow it', () => {
    const journey = journeyAfter([entry('contact_added', '2026-11-25T02:00:00Z', {}, 'hanmeimei'), entry('contact_added', '2026-11-24T02:00:00Z', { state: 'ch_spring0001' }, 'lilei')]);
    expect(journey).toMatchObject({
      steps: { contact: new Date('2026-11-24T02:00:00Z') },
      ownerUserid: 'lilei',
      departmentId: 2,
      channelKey: 'channel:ch1',
      channelLabel: '春季活动',
      contactedAt: { lilei: new Date('2026-11-24T02:00:00Z'), hanmeimei: new Date('2026-11-25T02:00:00Z') },
    });
  });

  it('counts engagement only after the contact, and a referral made after the contact leaves the channel as it was', () => {
    const journey = journeyAfter([
      entry('content_shared', '2026-11-24T01:00:00Z'),
      entry('contact_added', '2026-11-24T02:00:00Z', {}, 'lilei'),
      entry('referred_by', '2026-11-24T03:00:00Z', { inviterId: 'wang', channel: 'poster', attributedUserid: 'hanmeimei' }),
      entry('page_viewed', '2026-11-24T04:00:00Z'),
    ]);
    expect(journey.steps.engaged).toEqual(new Date('2026-11-24T04:00:00Z'));
    expect(journey).toMatchObject({ channelKey: 'organic', ownerUserid: 'lilei', referralChannel: 'poster', activatedAt: new Date('2026-11-24T04:00:00Z') });
  });

  it('credits an ownerless referred visitor to the referral’s salesperson, on the poster channel', () => {
    const journey = journeyAfter([entry('referred_by', '2026-11-24T03:00:00Z', { inviterId: 'wang', channel: 'poster', attributedUserid: 'hanmeimei' })]);
    expect(journey).toMatchObject({ channelKey: 'poster', channelLabel: '海报', ownerUserid: 'hanmeimei', departmentId: 3, firstTouchAt: new Date('2026-11-24T03:00:00Z') });
  });

  it('keeps the two earliest payments as ordered and repeat whatever their order, and nets refunds', () => {
    const journey = journeyAfter([
      entry('order_paid', '2026-11-26T00:00:00Z', { totalFen: 300 }),
      entry('order_paid', '2026-11-24T00:00:00Z', { totalFen: 100 }),
      entry('order_refunded', '2026-11-27T00:00:00Z', { refundFen: 250 }),
      entry('order_paid', '2026-11-25T00:00:00Z', { totalFen: 200 }),
    ]);
    expect(journey.steps).toEqual({ ordered: new Date('2026-11-24T00:00:00Z'), repeat: new Date('2026-11-25T00:00:00Z') });
    expect(journey).toMatchObject({ paidOrders: 3, netRevenueFen: 350, lastPaidAt: new Date('2026-11-26T00:00:00Z') });
  });

  it('counts active days by Beijing day: 23:59 and 00:01 in Beijing are two days, 16:30 UTC belongs to the next', () => {
    const journey = journeyAfter([
      entry('page_viewed', '2026-11-24T15:59:00Z'),
      entry('page_viewed', '2026-11-24T16:01:00Z'),
      entry('page_viewed', '2026-11-24T16:30:00Z'),
      entry('note', '2026-11-28T00:00:00Z', {}, 'lilei'),
    ]);
    expect(journey).toMatchObject({ activeDays: 2, firstActiveAt: new Date('2026-11-24T15:59:00Z'), lastActiveAt: new Date('2026-11-24T16:30:00Z'), touchedBy: { lilei: new Date('2026-11-28T00:00:00Z') } });
  });
});
