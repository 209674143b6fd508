import { shanghaiDay } from '@zhike/shared/time';
import type { Logger } from '../../platform/logging/logger';
import { eligibleUsers, type ChannelActivityRepository, type ChannelRecord, type ChannelRepository } from '../../modules/channels';
import type { ContactWayApi } from './channel-admin.flow';

/**
 * Keeps each rotation code's member list upstream equal to who is eligible now: members leave it when they
 * reach their daily limit or their working hours end, and come back the next day or shift. Run after every
 * add through a rotation code and every minute (hours change without any event).
 */
export class ChannelRotationFlow {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      corpId: string;
      channels: Pick<ChannelRepository, 'listRotating' | 'findById' | 'setCurrentUsers'>;
      activity: Pick<ChannelActivityRepository, 'addsPerMember'>;
      contactWays: Pick<ContactWayApi, 'updateContactWay'>;
      log: Logger;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Updates the config upstream if the eligible members changed; answers who is listed now. */
  async refresh(channel: ChannelRecord): Promise<string[]> {
    if (channel.assignment.mode !== 'rotation' || channel.pausedAt || channel.deletedAt) return channel.currentUsers;
    const now = this.now();
    const { users, via } = eligibleUsers(channel.assignment, now, await this.deps.activity.addsPerMember(channel.id, shanghaiDay(now)));
    if (users.length === channel.currentUsers.length && users.every((u) => channel.currentUsers.includes(u))) return users;
    await this.deps.contactWays.updateContactWay(channel.configId, { user: users });
    await this.deps.channels.setCurrentUsers(channel.id, users);
    this.deps.log.info({ channelId: channel.id, users, via }, 'rotation members updated upstream');
    return users;
  }

  async refreshById(channelId: string): Promise<void> {
    const channel = await this.deps.channels.findById(this.deps.corpId, channelId);
    if (channel) await this.refresh(channel);
  }

  async refreshAll(): Promise<number> {
    let changed = 0;
    for (const channel of await this.deps.channels.listRotating(this.deps.corpId)) {
      try {
        const users = await this.refresh(channel);
        if (users !== channel.currentUsers) changed++;
      } catch (error) {
        this.deps.log.warn({ err: error, channelId: channel.id }, 'rotation refresh failed; next run retries');
      }
    }
    return changed;
  }

  start(intervalMs: number): () => void {
    const timer = setInterval(() => void this.refreshAll().catch((error) => this.deps.log.error({ err: error }, 'rotation refresh failed')), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
