import { REFERRAL_TREE_MAX_DEPTH, type AnalyticsRangeQuery, type ReferralsReport, type ReferralTree, type ReferralTreeNode } from '@zhike/shared/analytics';
import { AppError } from '../../platform/http/app-error';
import type { CustomerJourneyDocument, JourneyRepository, ReferralRollupDocument, RollupRepository } from '../../modules/analytics';
import type { CustomerRepository } from '../../modules/customers';
import type { ReferralRecord, ReferralRepository } from '../../modules/referrals';
import { previousPeriod } from './analytics-days';
import { departmentList, inDepartments, NO_DEPARTMENT, type AnalyticsScopes, type AnalyticsViewer } from './analytics-scope';
import { count } from './rollup-figures';

export interface ReferralReportsDeps {
  scopes: Pick<AnalyticsScopes, 'resolve'>;
  rollups: Pick<RollupRepository, 'readDays' | 'topReferrers'>;
  journeys: Pick<JourneyRepository, 'find' | 'findMany'>;
  customers: Pick<CustomerRepository, 'findById' | 'findByIds'>;
  referrals: Pick<ReferralRepository, 'findByInvitee' | 'listByInviters'>;
}

export const TOP_REFERRERS = 20;
/** The walk up to the root inviter stops here, so a corrupt chain cannot loop forever. */
const MAX_CHAIN = 100;
const DELETED_CUSTOMER_NAME = '（已删除）';

type ReferralTotals = Pick<ReferralRollupDocument, 'invited' | 'activated' | 'converted'> & { referredRevenueFen: number };

function sum(rows: ReferralRollupDocument[]): ReferralTotals {
  const totals: ReferralTotals = { invited: 0, activated: 0, converted: 0, referredRevenueFen: 0 };
  for (const row of rows) {
    totals.invited += count(row.invited);
    totals.activated += count(row.activated);
    totals.converted += count(row.converted);
    totals.referredRevenueFen += count(row.referredPaidFen) - count(row.referredRefundFen);
  }
  return totals;
}

const notFound = () => new AppError('NOT_FOUND', '客户不存在');

/** 老带新 in the console: the referral cohort figures (rollups), the top inviters (their totals), and one customer's tree. */
export class ReferralReportsFlow {
  constructor(private readonly deps: ReferralReportsDeps) {}

  async referrals(viewer: AnalyticsViewer, query: AnalyticsRangeQuery): Promise<ReferralsReport> {
    const scope = await this.deps.scopes.resolve(viewer, query.department);
    const previous = previousPeriod(query);
    const [stored, top] = await Promise.all([this.deps.rollups.readDays<ReferralRollupDocument>('referrals', previous.from, query.to), this.deps.rollups.topReferrers(departmentList(scope), TOP_REFERRERS)]);
    const rows = stored.filter((row) => inDepartments(scope, row.departmentId));
    const current = sum(rows.filter((row) => row.day >= query.from));
    const before = sum(rows.filter((row) => row.day < query.from));
    const kpi = (field: keyof ReferralTotals) => ({ value: current[field], previous: before[field] });
    // Totals carry the inviter's name; only rows written before names were kept need the customers read.
    const unnamed = top.filter((referrer) => referrer.name === null).map((referrer) => referrer._id);
    const names = new Map(unnamed.length ? (await this.deps.customers.findByIds(unnamed)).map((customer): [string, string] => [customer.id, customer.displayName]) : []);
    return {
      range: { from: query.from, to: query.to },
      invited: kpi('invited'),
      activated: kpi('activated'),
      converted: kpi('converted'),
      referredRevenueFen: kpi('referredRevenueFen'),
      topReferrers: top.map((referrer) => ({
        customerId: referrer._id,
        name: referrer.name ?? names.get(referrer._id) ?? DELETED_CUSTOMER_NAME,
        invited: referrer.invited,
        activated: referrer.activated,
        converted: referrer.converted,
        revenueFen: referrer.revenueFen,
      })),
    };
  }

  /**
   * Who brought the customer in (up to the root inviter) and everyone below them, REFERRAL_TREE_MAX_DEPTH
   * levels at most. A customer outside the viewer's departments is answered as one that does not exist.
   */
  async tree(viewer: AnalyticsViewer, customerId: string): Promise<ReferralTree> {
    const scope = await this.deps.scopes.resolve(viewer);
    const [customer, journey] = await Promise.all([this.deps.customers.findById(customerId), this.deps.journeys.find(customerId)]);
    if (!customer || !inDepartments(scope, journey?.departmentId ?? NO_DEPARTMENT)) throw notFound();

    const chain: ReferralRecord[] = [];
    const seen = new Set([customerId]);
    const ownReferral = await this.deps.referrals.findByInvitee(customerId);
    for (let referral = ownReferral; referral && !seen.has(referral.inviterId) && chain.length < MAX_CHAIN; referral = await this.deps.referrals.findByInvitee(referral.inviterId)) {
      seen.add(referral.inviterId);
      chain.unshift(referral);
    }

    const levels: ReferralRecord[][] = [];
    let parents = [customerId];
    let truncated = false;
    for (let depth = 0; parents.length > 0; depth++) {
      const children = (await this.deps.referrals.listByInviters(parents)).filter((referral) => !seen.has(referral.inviteeId));
      if (depth === REFERRAL_TREE_MAX_DEPTH) {
        truncated = children.length > 0;
        break;
      }
      for (const referral of children) seen.add(referral.inviteeId);
      levels.push(children);
      parents = children.map((referral) => referral.inviteeId);
    }

    const ids = [...seen];
    const [people, journeys] = await Promise.all([this.deps.customers.findByIds(ids), this.deps.journeys.findMany(ids)]);
    const names = new Map(people.map((person): [string, string] => [person.id, person.displayName]));
    const journeyOf = new Map(journeys.map((found): [string, CustomerJourneyDocument] => [found.customerId, found]));
    const nodes = new Map<string, ReferralTreeNode>();
    const node = (id: string, referral: ReferralRecord | null): ReferralTreeNode => {
      const created: ReferralTreeNode = {
        customerId: id,
        name: names.get(id) ?? DELETED_CUSTOMER_NAME,
        at: referral ? referral.at.toISOString() : null,
        channel: referral?.channel ?? null,
        ordered: (journeyOf.get(id)?.paidOrders ?? 0) > 0,
        revenueFen: journeyOf.get(id)?.netRevenueFen ?? 0,
        children: [],
      };
      nodes.set(id, created);
      return created;
    };
    const root = node(customerId, ownReferral);
    for (const level of levels) {
      for (const referral of [...level].sort((a, b) => a.at.getTime() - b.at.getTime())) nodes.get(referral.inviterId)!.children.push(node(referral.inviteeId, referral));
    }
    return {
      invitedBy: chain.map((referral) => ({ customerId: referral.inviterId, name: names.get(referral.inviterId) ?? DELETED_CUSTOMER_NAME })),
      root,
      truncated,
    };
  }
}
