import type { ChannelDayStats, ChannelStatsResponse } from '@zhike/shared/channels';
import { shanghaiDay } from '@zhike/shared/time';
import { AppError } from '../../platform/http/app-error';
import type { ChannelActivityRepository, ChannelRecord, ChannelRepository } from '../../modules/channels';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 366;

export interface ChannelStatsDeps {
  corpId: string;
  channels: Pick<ChannelRepository, 'findById' | 'list'>;
  activity: Pick<ChannelActivityRepository, 'countPerDay' | 'countAdds' | 'countWelcomes' | 'conversionTotals' | 'firstTouchOf' | 'recordConversion'>;
  now?: () => Date;
}

/**
 * Channel statistics. WeCom does not report scans, so a channel is measured by what it produces: adds,
 * the relationships among them that ended (net adds), adds per Beijing day, welcomes, and the orders of
 * the customers it touched first.
 */
export class ChannelStatsFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: ChannelStatsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async stats(corpId: string, channelId: string, range: { from?: string; to?: string }): Promise<ChannelStatsResponse> {
    const channel = await this.deps.channels.findById(corpId, channelId);
    if (!channel) throw new AppError('NOT_FOUND', '渠道不存在');
    const { from, to } = this.range(range);
    const [days, adds, losses, welcomesSent, welcomesMissed, conversions] = await Promise.all([
      this.days(channel, from, to),
      this.deps.activity.countAdds(channel.id),
      this.deps.activity.countAdds(channel.id, true),
      this.deps.activity.countWelcomes(channel.id, ['sent']),
      this.deps.activity.countWelcomes(channel.id, ['missed', 'failed']),
      this.deps.activity.conversionTotals(channel.id),
    ]);
    return { channelId: channel.id, name: channel.name, from, to, totals: { adds, losses, netAdds: adds - losses, welcomesSent, welcomesMissed, ...conversions }, days };
  }

  /** Every channel × day of the range, for a spreadsheet: UTF-8 with a BOM so Excel reads the Chinese. */
  async csv(corpId: string, range: { from?: string; to?: string }): Promise<Buffer> {
    const { from, to } = this.range(range);
    const lines = [['渠道', '分组', '状态', '日期', '新增客户', '流失', '净增'].join(',')];
    for (const channel of await this.deps.channels.list(corpId, true)) {
      const status = channel.deletedAt ? '已删除' : channel.pausedAt ? '已暂停' : '启用';
      for (const day of await this.days(channel, from, to)) {
        lines.push([channel.name, channel.group, status, day.day, day.adds, day.losses, day.netAdds].map(csvCell).join(','));
      }
    }
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }

  /** An order is credited to the channel that touched its customer first, once per order (ready for the orders flow). */
  async creditOrder(corpId: string, order: { orderId: string; customerId: string; amountFen: number }): Promise<boolean> {
    const touch = await this.deps.activity.firstTouchOf(corpId, order.customerId);
    if (!touch) return false;
    return this.deps.activity.recordConversion({ corpId, channelId: touch.channelId, orderId: order.orderId, customerId: order.customerId, amountFen: order.amountFen, at: this.now() });
  }

  private async days(channel: ChannelRecord, from: string, to: string): Promise<ChannelDayStats[]> {
    const [adds, losses] = await Promise.all([this.deps.activity.countPerDay(channel.id, 'day', from, to), this.deps.activity.countPerDay(channel.id, 'endedDay', from, to)]);
    return daysBetween(from, to).map((day) => {
      const added = adds.get(day) ?? 0;
      const lost = losses.get(day) ?? 0;
      return { day, adds: added, losses: lost, netAdds: added - lost };
    });
  }

  private range(range: { from?: string; to?: string }): { from: string; to: string } {
    const to = range.to ?? shanghaiDay(this.now());
    const from = range.from ?? shanghaiDay(Date.parse(`${to}T12:00:00+08:00`) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS);
    if (from > to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [{ field: 'query.from', issue: '晚于结束日期' }]);
    if (daysBetween(from, to).length > MAX_RANGE_DAYS) throw new AppError('VALIDATION_FAILED', '一次最多查询 366 天', [{ field: 'query.from', issue: '范围过大' }]);
    return { from, to };
  }
}

/** Calendar days from `from` to `to`, both included (noon keeps the arithmetic clear of any midnight). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`) && days.length <= MAX_RANGE_DAYS; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Quotes cells with commas, quotes or line breaks; a leading = + - @ is neutralised so no cell runs as a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
