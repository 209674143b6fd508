import type { MyContactCodeResponse } from '@zhike/shared/channels';
import type { MySalespersonResponse } from '@zhike/shared/referrals';
import { AppError } from '../../platform/http/app-error';
import type { Logger } from '../../platform/logging/logger';
import type { AssetService } from '../../modules/assets';
import type { ChannelActivityRepository, ChannelRecord } from '../../modules/channels';
import type { FollowRepository } from '../../modules/follows';
import type { StaffService } from '../../modules/staff';
import type { ChannelAdminFlow } from './channel-admin.flow';
import { renderChannelPoster } from './channel-poster';

export interface ChannelCodesDeps {
  admin: Pick<ChannelAdminFlow, 'require' | 'personalCode'>;
  activity: Pick<ChannelActivityRepository, 'countAdds'>;
  assets: Pick<AssetService, 'findById' | 'readBytes' | 'publicUrlOf'>;
  staff: Pick<StaffService, 'directory'>;
  follows: Pick<FollowRepository, 'listForCustomer'>;
  corpId: string;
  log: Logger;
}

/** The codes as images and as the people who use them: QR and poster downloads, 我的活码, and a customer's own salesperson. */
export class ChannelCodesFlow {
  private readonly posters = new Map<string, Promise<Buffer>>();

  constructor(private readonly deps: ChannelCodesDeps) {}

  async qrPng(corpId: string, channelId: string): Promise<Buffer> {
    return this.qrOf(await this.deps.admin.require(corpId, channelId));
  }

  /** Drawn once per (channel version, QR) and kept in memory: the same print file every time. */
  async posterPng(corpId: string, channelId: string): Promise<Buffer> {
    const channel = await this.deps.admin.require(corpId, channelId);
    const cacheKey = `${channel.id}:${channel.version}:${channel.qrAssetKey}`;
    let poster = this.posters.get(cacheKey);
    if (!poster) {
      poster = this.drawPoster(channel);
      poster.catch(() => this.posters.delete(cacheKey));
      this.posters.set(cacheKey, poster);
    }
    return poster;
  }

  async myContactCode(staff: { corpId: string; userid: string }): Promise<MyContactCodeResponse> {
    const member = (await this.deps.staff.directory(staff.corpId, [staff.userid])).get(staff.userid);
    if (!member) throw new AppError('STAFF_NOT_FOUND', '通讯录中没有你的账号，请联系管理员');
    const channel = await this.deps.admin.personalCode({ corpId: staff.corpId, userid: staff.userid, name: member.name });
    return { channelId: channel.id, name: channel.name, state: channel.state, qrUrl: this.deps.assets.publicUrlOf({ key: channel.qrAssetKey }), adds: await this.deps.activity.countAdds(channel.id) };
  }

  /**
   * The customer's salesperson: the one they still have (the longest-standing active relationship), else
   * whoever they first added; with that salesperson's own code, made on demand, for adding them again.
   */
  async mySalesperson(customerId: string): Promise<MySalespersonResponse> {
    const follows = await this.deps.follows.listForCustomer(customerId);
    const chosen = follows.find((f) => !f.endedAt) ?? follows[0];
    if (!chosen) return { salesperson: null };
    const member = (await this.deps.staff.directory(chosen.corpId, [chosen.userid])).get(chosen.userid);
    if (!member || !member.active) return { salesperson: null };
    const salesperson = { userid: member.userid, name: member.name, avatar: member.avatar ?? '', ...(member.position ? { position: member.position } : {}) };
    try {
      const code = await this.deps.admin.personalCode({ corpId: chosen.corpId, userid: member.userid, name: member.name });
      return { salesperson, contactQrUrl: this.deps.assets.publicUrlOf({ key: code.qrAssetKey }) };
    } catch (error) {
      // The salesperson still shows; only the code is missing until WeCom answers again.
      this.deps.log.warn({ err: error, userid: member.userid }, 'personal contact code unavailable');
      return { salesperson };
    }
  }

  private async drawPoster(channel: ChannelRecord): Promise<Buffer> {
    const directory = await this.deps.staff.directory(channel.corpId, channel.assignment.mode === 'single' ? [channel.assignment.userid] : []);
    const single = channel.assignment.mode === 'single' ? directory.get(channel.assignment.userid) : undefined;
    const subtitle = single ? `${single.name}${single.position ? ` · ${single.position}` : ''} 为你服务` : '专属顾问在线为你服务';
    return renderChannelPoster({ title: channel.kind === 'personal' && single ? single.name : channel.name, subtitle, qrPng: await this.qrOf(channel) });
  }

  private async qrOf(channel: ChannelRecord): Promise<Buffer> {
    const asset = await this.deps.assets.findById(channel.corpId, channel.qrAssetId);
    if (!asset) throw new AppError('NOT_FOUND', '二维码图片不存在');
    return this.deps.assets.readBytes(asset);
  }
}
