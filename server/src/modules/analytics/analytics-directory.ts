import { CHANNEL_STATE_PREFIX } from '@zhike/shared/channels';

export interface DirectoryLookups {
  /** The member's first WeCom department (0 = unknown member, no department, or no member). */
  departmentOf(corpId: string, userid: string | undefined): number;
  /** The 渠道活码 a contact's `state` names, if any. */
  channelOf(corpId: string, state: string | undefined): { id: string; name: string } | undefined;
}

export interface DirectorySources {
  staff: { listByUserids(corpId: string, userids: string[]): Promise<{ userid: string; departmentIds: number[] }[]> };
  channels: { findByStates(corpId: string, states: string[]): Promise<{ id: string; name: string; state: string }[]> };
}

/** Staff departments move rarely; a member moved is picked up within this long. */
const DIRECTORY_TTL_MS = 10 * 60_000;

/**
 * Staff departments and channel names, read in one query per batch for what the batch names and kept a
 * while: the journeys' owners and the content senders are the same few hundred members over and over.
 */
export class AnalyticsDirectory implements DirectoryLookups {
  private readonly departments = new Map<string, { departmentId: number; at: number }>();
  private readonly channels = new Map<string, { channel: { id: string; name: string } | undefined; at: number }>();

  constructor(
    private readonly sources: DirectorySources,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads what is not known, or known for too long, of these members and states (per corp). */
  async prepare(corpId: string, userids: Iterable<string>, states: Iterable<string>): Promise<void> {
    const now = this.now();
    const due = (known: { at: number } | undefined) => !known || now - known.at > DIRECTORY_TTL_MS;
    const missingUsers = [...new Set(userids)].filter((userid) => userid && due(this.departments.get(`${corpId}|${userid}`)));
    if (missingUsers.length) {
      const found = new Map((await this.sources.staff.listByUserids(corpId, missingUsers)).map((member) => [member.userid, member.departmentIds[0] ?? 0]));
      for (const userid of missingUsers) this.departments.set(`${corpId}|${userid}`, { departmentId: found.get(userid) ?? 0, at: now });
    }
    const missingStates = [...new Set(states)].filter((state) => state.startsWith(CHANNEL_STATE_PREFIX) && due(this.channels.get(`${corpId}|${state}`)));
    if (missingStates.length) {
      const found = new Map((await this.sources.channels.findByStates(corpId, missingStates)).map((channel) => [channel.state, { id: channel.id, name: channel.name }]));
      for (const state of missingStates) this.channels.set(`${corpId}|${state}`, { channel: found.get(state), at: now });
    }
  }

  departmentOf(corpId: string, userid: string | undefined): number {
    return userid ? (this.departments.get(`${corpId}|${userid}`)?.departmentId ?? 0) : 0;
  }

  channelOf(corpId: string, state: string | undefined): { id: string; name: string } | undefined {
    return state ? this.channels.get(`${corpId}|${state}`)?.channel : undefined;
  }
}
