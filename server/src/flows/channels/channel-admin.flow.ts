import type { ChannelAssignment, ChannelSalespeopleResponse, ChannelView, DefaultWelcome, SaveChannelRequest, UpdateChannelRequest, WelcomeMessage } from '@zhike/shared/channels';
import type { z } from 'zod';
import type { SaveChannelRequest as SaveSchema, UpdateChannelRequest as UpdateSchema } from '@zhike/shared/channels';
import { shanghaiDay } from '@zhike/shared/time';
import { UpstreamApiError } from '../../integrations/common/upstream-error';
import type { ContactWayConfig, ExternalContactClient } from '../../integrations/wecom/external-contact-client';
import { AppError } from '../../platform/http/app-error';
import type { AssetService } from '../../modules/assets';
import { eligibleUsers, newChannelState, type ChannelActivityRepository, type ChannelDocument, type ChannelRecord, type ChannelRepository } from '../../modules/channels';
import type { StaffRepository } from '../../modules/staff';
import { checkChannelInput, type ChannelInputDeps } from './channel-input';

type SaveFields = z.output<typeof SaveSchema>;
type UpdateFields = z.output<typeof UpdateSchema>;
export type ContactWayApi = Pick<ExternalContactClient, 'addContactWay' | 'updateContactWay' | 'delContactWay' | 'getContactWay' | 'downloadContactWayQr'>;

export interface ChannelAdminDeps extends ChannelInputDeps {
  corpId: string;
  channels: ChannelRepository;
  activity: Pick<ChannelActivityRepository, 'totalsByChannel' | 'countAdds' | 'addsPerMember'>;
  contactWays: ContactWayApi;
  assets: Pick<AssetService, 'findById' | 'upload' | 'publicUrlOf'>;
  staffRecords: Pick<StaffRepository, 'listUserids'>;
  now?: () => Date;
}

interface Editor {
  corpId: string;
  userid: string;
}

const notFound = () => new AppError('NOT_FOUND', '渠道不存在或已删除');
const upstreamRefused = (error: UpstreamApiError) =>
  new AppError('UPSTREAM_REJECTED', `企业微信拒绝了活码配置（错误码 ${error.errcode}），渠道没有保存`, [{ field: 'upstream', issue: `${error.errcode} ${error.errmsg}` }]);

/**
 * Channels as the admin manages them. Each write goes upstream first and is saved here second; when the
 * second step fails, the first is undone (the config deleted or put back), so WeCom and Zhike never disagree
 * about a channel that exists in only one of them. No transactions: every local write is one document.
 */
