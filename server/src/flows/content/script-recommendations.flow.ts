import type { RecommendedScript } from '@zhike/shared/scripts';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { ContentTrackingRepository } from '../../modules/content-tracking';
import { toScriptView, type ScriptService } from '../../modules/scripts';
import type { CustomerAccess } from '../customer-360';
import { rankScripts } from './rank-scripts';

const DAY_MS = 24 * 60 * 60 * 1000;
const VIEWED_WINDOW_MS = 30 * DAY_MS;
const RESEND_PAUSE_MS = 7 * DAY_MS;

export interface ScriptRecommendationsDeps {
  access: Pick<CustomerAccess, 'visibleCustomer'>;
  scripts: Pick<ScriptService, 'listSendable' | 'favouriteIds'>;
  tracking: Pick<ContentTrackingRepository, 'touchesOfCustomer' | 'sendsToCustomer' | 'listStats'>;
  stageLabels(): Promise<Map<string, string>>;
  tagNames(corpId: string): Promise<Map<string, string>>;
  posterNames(corpId: string): Promise<Map<string, string>>;
  now?: () => Date;
}

/** 为你推荐: the scripts that fit the open customer best, each with the reason in one line. */
export class ScriptRecommendationsFlow {
  constructor(private readonly deps: ScriptRecommendationsDeps) {}

  async recommend(viewer: StaffPrincipal, externalUserId: string): Promise<RecommendedScript[]> {
    const { customer, follows } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const now = (this.deps.now ?? (() => new Date()))().getTime();
    const [scripts, favourites, touches, sends, stats, stageLabels, tagNames, posterNames] = await Promise.all([
      this.deps.scripts.listSendable(viewer),
      this.deps.scripts.favouriteIds(viewer),
      this.deps.tracking.touchesOfCustomer(customer.id, ['open', 'scan'], new Date(now - VIEWED_WINDOW_MS)),
      this.deps.tracking.sendsToCustomer(customer.id, new Date(now - RESEND_PAUSE_MS)),
      this.deps.tracking.listStats(viewer.corpId),
      this.deps.stageLabels(),
      this.deps.tagNames(viewer.corpId),
      this.deps.posterNames(viewer.corpId),
    ]);
    const byId = new Map(scripts.map((script) => [script.id, script]));
    const customerTagIds = follows.filter((follow) => !follow.endedAt).flatMap((follow) => [...follow.wecomTagIds, ...(follow.localTagIds ?? [])]);
    const ranked = rankScripts(scripts, {
      stageKey: customer.stage,
      stageLabel: customer.stage ? stageLabels.get(customer.stage) : undefined,
      tags: new Map(customerTagIds.filter((id) => tagNames.has(id)).map((id) => [id, tagNames.get(id)!])),
      recentlyViewed: touches.map((touch) => ({
        contentId: touch.contentId,
        title: byId.get(touch.contentId)?.title ?? posterNames.get(touch.contentId) ?? '',
        categoryId: byId.get(touch.contentId)?.categoryId,
      })),
      recentlySent: new Set(sends.filter((send) => send.contentKind === 'script').map((send) => send.contentId)),
      results: new Map(stats.filter((row) => row.contentKind === 'script').map((row) => [row.contentId, { sends: row.sends, sendsOpened: row.sendsOpened ?? 0, orders: row.orders }])),
      favourites,
    });
    return ranked.map(({ script, reason }) => ({ script: toScriptView(script, favourites.has(script.id)), reason }));
  }
}
