import { WELCOME_LIMITS, type WelcomeMessage } from '@zhike/shared/channels';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { ExternalContactClient, WeComWelcomeAttachment, WeComWelcomeMessage } from '../../integrations/wecom/external-contact-client';
import type { Logger } from '../../platform/logging/logger';
import type { AssetRecord, AssetService } from '../../modules/assets';
import { isChannelState, type ChannelActivityRepository, type ChannelRecord, type ChannelRepository, type WelcomeOutcome } from '../../modules/channels';
import type { CustomerRepository } from '../../modules/customers';
import type { WeComMediaCache } from '../../modules/media';
import { fillVariables, type ScriptVariableValues } from '../../modules/scripts';
import type { StaffService } from '../../modules/staff';
import { variableValuesFor } from '../content/variable-values';

/** WeCom's WelcomeCode lives 20 s from the add (§B6). */
export const WELCOME_WINDOW_MS = 20_000;
/** A send is not started this close to the end: it would arrive after the code lapsed, or race it. */
export const WELCOME_SAFETY_MS = 1_500;
/** A claim this old whose outcome was never written belongs to a worker that died mid-send. */
const STALE_CLAIM_MS = 5_000;
const OTHER_APP_RETRY_MS = 1_000;

/** One add as the callback reported it. */
export interface ContactAdded {
  externalUserId: string;
  userid: string;
  state?: string;
  welcomeCode?: string;
  /** The event's CreateTime: when WeCom made the add (and started the code's 20 s). */
  at: Date;
}

