import { FUNNEL_STEP_LABELS, type DrillDownQuery } from '@zhike/shared/analytics';
import { AppError } from '../../platform/http/app-error';
import type { CustomerJourneyDocument, JourneyRepository } from '../../modules/analytics';
import type { ChannelRepository } from '../../modules/channels';
import type { ContentTrackingRepository } from '../../modules/content-tracking';
import type { CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { OrderRepository } from '../../modules/orders';
import type { ReferralRepository } from '../../modules/referrals';
import type { StaffService } from '../../modules/staff';
import { instantsOf } from './analytics-days';
import { inDepartments, NO_DEPARTMENT, ofUserids, type AnalyticsScope, type AnalyticsViewer } from './analytics-scope';
import { DELETED_CONTENT_TITLE } from './content-report.flow';
import { channelLabel } from './funnel-report.flow';

export type DrillDownPopulationName = DrillDownQuery['population'];
export type DrillDownQueryOf<P extends DrillDownPopulationName> = Extract<DrillDownQuery, { population: P }>;

/** The customers behind one figure (ids in any order, repeats allowed) and what the list is, in Chinese. */
export interface DrillDownPopulation {
  title: string;
  customerIds: string[];
  /** Journeys the source has already read, so they are not read again. */
  journeys?: CustomerJourneyDocument[];
}

/** Finds one population's customers; it must keep to `scope`, the viewer's (a userid in the query is already checked against it). */
export interface DrillDownSource<P extends DrillDownPopulationName> {
  population(viewer: AnalyticsViewer, scope: AnalyticsScope, query: DrillDownQueryOf<P>): Promise<DrillDownPopulation>;
}

/** Populations the snapshot's owner provides (segments, RFM, churn risk, coverage): registered on the drill-down flow. */
export type ExtensionPopulation = 'rfm' | 'segment' | 'churn_risk' | 'uncovered';
export type RawRecordPopulation = Exclude<DrillDownPopulationName, ExtensionPopulation>;
export type DrillDownSources<P extends DrillDownPopulationName> = { [K in P]: DrillDownSource<K> };

export interface RawRecordDeps {
  journeys: Pick<JourneyRepository, 'forEachJourney' | 'findMany'>;
  customers: Pick<CustomerRepository, 'findById'>;
  follows: Pick<FollowRepository, 'listStartedBetween' | 'listEndedBetween'>;
  orders: Pick<OrderRepository, 'listPaidBetween' | 'firstPaidOrders'>;
  content: Pick<ContentTrackingRepository, 'sentBetween' | 'touchesBetween'>;
  referrals: Pick<ReferralRepository, 'listByInviters'>;
  staff: Pick<StaffService, 'directory'>;
  channels: Pick<ChannelRepository, 'list'>;
  contentTitles(corpId: string): Promise<Map<string, string>>;
}

const REFUND_KEY_PREFIX = 'refund:';
const PAID_STATUSES = new Set(['paid', 'fulfilled', 'refunded']);
const TOUCH_KIND = { opened: 'open', contact_added: 'contact_added', order: 'order' } as const;
const TOUCH_TITLE = {
  sent: (title: string) => `收到「${title}」的客户`,
  opened: (title: string) => `打开「${title}」的客户`,
  contact_added: (title: string) => `通过「${title}」加企微的客户`,
  order: (title: string) => `通过「${title}」下单的客户`,
} as const;

const rangeText = (query: { from: string; to: string }) => (query.from === query.to ? query.from : `${query.from} 至 ${query.to}`);

/**
 * The populations read from the raw records, exact where the dashboards show rollups. Those counted per
 * salesperson (contacts, orders, content) keep to the viewer's salespeople; those counted per customer
 * (funnel cohorts, invitees) keep to the departments of the customers' owners.
 */
export function rawRecordSources(deps: RawRecordDeps): DrillDownSources<RawRecordPopulation> {
  /** The salesperson a list is limited to, for its title. */
  const who = async (corpId: string, userid: string | undefined) => (userid === undefined ? '' : `（${(await deps.staff.directory(corpId, [userid])).get(userid)?.name ?? userid}）`);
  const byUserid = (scope: AnalyticsScope, wanted: string | undefined) => (userid: string | undefined) => ofUserids(scope, userid ?? '') && (wanted === undefined || userid === wanted);

  return {
    funnel: {
      async population(viewer, scope, query) {
        const { start, end } = instantsOf(query);
        const journeys: CustomerJourneyDocument[] = [];
        await deps.journeys.forEachJourney((batch) => {
          for (const journey of batch) {
            const firstTouch = journey.firstTouchAt?.getTime();
            if (firstTouch === undefined || firstTouch < start.getTime() || firstTouch >= end.getTime()) continue;
            if (!journey.steps[query.step] || !inDepartments(scope, journey.departmentId)) continue;
            if (query.channelKey === undefined || journey.channelKey === query.channelKey) journeys.push(journey);
          }
        });
        const channel = query.channelKey ? `（${channelLabel(query.channelKey, new Map((await deps.channels.list(viewer.corpId, true)).map((c): [string, string] => [c.id, c.name])))}）` : '';
        return { title: `${rangeText(query)} 首次接触、已到达「${FUNNEL_STEP_LABELS[query.step]}」的客户${channel}`, customerIds: journeys.map((j) => j.customerId), journeys };
      },
    },
    new_contacts: {
      async population(viewer, scope, query) {
        const { start, end } = instantsOf(query);
        const follows = (await deps.follows.listStartedBetween(viewer.corpId, start, end)).filter((follow) => byUserid(scope, query.userid)(follow.userid));
        return { title: `${rangeText(query)} 新增的企微客户${await who(viewer.corpId, query.userid)}`, customerIds: follows.map((follow) => follow.customerId) };
      },
    },
    lost_contacts: {
      async population(viewer, scope, query) {
        const { start, end } = instantsOf(query);
        const follows = (await deps.follows.listEndedBetween(viewer.corpId, 'customer_deleted_staff', start, end)).filter((follow) => byUserid(scope, query.userid)(follow.userid));
        return { title: `${rangeText(query)} 删除了销售的客户${await who(viewer.corpId, query.userid)}`, customerIds: follows.map((follow) => follow.customerId) };
      },
    },
    paid: {
      async population(viewer, scope, query) {
        const { start, end } = instantsOf(query);
        const counts = byUserid(scope, query.userid);
        const paid = (await deps.orders.listPaidBetween(viewer.corpId, start, end)).filter((order) => PAID_STATUSES.has(order.status) && counts(order.salespersonUserid));
        let customerIds = paid.map((order) => order.customerId);
        if (query.firstOnly === 'true') {
          // A first order counts where the rollup counts it: in the range, credited to a salesperson in view.
          const first = await deps.orders.firstPaidOrders([...new Set(customerIds)]);
          customerIds = customerIds.filter((id) => {
            const order = first.get(id);
            return order?.paidAt !== undefined && order.paidAt >= start && order.paidAt < end && counts(order.salespersonUserid);
          });
        }
        const what = query.firstOnly === 'true' ? '首次下单' : '支付了订单';
        return { title: `${rangeText(query)} ${what}的客户${await who(viewer.corpId, query.userid)}`, customerIds };
      },
    },
    content: {
      async population(viewer, scope, query) {
        const { start, end } = instantsOf(query);
        const content = { contentKind: query.contentKind, contentId: query.contentId };
        const customerIds =
          query.touch === 'sent'
            ? (await deps.content.sentBetween(viewer.corpId, content, start, end)).filter((send) => ofUserids(scope, send.userid)).map((send) => send.customerId)
            : (await deps.content.touchesBetween(viewer.corpId, TOUCH_KIND[query.touch], content, start, end)).flatMap((touch) =>
                // A refund is kept as an order touch of its own (negative amount): the customer ordered on the order's day, not the refund's.
                touch.customerId && ofUserids(scope, touch.userid) && !touch.key.startsWith(REFUND_KEY_PREFIX) ? [touch.customerId] : [],
              );
        const title = (await deps.contentTitles(viewer.corpId)).get(query.contentId) ?? DELETED_CONTENT_TITLE;
        return { title: `${rangeText(query)} ${TOUCH_TITLE[query.touch](title)}`, customerIds };
      },
    },
    invitees: {
      async population(_viewer, scope, query) {
        const inviteeIds = (await deps.referrals.listByInviters([query.inviterId])).map((referral) => referral.inviteeId);
        const journeys = await deps.journeys.findMany([query.inviterId, ...inviteeIds]);
        const departmentOf = new Map(journeys.map((journey): [string, number] => [journey.customerId, journey.departmentId]));
        const inviter = await deps.customers.findById(query.inviterId);
        // An inviter the viewer may not see is answered as one that does not exist (their name is in the title).
        if (!inviter || !inDepartments(scope, departmentOf.get(query.inviterId) ?? NO_DEPARTMENT)) throw new AppError('NOT_FOUND', '客户不存在');
        return {
          title: `${inviter.displayName} 邀请的客户`,
          customerIds: inviteeIds.filter((id) => inDepartments(scope, departmentOf.get(id) ?? NO_DEPARTMENT)),
          journeys,
        };
      },
    },
  };
}
