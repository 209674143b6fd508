import crypto from 'node:crypto';
import type { ContentSendOutcomeResponse, PrepareContentSendRequest, PreparedContentSend, ReportSendOutcomeRequest } from '@zhike/shared/content';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { AssetService } from '../../modules/assets';
import type { ContentSendRecord, ContentTrackingRepository } from '../../modules/content-tracking';
import type { WeComMediaCache } from '../../modules/media';
import type { PosterService } from '../../modules/posters';
import type { ScriptService } from '../../modules/scripts';
import type { StaffService } from '../../modules/staff';
import type { TimelineRepository } from '../../modules/timeline';
import type { CustomerAccess } from '../customer-360';
import { scriptMessage } from './content-message';
import { variableValuesFor } from './variable-values';

export interface ContentSendingDeps {
  access: Pick<CustomerAccess, 'visibleCustomer'>;
  staff: Pick<StaffService, 'directory'>;
  scripts: Pick<ScriptService, 'findSendable' | 'recordUse'>;
  posters: Pick<PosterService, 'personalise' | 'requireActiveTemplate'>;
  assets: AssetService;
  media: Pick<WeComMediaCache, 'mediaIdFor'>;
  tracking: ContentTrackingRepository;
  timeline: Pick<TimelineRepository, 'record'>;
  publicUrl: string;
  miniProgramAppId: string;
  now?: () => Date;
}

/**
 * Sending a script or poster from the sidebar, in two steps around WeCom's own `sendChatMessage`: prepare
 * (personalise, upload media, mint the tracking token), then the outcome the client reports. Only a send
 * WeCom confirmed is counted and put on the timeline.
 */
