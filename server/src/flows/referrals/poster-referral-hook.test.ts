import { ContentEngagementFlow, type ContentEngagementDeps } from '../content/content-engagement.flow';

/** The poster hook in ContentEngagementFlow.scanPoster, with its other dependencies faked. */
function engagement(posterReferral: jest.Mock) {
  const deps = {
    tracking: { recordTouch: jest.fn(async () => ({ first: true })), incrementStats: jest.fn(async () => undefined) },
    posters: {
      resolveScene: jest.fn(async () => ({
        scene: { scene: 'pWangPoster1', corpId: 'corp', userid: 'lilei', customerId: 'wang', campaign: '双11' },
        template: { id: 'tpl1', name: '双11 邀请函' },
      })),
    },
    staff: { directory: jest.fn(async () => new Map()) },
    timeline: { record: jest.fn(async () => undefined) },
    contentTitles: jest.fn(),
    posterReferral,
  } as unknown as ContentEngagementDeps;
  return new ContentEngagementFlow(deps);
}

describe('ContentEngagementFlow.scanPoster → referral by poster', () => {
  it("asks the referral flow when someone other than the poster's customer scans it, naming the poster's salesperson", async () => {
    const posterReferral = jest.fn(async () => ({ recorded: true }));
    await engagement(posterReferral).scanPoster('zhao', 'pWangPoster1');
    expect(posterReferral).toHaveBeenCalledWith('wang', 'zhao', { userid: 'lilei', scene: 'pWangPoster1' });
  });

  it("does not when the poster's own customer scans it", async () => {
    const posterReferral = jest.fn();
    await engagement(posterReferral).scanPoster('wang', 'pWangPoster1');
    expect(posterReferral).not.toHaveBeenCalled();
  });
});
