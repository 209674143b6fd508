import crypto from 'node:crypto';
import type { ContentStatsRow, OpenedContentResponse, PosterSceneResponse } from '@zhike/shared/content';
import { AppError } from '../../platform/http/app-error';
import type { ContentSendRecord, ContentTrackingRepository } from '../../modules/content-tracking';
import type { PosterService } from '../../modules/posters';
import type { StaffService } from '../../modules/staff';
import type { TimelineRepository } from '../../modules/timeline';

/** How long after a touch (an open or a scan) a new contact or an order is credited to that content. */
export const ATTRIBUTION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface ContentEngagementDeps {
  tracking: ContentTrackingRepository;
  posters: Pick<PosterService, 'resolveScene'>;
  staff: Pick<StaffService, 'directory'>;
  timeline: Pick<TimelineRepository, 'record'>;
  /** Names of content for the statistics: script titles and poster names by id. */
  contentTitles(corpId: string): Promise<Map<string, string>>;
  /** 老带新: a poster made for one customer, scanned by another (the referral flow applies its rules). */
  posterReferral?(posterCustomerId: string, scannerId: string, poster: { userid: string; scene: string }): Promise<unknown>;
  now?: () => Date;
}

const invalidToken = () => new AppError('TRACKING_TOKEN_INVALID', '链接无效或已失效', [{ field: 'token', issue: '无法识别' }]);

/**
 * What customers do with content, credited to (content, salesperson, customer): opens through the
 * tracking token, scans through the poster's scene, then the contacts and orders that follow.
 */