export class ChannelAdminFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: ChannelAdminDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async list(corpId: string, includeDeleted = false): Promise<ChannelView[]> {
    const [channels, totals] = await Promise.all([this.deps.channels.list(corpId, includeDeleted), this.deps.activity.totalsByChannel(corpId)]);
    return channels.map((channel) => this.toView(channel, totals.get(channel.id)));
  }

  async get(corpId: string, channelId: string): Promise<ChannelView> {
    const channel = await this.require(corpId, channelId, true);
    return this.toView(channel, (await this.deps.activity.totalsByChannel(corpId)).get(channel.id));
  }

  async create(editor: Editor, request: SaveChannelRequest | SaveFields): Promise<ChannelView> {
    const fields = request as SaveFields;
    await checkChannelInput(this.deps, editor.corpId, fields);
    return this.toView(await this.createChannel(editor, { ...fields, kind: 'channel' }));
  }

  async update(editor: Editor, channelId: string, request: UpdateChannelRequest | UpdateFields): Promise<ChannelView> {
    const { expectedVersion, ...fields } = request as UpdateFields;
    const current = await this.require(editor.corpId, channelId);
    if (current.version !== expectedVersion) throw stale(current.version);
    if (modeOf(current) !== fields.assignment.mode) {
      throw new AppError('VALIDATION_FAILED', '单人活码和多人轮换创建后不能互换，请新建渠道', [{ field: 'body.assignment.mode', issue: '不能修改' }]);
    }
    await checkChannelInput(this.deps, editor.corpId, fields);
    const users = await this.usersNow(current.id, fields.assignment, Boolean(current.pausedAt), current.currentUsers);
    await this.upstream(() => this.deps.contactWays.updateContactWay(current.configId, { remark: fields.name, skipVerify: fields.skipVerify, user: users }));
    const updated = await this.deps.channels.updateAtVersion(editor.corpId, channelId, expectedVersion, { ...fields, currentUsers: users, updatedBy: editor.userid, updatedAt: this.now() });
    if (!updated) {
      // Someone saved in between: put WeCom back as their save left it, then tell this editor.
      const latest = await this.deps.channels.findById(editor.corpId, channelId);
      if (latest) await this.deps.contactWays.updateContactWay(latest.configId, { remark: latest.name, skipVerify: latest.skipVerify, user: latest.currentUsers }).catch(() => undefined);
      throw stale(latest?.version ?? expectedVersion + 1);
    }
    return this.toView(updated);
  }

  /** Paused: the code still adds customers (WeCom cannot switch a code off), but Zhike neither tags nor greets them and stops rotating. */
  async pause(editor: Editor, channelId: string): Promise<ChannelView> {
    const current = await this.require(editor.corpId, channelId);
    if (current.pausedAt) return this.toView(current);
    const paused = await this.deps.channels.updateAtVersion(editor.corpId, channelId, current.version, { pausedAt: this.now(), updatedBy: editor.userid, updatedAt: this.now() });
    if (!paused) throw stale(current.version + 1);
    return this.toView(paused);
  }

  async resume(editor: Editor, channelId: string): Promise<ChannelView> {
    const current = await this.require(editor.corpId, channelId);
    if (!current.pausedAt) return this.toView(current);
    const users = await this.usersNow(current.id, current.assignment, false, current.currentUsers);
    if (!sameSet(users, current.currentUsers)) await this.upstream(() => this.deps.contactWays.updateContactWay(current.configId, { user: users }));
    const resumed = await this.deps.channels.updateAtVersion(editor.corpId, channelId, current.version, { currentUsers: users, updatedBy: editor.userid, updatedAt: this.now() }, ['pausedAt']);
    if (!resumed) throw stale(current.version + 1);
    return this.toView(resumed);
  }

  /**
   * Deletes the config upstream (its QR stops working) and keeps the channel, marked deleted, for its
   * statistics. A channel that has brought customers needs `force`: printed codes die with it.
   */
  async delete(editor: Editor, channelId: string, force: boolean): Promise<ChannelView> {
    const current = await this.require(editor.corpId, channelId, true);
    if (current.deletedAt) return this.toView(current);
    const adds = await this.deps.activity.countAdds(current.id);
    if (adds > 0 && !force) {
      throw new AppError('CONFLICT', `该渠道已带来 ${adds} 位客户，删除后二维码立即失效，已印刷的物料也无法再添加。确认删除请再次提交`, [
        { field: 'query.force', issue: `已带来 ${adds} 位客户` },
      ]);
    }
    await this.deleteUpstream(current.configId);
    const deleted = await this.deps.channels.updateAtVersion(editor.corpId, channelId, current.version, { deletedAt: this.now(), updatedBy: editor.userid, updatedAt: this.now() });
    if (!deleted) throw stale(current.version + 1);
    return this.toView(deleted);
  }

  /** A salesperson's own code (我的活码), made on first use; two concurrent first uses end with one. */
  async personalCode(staff: { corpId: string; userid: string; name: string }): Promise<ChannelRecord> {
    const existing = await this.deps.channels.findPersonal(staff.corpId, staff.userid);
    if (existing) return existing;
    return this.createChannel(staff, {
      kind: 'personal',
      name: `${staff.name}的活码`.slice(0, 30),
      group: '个人活码',
      assignment: { mode: 'single', userid: staff.userid },
      skipVerify: true,
      tagIds: [],
      welcome: null,
    });
  }

  /** Current members, for the editor's salesperson picker. */
  async salespeople(corpId: string): Promise<ChannelSalespeopleResponse['salespeople']> {
    const directory = await this.deps.staff.directory(corpId, await this.deps.staffRecords.listUserids(corpId));
    return [...directory.values()]
      .filter((member) => member.active)
      .map((member) => ({ userid: member.userid, name: member.name, ...(member.position ? { position: member.position } : {}), ...(member.avatar ? { avatar: member.avatar } : {}) }));
  }

  async defaultWelcome(corpId: string): Promise<DefaultWelcome> {
    const settings = await this.deps.channels.settings(corpId);
    return { welcome: settings?.defaultWelcome ?? null, applyToOtherAdds: settings?.applyToOtherAdds ?? false };
  }

  async saveDefaultWelcome(editor: Editor, request: { welcome: WelcomeMessage | null; applyToOtherAdds: boolean }): Promise<DefaultWelcome> {
    await checkChannelInput(this.deps, editor.corpId, { tagIds: [], welcome: request.welcome });
    await this.deps.channels.saveSettings({ corpId: editor.corpId, defaultWelcome: request.welcome, applyToOtherAdds: request.applyToOtherAdds, updatedBy: editor.userid, updatedAt: this.now() });
    return this.defaultWelcome(editor.corpId);
  }

  async require(corpId: string, channelId: string, includeDeleted = false): Promise<ChannelRecord> {
    const channel = await this.deps.channels.findById(corpId, channelId);
    if (!channel || (channel.deletedAt && !includeDeleted)) throw notFound();
    return channel;
  }

  toView(channel: ChannelRecord, totals?: { adds: number; losses: number }): ChannelView {
    const adds = totals?.adds ?? 0;
    return {
      id: channel.id,
      kind: channel.kind,
      name: channel.name,
      group: channel.group,
      state: channel.state,
      configId: channel.configId,
      qrUrl: this.deps.assets.publicUrlOf({ key: channel.qrAssetKey }),
      assignment: channel.assignment,
      skipVerify: channel.skipVerify,
      tagIds: channel.tagIds,
      welcome: channel.welcome,
      status: channel.deletedAt ? 'deleted' : channel.pausedAt ? 'paused' : 'active',
      currentUsers: channel.currentUsers,
      adds,
      netAdds: adds - (totals?.losses ?? 0),
      version: channel.version,
      createdAt: channel.createdAt.toISOString(),
      updatedAt: channel.updatedAt.toISOString(),
    };
  }

  /** add_contact_way, then the QR as our asset, then the record; a failure after the first step deletes the config again. */
  private async createChannel(editor: Editor, fields: Omit<SaveFields, 'group'> & { group: string; kind: ChannelDocument['kind'] }): Promise<ChannelRecord> {
    const state = newChannelState();
    const id = this.deps.channels.newId();
    const users = eligibleUsers(fields.assignment, this.now(), new Map()).users;
    const config: ContactWayConfig = { type: fields.assignment.mode === 'single' ? 1 : 2, scene: 2, remark: fields.name, skipVerify: fields.skipVerify, state, user: users };
    const way = await this.upstream(() => this.deps.contactWays.addContactWay(config));
    try {
      if (!way.qrCode) throw new AppError('UPSTREAM_BAD_RESPONSE', '企业微信没有返回二维码');
      const png = await this.deps.contactWays.downloadContactWayQr(way.qrCode);
      const qr = await this.deps.assets.upload({ corpId: editor.corpId, uploadedBy: editor.userid, filename: `活码-${fields.name}.png`, contentType: 'image/png', bytes: png });
      const now = this.now();
      const saved = await this.deps.channels.insert(id, {
        corpId: editor.corpId,
        kind: fields.kind,
        ...(fields.kind === 'personal' ? { personalKey: `${editor.corpId}:${editor.userid}` } : {}),
        name: fields.name,
        group: fields.group,
        state,
        configId: way.configId,
        contactWayType: config.type,
        qrAssetId: qr.id,
        qrAssetKey: qr.key,
        assignment: fields.assignment,
        skipVerify: fields.skipVerify,
        tagIds: fields.tagIds,
        welcome: fields.welcome,
        currentUsers: users,
        version: 1,
        createdBy: editor.userid,
        updatedBy: editor.userid,
        createdAt: now,
        updatedAt: now,
      });
      if (saved) return saved;
      // A concurrent first use of 我的活码 saved its own; ours goes.
      const winner = fields.kind === 'personal' ? await this.deps.channels.findPersonal(editor.corpId, editor.userid) : null;
      if (!winner) throw new AppError('CONFLICT', '渠道保存冲突，请重试');
      await this.deleteUpstream(way.configId).catch(() => undefined);
      return winner;
    } catch (error) {
      await this.deps.contactWays.delContactWay(way.configId).catch(() => undefined);
      throw error;
    }
  }

  /** Today's eligible members (rotation), or the one; a paused channel keeps what it has upstream. */
  private async usersNow(channelId: string, assignment: ChannelAssignment, paused: boolean, current: string[]): Promise<string[]> {
    if (paused && current.length > 0 && assignment.mode === 'rotation') return current;
    const now = this.now();
    const addsToday = assignment.mode === 'rotation' ? await this.deps.activity.addsPerMember(channelId, shanghaiDay(now)) : new Map<string, number>();
    return eligibleUsers(assignment, now, addsToday).users;
  }

  /** Deleting a config that is already gone (a retry after a crash) counts as done. */
  private async deleteUpstream(configId: string): Promise<void> {
    try {
      await this.deps.contactWays.delContactWay(configId);
    } catch (error) {
      if (!(error instanceof UpstreamApiError)) throw error;
      const stillThere = await this.deps.contactWays.getContactWay(configId).then(
        () => true,
        (lookup: unknown) => !(lookup instanceof UpstreamApiError),
      );
      if (stillThere) throw upstreamRefused(error);
    }
  }

  private async upstream<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw error instanceof UpstreamApiError ? upstreamRefused(error) : error;
    }
  }
}

const modeOf = (channel: ChannelRecord): ChannelAssignment['mode'] => (channel.contactWayType === 1 ? 'single' : 'rotation');
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
const stale = (version: number) => new AppError('CONFLICT', '这个渠道刚被其他人修改过，请刷新后再改', [{ field: 'body.expectedVersion', issue: `当前版本为 ${version}` }]);