export interface ChannelWelcomeDeps {
  corpId: string;
  channels: Pick<ChannelRepository, 'findByState' | 'settings'>;
  activity: Pick<ChannelActivityRepository, 'claimWelcome' | 'findWelcome' | 'settleWelcome'>;
  contacts: Pick<ExternalContactClient, 'sendWelcomeMessage' | 'getContact'>;
  customers: Pick<CustomerRepository, 'findByIdentifier'>;
  staff: Pick<StaffService, 'directory'>;
  assets: Pick<AssetService, 'findById' | 'publicUrlOf'>;
  media: Pick<WeComMediaCache, 'mediaIdFor'>;
  miniProgramAppId: string;
  log: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export type GreetResult = WelcomeOutcome | 'no_message' | 'duplicate';

/**
 * Greets a customer who just added a salesperson, with send_welcome_msg, inside the WelcomeCode's 20
 * seconds. It runs first when the add event is handled (before the contact is read back from WeCom).
 * Exactly once: the code is claimed in the database before WeCom is called, so a redelivered or retried
 * event finds the claim and sends nothing. A send that would start too late is recorded as missed and
 * not attempted; 41051 (already greeted) and 41096 (another app is greeting) are outcomes, not errors.
 */
export class ChannelWelcomeFlow {
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: ChannelWelcomeDeps) {
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async greet(added: ContactAdded): Promise<GreetResult> {
    if (!added.welcomeCode) return 'no_message';
    const welcomeCode = added.welcomeCode;
    const channel = isChannelState(added.state) ? await this.deps.channels.findByState(added.state) : null;
    const ours = channel && channel.corpId === this.deps.corpId && !channel.deletedAt ? channel : null;
    const message = await this.messageFor(ours);
    if (!message) return 'no_message';
    const deadline = added.at.getTime() + WELCOME_WINDOW_MS;

    const claimed = await this.deps.activity.claimWelcome({
      corpId: this.deps.corpId,
      welcomeCode,
      ...(ours ? { channelId: ours.id } : {}),
      externalUserId: added.externalUserId,
      userid: added.userid,
      addedAt: added.at,
      status: 'sending',
      claimedAt: this.now(),
    });
    if (!claimed) {
      const earlier = await this.deps.activity.findWelcome(welcomeCode);
      // Settled, or still being sent by a live worker: nothing to do. A dead worker's claim is picked up;
      // WeCom's code is single use, so even if that worker's send went through this one cannot add a second.
      if (!earlier || earlier.status !== 'sending' || this.now().getTime() - earlier.claimedAt.getTime() < STALE_CLAIM_MS) return 'duplicate';
    }

    if (this.tooLate(deadline)) return this.settle(welcomeCode, added, 'missed', `已超过欢迎语时限：添加后 ${this.now().getTime() - added.at.getTime()} ms 才处理`);
    let wecomMessage: WeComWelcomeMessage;
    try {
      wecomMessage = await this.build(message, added);
    } catch (error) {
      return this.settle(welcomeCode, added, 'failed', `欢迎语内容准备失败：${error instanceof Error ? error.message : String(error)}`);
    }
    return this.send(welcomeCode, added, wecomMessage, deadline);
  }

  /** The channel's own message; else the corp's default, for channel adds (and any add, when the admin chose so). A paused channel greets like no channel. */
  private async messageFor(channel: ChannelRecord | null): Promise<WelcomeMessage | null> {
    const active = channel && !channel.pausedAt ? channel : null;
    if (active?.welcome) return active.welcome;
    const settings = await this.deps.channels.settings(this.deps.corpId);
    if (!settings?.defaultWelcome) return null;
    return active || settings.applyToOtherAdds ? settings.defaultWelcome : null;
  }

  private async send(welcomeCode: string, added: ContactAdded, message: WeComWelcomeMessage, deadline: number): Promise<GreetResult> {
    for (let attempt = 1; ; attempt++) {
      if (this.tooLate(deadline)) return this.settle(welcomeCode, added, 'missed', '准备欢迎语用时过长，已超过时限，未发送');
      try {
        await this.deps.contacts.sendWelcomeMessage(welcomeCode, message);
        return this.settle(welcomeCode, added, 'sent');
      } catch (error) {
        if (!(error instanceof UpstreamApiError)) return this.settle(welcomeCode, added, 'failed', error instanceof Error ? error.message : String(error));
        switch (error.errcode) {
          case 41051:
            return this.settle(welcomeCode, added, 'already_sent', '客户已收到欢迎语或已在聊天（41051）');
          case 41096:
            // Another app of the corp is greeting this customer; WeCom says it may be retried.
            if (attempt === 1 && this.now().getTime() + OTHER_APP_RETRY_MS < deadline - WELCOME_SAFETY_MS) {
              await this.sleep(OTHER_APP_RETRY_MS);
              continue;
            }
            return this.settle(welcomeCode, added, 'other_app', '其他应用正在发送欢迎语（41096）');
          case 41049:
          case 41050:
            return this.settle(welcomeCode, added, 'missed', `欢迎语凭证已失效（${error.errcode}）`);
          default:
            return this.settle(welcomeCode, added, 'failed', `企业微信拒绝了欢迎语（${error.errcode} ${error.errmsg}）`);
        }
      }
    }
  }

  private tooLate(deadline: number): boolean {
    return this.now().getTime() >= deadline - WELCOME_SAFETY_MS;
  }

  private async settle(welcomeCode: string, added: ContactAdded, status: Exclude<WelcomeOutcome, 'sending'>, reason?: string): Promise<GreetResult> {
    const settledAt = this.now();
    const latencyMs = settledAt.getTime() - added.at.getTime();
    await this.deps.activity.settleWelcome(welcomeCode, { status, ...(reason ? { reason } : {}), settledAt, latencyMs });
    const facts = { externalUserId: added.externalUserId, userid: added.userid, state: added.state, status, latencyMs, reason };
    if (status === 'sent' || status === 'already_sent') this.deps.log.info(facts, 'welcome message settled');
    else this.deps.log.warn(facts, 'welcome message not sent');
    return status;
  }

  /** The WeCom message: variables filled for this customer and salesperson, images as media ids. */
  private async build(welcome: WelcomeMessage, added: ContactAdded): Promise<WeComWelcomeMessage> {
    const values = await this.values(added);
    const fill = (text: string) => fillVariables(text, values).text;
    const asset = async (id: string): Promise<AssetRecord> => {
      const found = await this.deps.assets.findById(this.deps.corpId, id);
      if (!found) throw new Error(`素材 ${id} 不存在`);
      return found;
    };
    const attachments: WeComWelcomeAttachment[] = [];
    for (const attachment of welcome.attachments) {
      if (attachment.type === 'image') {
        attachments.push({ msgtype: 'image', image: { media_id: await this.deps.media.mediaIdFor(await asset(attachment.assetId)) } });
      } else if (attachment.type === 'link') {
        const picurl = attachment.imageAssetId ? this.deps.assets.publicUrlOf(await asset(attachment.imageAssetId)) : undefined;
        attachments.push({ msgtype: 'link', link: { title: fill(attachment.title), url: attachment.url, ...(attachment.desc ? { desc: fill(attachment.desc) } : {}), ...(picurl ? { picurl } : {}) } });
      } else if (attachment.type === 'miniprogram') {
        const picMediaId = await this.deps.media.mediaIdFor(await asset(attachment.imageAssetId));
        attachments.push({ msgtype: 'miniprogram', miniprogram: { title: fill(attachment.title), pic_media_id: picMediaId, appid: this.deps.miniProgramAppId, page: `${attachment.page}.html` } });
      }
    }
    const text = welcome.text ? truncateBytes(fill(welcome.text), WELCOME_LIMITS.textBytes) : '';
    return { ...(text ? { text: { content: text } } : {}), ...(attachments.length ? { attachments } : {}) };
  }

  /** A new customer has no remark yet: 客户称呼 is their WeChat name, read from Zhike or, if the sync has not run yet, from WeCom. */
  private async values(added: ContactAdded): Promise<ScriptVariableValues> {
    const [customer, directory] = await Promise.all([
      this.deps.customers.findByIdentifier('external_userid', added.externalUserId),
      this.deps.staff.directory(this.deps.corpId, [added.userid]),
    ]);
    const name = customer?.displayName ?? (await this.deps.contacts.getContact(added.externalUserId).then((c) => c.external_contact.name, () => ''));
    const staff = directory.get(added.userid);
    return variableValuesFor({ customerName: name, salesperson: { name: staff?.name ?? '', ...(staff?.position ? { position: staff.position } : {}) }, now: this.now() });
  }
}

/** Cuts text to WeCom's byte limit without splitting a character (variables can lengthen a text that fit). */
function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let result = '';
  let size = 0;
  for (const character of text) {
    size += Buffer.byteLength(character, 'utf8');
    if (size > maxBytes) break;
    result += character;
  }
  return result;
}