export class ContentEngagementFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: ContentEngagementDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** A tracked link opened in a browser: who opened it is unknown, so a hashed client stands in for uniqueness. */
  async openLink(token: string, client: { ip: string; userAgent: string }): Promise<string> {
    const send = await this.sendFor(token);
    if (!send.targetUrl) throw invalidToken();
    const viewerKey = `anon:${crypto.createHash('sha256').update(`${client.ip}\n${client.userAgent}`).digest('hex').slice(0, 16)}`;
    await this.recordOpen(send, viewerKey, send.customerId);
    return send.targetUrl;
  }

  /** A mini-program card opened by a signed-in customer (the one it was sent to, or whoever it was forwarded to). */
  async openInMiniProgram(customerId: string, token: string): Promise<OpenedContentResponse> {
    const send = await this.sendFor(token);
    await this.recordOpen(send, `customer:${customerId}`, customerId);
    return { kind: send.contentKind, title: send.title, salespersonName: await this.staffName(send.corpId, send.userid) };
  }

  async scanPoster(customerId: string, sceneCode: string): Promise<PosterSceneResponse> {
    const { scene, template } = await this.deps.posters.resolveScene(sceneCode);
    const at = this.now();
    const { first } = await this.deps.tracking.recordTouch({
      corpId: scene.corpId,
      key: `scan:${scene.scene}:${customerId}`,
      touch: 'scan',
      contentKind: 'poster',
      contentId: template.id,
      userid: scene.userid,
      scene: scene.scene,
      campaign: scene.campaign,
      customerId,
      at,
    });
    if (first) {
      await this.deps.tracking.incrementStats(scene.corpId, 'poster', template.id, { scans: 1 });
      await this.deps.timeline.record({
        corpId: scene.corpId,
        customerId,
        kind: 'poster_scanned',
        at,
        data: { userid: scene.userid, title: template.name, templateId: template.id, campaign: scene.campaign, posterCustomerId: scene.customerId },
        key: `poster_scanned:${scene.scene}:${customerId}`,
      });
    }
    if (scene.customerId && scene.customerId !== customerId) await this.deps.posterReferral?.(scene.customerId, customerId, { userid: scene.userid, scene: scene.scene });
    const salesperson = (await this.deps.staff.directory(scene.corpId, [scene.userid])).get(scene.userid);
    return { posterTitle: template.name, campaign: scene.campaign, salesperson: { userid: scene.userid, name: salesperson?.name ?? scene.userid, avatar: salesperson?.avatar ?? '' } };
  }

  /**
   * A salesperson gained a contact: credited to the latest content of theirs the customer opened or
   * scanned within the window, once per (customer, salesperson).
   */
  async creditContactAdded(corpId: string, customerId: string, userid: string): Promise<void> {
    const at = this.now();
    const touch = (await this.deps.tracking.touchesOfCustomer(customerId, ['open', 'scan'], new Date(at.getTime() - ATTRIBUTION_WINDOW_MS))).find((t) => t.userid === userid);
    if (!touch) return;
    const { first } = await this.deps.tracking.recordTouch({ ...touch, key: `contact_added:${customerId}:${userid}`, touch: 'contact_added', at });
    if (first) await this.deps.tracking.incrementStats(corpId, touch.contentKind, touch.contentId, { contactsAdded: 1 });
  }

  /**
   * An order (from the orders issue): credited, once per order, to the latest content the customer opened
   * or scanned within the window, else to the latest content sent to them within it (last touch wins).
   */
  async creditOrder(corpId: string, order: { orderId: string; customerId: string; amountFen: number }): Promise<{ contentKind: 'script' | 'poster'; contentId: string } | undefined> {
    const at = this.now();
    const since = new Date(at.getTime() - ATTRIBUTION_WINDOW_MS);
    const touch = (await this.deps.tracking.touchesOfCustomer(order.customerId, ['open', 'scan'], since))[0];
    const sent = touch ? undefined : (await this.deps.tracking.sendsToCustomer(order.customerId, since))[0];
    const credited = touch ?? (sent && { contentKind: sent.contentKind, contentId: sent.contentId, userid: sent.userid, sendId: sent.id });
    if (!credited) return undefined;
    const { first } = await this.deps.tracking.recordTouch({
      corpId,
      key: `order:${order.orderId}`,
      touch: 'order',
      contentKind: credited.contentKind,
      contentId: credited.contentId,
      userid: credited.userid,
      customerId: order.customerId,
      amountFen: order.amountFen,
      at,
    });
    if (first) await this.deps.tracking.incrementStats(corpId, credited.contentKind, credited.contentId, { orders: 1, revenueFen: order.amountFen });
    return { contentKind: credited.contentKind, contentId: credited.contentId };
  }

  /** A refund takes its amount back from the content its order was credited to (the order count stays). */
  async creditRefund(corpId: string, refund: { orderId: string; refundId: string; amountFen: number }): Promise<void> {
    const credited = await this.deps.tracking.findTouch(corpId, `order:${refund.orderId}`);
    if (!credited) return;
    const { first } = await this.deps.tracking.recordTouch({ ...credited, key: `refund:${refund.refundId}`, touch: 'order', amountFen: -refund.amountFen, at: this.now() });
    if (first) await this.deps.tracking.incrementStats(corpId, credited.contentKind, credited.contentId, { revenueFen: -refund.amountFen });
  }

  async stats(corpId: string): Promise<ContentStatsRow[]> {
    const [rows, titles] = await Promise.all([this.deps.tracking.listStats(corpId), this.deps.contentTitles(corpId)]);
    return rows
      .map((row) => ({
        kind: row.contentKind,
        contentId: row.contentId,
        title: titles.get(row.contentId) ?? '（已删除）',
        sends: row.sends,
        opens: row.opens,
        uniqueOpens: row.uniqueOpens,
        sendsOpened: row.sendsOpened ?? 0,
        openRate: row.sends ? Math.min(1, (row.sendsOpened ?? 0) / row.sends) : 0,
        scans: row.scans,
        contactsAdded: row.contactsAdded,
        orders: row.orders,
        revenueFen: row.revenueFen,
      }))
      .sort((a, b) => b.sends - a.sends || b.scans - a.scans);
  }

  private async sendFor(token: string): Promise<ContentSendRecord> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(token)) throw invalidToken();
    const send = await this.deps.tracking.findSendByToken(token);
    // A prepared send whose outcome report was lost may still have reached the chat; cancelled and failed ones never did.
    if (!send || send.status === 'cancelled' || send.status === 'failed') throw invalidToken();
    return send;
  }

  private async recordOpen(send: ContentSendRecord, viewerKey: string, customerId: string): Promise<void> {
    const at = this.now();
    const touch = {
      corpId: send.corpId,
      key: `open:${send.id}:${viewerKey}`,
      touch: 'open',
      contentKind: send.contentKind,
      contentId: send.contentId,
      userid: send.userid,
      sendId: send.id,
      customerId,
      at,
    } as const;
    const { first } = await this.deps.tracking.recordTouch(touch);
    const firstOfSend = first && (await this.deps.tracking.recordTouch({ ...touch, key: `open:${send.id}` })).first;
    await this.deps.tracking.incrementStats(send.corpId, send.contentKind, send.contentId, {
      opens: 1,
      ...(first ? { uniqueOpens: 1 } : {}),
      ...(firstOfSend ? { sendsOpened: 1 } : {}),
    });
    if (!first) return;
    await this.deps.timeline.record({
      corpId: send.corpId,
      customerId,
      kind: 'content_opened',
      at,
      data: { userid: send.userid, contentKind: send.contentKind, contentId: send.contentId, title: send.title, sendId: send.id },
      key: `content_opened:${send.id}:${viewerKey}`,
    });
  }

  private async staffName(corpId: string, userid: string): Promise<string> {
    return (await this.deps.staff.directory(corpId, [userid])).get(userid)?.name ?? userid;
  }
}
