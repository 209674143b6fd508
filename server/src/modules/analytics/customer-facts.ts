import { FIRST_STAGE_KEY } from '@zhike/shared/stages';
import type { CustomerRepository } from '../customers';
import type { ActiveFollowTags, FollowRepository } from '../follows';
import { intentScore, type EngagementRollup, type FitFacts, type IntentRollupRepository } from '../intent';
import type { CustomerJourneyDocument } from './analytics.model';
import type { SegmentFacts } from './segment-rules';

/** Where the facts outside the journeys come from (the follows, customers and intent modules' repositories). */
export interface CustomerFactsSources {
  follows: Pick<FollowRepository, 'listActiveTags'>;
  customers: Pick<CustomerRepository, 'listStages'>;
  intent: Pick<IntentRollupRepository, 'findAll' | 'findMany'>;
}

/**
 * What the analytics know of customers beyond their journeys, read in one query per collection (the embedded
 * engine scans a collection per query, whatever the filter): active follows with their tags, stage and
 * unionid, and engagement. For the whole corp (the snapshot) or a list of customers (a drill-down).
 */
export class CustomerFacts {
  private constructor(
    private readonly follows: ReadonlyMap<string, ActiveFollowTags[]>,
    private readonly profiles: ReadonlyMap<string, { stage: string; hasUnionId: boolean }>,
    private readonly engagement: ReadonlyMap<string, EngagementRollup>,
  ) {}

  static async load(sources: CustomerFactsSources, corpId: string, customerIds?: string[]): Promise<CustomerFacts> {
    const [follows, profiles, engagement] = await Promise.all([
      sources.follows.listActiveTags(corpId, customerIds),
      sources.customers.listStages(customerIds),
      customerIds ? sources.intent.findMany(customerIds) : sources.intent.findAll(),
    ]);
    const byCustomer = new Map<string, ActiveFollowTags[]>();
    for (const follow of follows) {
      const ofCustomer = byCustomer.get(follow.customerId);
      if (ofCustomer) ofCustomer.push(follow);
      else byCustomer.set(follow.customerId, [follow]);
    }
    return new CustomerFacts(byCustomer, new Map(profiles.map(({ id, ...profile }) => [id, profile])), engagement);
  }

  /** Every active follow loaded, by customer. */
  allFollows(): IterableIterator<ActiveFollowTags[]> {
    return this.follows.values();
  }

  followsOf(customerId: string): readonly ActiveFollowTags[] {
    return this.follows.get(customerId) ?? [];
  }

  /** The owner's follow, while the owner still follows the customer. */
  ownerFollowOf(journey: Pick<CustomerJourneyDocument, 'customerId' | 'ownerUserid'>): ActiveFollowTags | undefined {
    return journey.ownerUserid === undefined ? undefined : this.followsOf(journey.customerId).find((follow) => follow.userid === journey.ownerUserid);
  }

  /** The score's fit part, as the sidebar computes it (phone consent is not collected yet). */
  fitOf(customerId: string): FitFacts {
    const profile = this.profiles.get(customerId);
    return { hasUnionId: profile?.hasUnionId ?? false, phoneConsent: false, followsSalesperson: this.followsOf(customerId).length > 0, stage: this.stageOf(customerId) };
  }

  engagementOf(customerId: string): EngagementRollup | null {
    return this.engagement.get(customerId) ?? null;
  }

  segmentFacts(journey: CustomerJourneyDocument, asOf: Date): SegmentFacts {
    return {
      tagIds: this.ownerFollowOf(journey)?.tagIds ?? [],
      stage: this.stageOf(journey.customerId),
      score: intentScore(this.engagementOf(journey.customerId), this.fitOf(journey.customerId), asOf).score,
      ...(journey.lastActiveAt ? { lastActiveAt: journey.lastActiveAt } : {}),
      paidOrders: journey.paidOrders,
    };
  }

  private stageOf(customerId: string): string {
    return this.profiles.get(customerId)?.stage ?? FIRST_STAGE_KEY;
  }
}