export class ContentSendingFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: ContentSendingDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Who a template preview shows: the editing admin as the salesperson, a sample customer, today. */
  async previewSample(corpId: string, userid: string) {
    const editor = (await this.deps.staff.directory(corpId, [userid])).get(userid);
    const salesperson = { name: editor?.name ?? userid, position: editor?.position };
    return {
      salesperson: { name: salesperson.name, avatarUrl: editor?.avatar },
      customer: { name: SAMPLE_CUSTOMER_NAME },
      variables: variableValuesFor({ customerName: SAMPLE_CUSTOMER_NAME, salesperson, now: this.now() }),
    };
  }

  /** The poster as this customer will receive it, for the sidebar's preview. */
  async posterFor(viewer: StaffPrincipal, externalUserId: string, templateId: string): Promise<Buffer> {
    const context = await this.sendContext(viewer, externalUserId);
    return (await this.personalisePoster(viewer, context, templateId)).png;
  }

  async prepare(viewer: StaffPrincipal, request: PrepareContentSendRequest): Promise<PreparedContentSend> {
    const context = await this.sendContext(viewer, request.externalUserId);
    const { customer, values } = context;
    const content = request.content;
    const script = content.kind === 'script' ? await this.deps.scripts.findSendable(viewer, content.scriptId) : undefined;
    const template = content.kind === 'poster' ? await this.deps.posters.requireActiveTemplate(viewer.corpId, content.templateId) : undefined;
    const send = await this.deps.tracking.createSend({
      corpId: viewer.corpId,
      userid: viewer.userid,
      requestId: request.requestId,
      customerId: customer.id,
      externalUserId: request.externalUserId,
      contentKind: content.kind,
      contentId: content.kind === 'script' ? content.scriptId : content.templateId,
      title: script?.title ?? template!.name,
      token: crypto.randomBytes(16).toString('base64url'),
      ...(script?.content.type === 'link' ? { targetUrl: script.content.url } : {}),
      status: 'prepared',
      preparedAt: this.now(),
    });
    if (send.contentKind !== content.kind || send.externalUserId !== request.externalUserId) {
      throw new AppError('CONFLICT', '这个 requestId 已用于另一次发送', [{ field: 'body.requestId', issue: '重复使用' }]);
    }
    if (script) {
      const { message, missing } = await scriptMessage(script.content, values, {
        asset: (id) => this.deps.assets.requireAsset(viewer.corpId, id, 'content', 'any'),
        mediaIdFor: (asset) => this.deps.media.mediaIdFor(asset),
        publicUrlOf: (asset) => this.deps.assets.publicUrlOf(asset),
        trackedLink: `${this.deps.publicUrl}/t/${send.token}`,
        token: send.token,
        miniProgramAppId: this.deps.miniProgramAppId,
      });
      return { sendId: send.id, status: send.status, title: script.title, message, missingVariables: missing };
    }
    const poster = await this.personalisePoster(viewer, context, send.contentId);
    // Stored by content hash: the same poster sent again is the same asset, so its media id is reused.
    const image = await this.deps.assets.upload({ corpId: viewer.corpId, uploadedBy: viewer.userid, filename: `poster-${poster.scene.scene}.png`, contentType: 'image/png', bytes: poster.png });
    return {
      sendId: send.id,
      status: send.status,
      title: poster.template.name,
      message: { msgtype: 'image', image: { mediaid: await this.deps.media.mediaIdFor(image) } },
      missingVariables: [],
    };
  }

  private async sendContext(viewer: StaffPrincipal, externalUserId: string) {
    const { customer, follows } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const salesperson = (await this.deps.staff.directory(viewer.corpId, [viewer.userid])).get(viewer.userid);
    const values = variableValuesFor({
      customerName: customer.displayName,
      remark: follows.find((follow) => follow.userid === viewer.userid)?.remark,
      salesperson: { name: salesperson?.name ?? viewer.userid, position: salesperson?.position },
      now: this.now(),
    });
    return { customer, salesperson, values };
  }

  private personalisePoster(viewer: StaffPrincipal, { customer, salesperson, values }: Awaited<ReturnType<ContentSendingFlow['sendContext']>>, templateId: string) {
    return this.deps.posters.personalise({
      corpId: viewer.corpId,
      templateId,
      salesperson: { userid: viewer.userid, name: salesperson?.name ?? viewer.userid, avatarUrl: salesperson?.avatar },
      customer: { id: customer.id, name: customer.displayName, avatarUrl: customer.wecomProfile?.avatar },
      variables: values,
    });
  }

  /** Records what sendChatMessage answered, once; a repeated report gets the recorded status back. */
  async reportOutcome(viewer: StaffPrincipal, sendId: string, report: ReportSendOutcomeRequest): Promise<ContentSendOutcomeResponse> {
    const send = await this.deps.tracking.findSend(viewer.corpId, sendId);
    if (!send || send.userid !== viewer.userid) throw new AppError('NOT_FOUND', '发送记录不存在');
    const settled = await this.deps.tracking.settle(viewer.corpId, sendId, {
      status: report.outcome,
      settledAt: this.now(),
      ...(report.error ? { error: report.error } : {}),
    });
    if (!settled) {
      if (send.status !== report.outcome) throw new AppError('CONFLICT', `这次发送已记录为「${STATUS_LABELS[send.status]}」`, [{ field: 'body.outcome', issue: `已是 ${send.status}` }]);
      return { sendId, status: send.status };
    }
    if (settled.status === 'sent') await this.countSent(settled);
    return { sendId, status: settled.status };
  }

  private async countSent(send: ContentSendRecord): Promise<void> {
    await this.deps.timeline.record({
      corpId: send.corpId,
      customerId: send.customerId,
      kind: 'content_sent',
      at: send.settledAt ?? this.now(),
      actorUserid: send.userid,
      data: { contentKind: send.contentKind, contentId: send.contentId, title: send.title, sendId: send.id },
      key: `content_sent:${send.id}`,
    });
    await this.deps.tracking.incrementStats(send.corpId, send.contentKind, send.contentId, { sends: 1 });
    if (send.contentKind === 'script') await this.deps.scripts.recordUse(send.corpId, send.contentId);
  }
}

const SAMPLE_CUSTOMER_NAME = '王小明';
const STATUS_LABELS = { prepared: '待发送', sent: '已发送', cancelled: '已取消', failed: '发送失败' } as const;
