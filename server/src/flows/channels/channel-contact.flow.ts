import { shanghaiDay } from '@zhike/shared/time';
import type { Logger } from '../../platform/logging/logger';
import type { QueueRepository, QueueWorker } from '../../platform/queue';
import { isChannelState, type ChannelActivityRepository, type ChannelRecord, type ChannelRepository } from '../../modules/channels';
import type { CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { CorpTagRepository } from '../../modules/tags';
import type { TimelineRepository } from '../../modules/timeline';
import { MARK_TAG_TOPIC, type MarkTagPayload } from '../customer-tags';
import type { ContactAdded } from './channel-welcome.flow';

export interface ChannelContactDeps {
  corpId: string;
  channels: Pick<ChannelRepository, 'findByState'>;
  activity: Pick<ChannelActivityRepository, 'recordAdd' | 'endAdd' | 'recordFirstTouch'>;
  customers: Pick<CustomerRepository, 'findByIdentifier'>;
  follows: Pick<FollowRepository, 'listForCustomer' | 'applyTagChange'>;
  tags: Pick<CorpTagRepository, 'findByTagIds'>;
  timeline: Pick<TimelineRepository, 'record'>;
  outbox: QueueRepository;
  markTagWorker: Pick<QueueWorker, 'drain'>;
  /** After an add through a rotation code: the member may have reached their limit. */
  refreshRotation(channelId: string): Promise<void>;
  log: Logger;
  now?: () => Date;
}

/**
 * What an add through a channel code means once the contact is in Zhike (it runs after the contact sync):
 * the add is counted for the channel's statistics and daily limits, the customer's first touch is written
 * if this is their first relationship, and the channel's tags are applied through the mark_tag outbox.
 * Every step is keyed by the add event, so a redelivered or retried event changes nothing more.
 */
export class ChannelContactFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: ChannelContactDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async resolve(state: string | undefined): Promise<ChannelRecord | null> {
    if (!isChannelState(state)) return null;
    const channel = await this.deps.channels.findByState(state);
    if (!channel || channel.corpId !== this.deps.corpId) {
      // A state shaped like ours that names no channel: altered by hand, or from a deleted database.
      this.deps.log.warn({ state }, 'add through an unknown channel state');
      return null;
    }
    return channel;
  }

  async contactAdded(added: ContactAdded): Promise<void> {
    const channel = await this.resolve(added.state);
    if (!channel) return;
    const addKey = `${channel.state}:${added.externalUserId}:${added.userid}:${added.at.getTime()}`;
    const customer = await this.deps.customers.findByIdentifier('external_userid', added.externalUserId);
    const paused = Boolean(channel.pausedAt || channel.deletedAt);
    const fresh = await this.deps.activity.recordAdd({
      corpId: this.deps.corpId,
      channelId: channel.id,
      key: addKey,
      externalUserId: added.externalUserId,
      userid: added.userid,
      ...(customer ? { customerId: customer.id } : {}),
      at: added.at,
      day: shanghaiDay(added.at),
      paused,
    });
    if (customer) await this.recordFirstTouch(channel, customer.id, added);
    if (customer && !paused && channel.tagIds.length > 0) await this.applyTags(channel, customer.id, added, addKey);
    if (fresh && channel.assignment.mode === 'rotation' && !paused) {
      await this.deps.refreshRotation(channel.id).catch((error: unknown) => this.deps.log.warn({ err: error, channelId: channel.id }, 'rotation refresh after add failed'));
    }
  }

  /** Either side ended a relationship: if it began through a channel, the channel lost a customer. */
  async contactEnded(externalUserId: string, userid: string, at: Date): Promise<void> {
    await this.deps.activity.endAdd(this.deps.corpId, externalUserId, userid, at, shanghaiDay(at));
  }

  /** First touch = the customer's first relationship with the corp; one that began before this add wins. */
  private async recordFirstTouch(channel: ChannelRecord, customerId: string, added: ContactAdded): Promise<void> {
    const follows = await this.deps.follows.listForCustomer(customerId);
    const earlier = follows.some((f) => f.since.getTime() < added.at.getTime() - 1000 && !(f.userid === added.userid && f.state === channel.state));
    if (earlier) return;
    await this.deps.activity.recordFirstTouch({ corpId: this.deps.corpId, customerId, channelId: channel.id, userid: added.userid, at: added.at });
  }

  private async applyTags(channel: ChannelRecord, customerId: string, added: ContactAdded, addKey: string): Promise<void> {
    const live = (await this.deps.tags.findByTagIds(this.deps.corpId, channel.tagIds)).filter((t) => !t.deletedAt);
    const wecomTags = live.filter((t) => t.source === 'wecom').map((t) => t.tagId);
    const localTags = live.filter((t) => t.source === 'local').map((t) => t.tagId);
    const key = { corpId: this.deps.corpId, externalUserId: added.externalUserId, userid: added.userid };
    const now = this.now();
    if (wecomTags.length) {
      // Stored before it is applied locally, like a salesperson's change: the WeCom write survives a crash.
      const payload: MarkTagPayload = { userid: added.userid, externalUserId: added.externalUserId, add: wecomTags, remove: [] };
      await this.deps.outbox.enqueue(MARK_TAG_TOPIC, `channel:${addKey}`, payload, now, `${added.userid}:${added.externalUserId}`);
      await this.deps.follows.applyTagChange(key, 'wecom', wecomTags, []);
    }
    if (localTags.length) await this.deps.follows.applyTagChange(key, 'local', localTags, []);
    if (wecomTags.length + localTags.length === 0) return;
    await this.deps.timeline.record({
      corpId: this.deps.corpId,
      customerId,
      kind: 'tags_changed',
      at: now,
      actorUserid: added.userid,
      data: { add: [...wecomTags, ...localTags], remove: [], via: 'channel', channel: channel.name },
      key: `tags:channel:${addKey}`,
    });
    if (wecomTags.length) void this.deps.markTagWorker.drain().catch(() => undefined);
  }
}
