import type { CustomerIntentResponse, IntentLevel } from '@zhike/shared/events';
import { FIRST_STAGE_KEY } from '@zhike/shared/stages';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerAccess } from '../customer-360/customer-access';
import type { CustomerRecord } from '../../modules/customers';
import type { FollowRecord } from '../../modules/follows';
import { intentScore, type FitFacts, type IntentRollupRepository } from '../../modules/intent';

export interface CustomerIntentDeps {
  access: Pick<CustomerAccess, 'visibleCustomer'>;
  rollups: Pick<IntentRollupRepository, 'find'>;
  now?: () => Date;
}

/** The intent score of a customer the viewer may see, read from the rollup kept current on ingestion. */
export class CustomerIntentFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: CustomerIntentDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async forExternalUserId(viewer: StaffPrincipal, externalUserId: string): Promise<CustomerIntentResponse> {
    const { customer, follows } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    return this.scoreOf(customer, follows);
  }

  /** For the 360 header: the score and level only (one more lookup on the 360's path). */
  async summaryOf(customer: CustomerRecord, follows: FollowRecord[]): Promise<{ score: number; level: IntentLevel }> {
    const { score, level } = await this.scoreOf(customer, follows);
    return { score, level };
  }

  private async scoreOf(customer: CustomerRecord, follows: FollowRecord[]): Promise<CustomerIntentResponse> {
    return intentScore(await this.deps.rollups.find(customer.id), fitFactsOf(customer, follows), this.now());
  }
}

export function fitFactsOf(customer: CustomerRecord, follows: FollowRecord[]): FitFacts {
  return {
    hasUnionId: Boolean(customer.identifiers.unionid),
    phoneConsent: false,
    followsSalesperson: follows.some((follow) => !follow.endedAt),
    stage: customer.stage ?? FIRST_STAGE_KEY,
  };
}
