import { ADD_WAY_LABELS } from '@zhike/shared/customers';
import { formatFen } from '@zhike/shared/money';
import { DEFAULT_STAGE_PIPELINE } from '@zhike/shared/stages';
import type { TimelineEntry } from '@zhike/shared/timeline';
import type { TimelineRecord } from './timeline.repository';

const END_SUMMARIES: Record<string, (actor: string) => string> = {
  customer_deleted_staff: (actor) => `客户删除了 ${actor}`,
  staff_deleted_customer: (actor) => `${actor} 删除了客户`,
  transferred: (actor) => `客户已从 ${actor} 转接给其他同事`,
};

const REASSIGN_SUMMARIES: Record<string, (names: { who: string; departed: string; takeover: string; reason: string }) => string> = {
  requested: ({ who, departed, takeover }) => `${who} 将已离职的 ${departed} 的客户分配给 ${takeover}`,
  done: ({ departed, takeover }) => `${takeover} 接替了已离职的 ${departed}，成为客户的跟进人`,
  refused: ({ takeover }) => `客户拒绝由 ${takeover} 接替`,
  failed: ({ takeover, reason }) => `分配给 ${takeover} 未成功：${reason}`,
};

/** Stage moves made by a rule, named for the reader. */
const STAGE_RULES: Record<string, string> = { first_paid_order: '首单支付', repeat_paid_order: '再次购买' };

const CONTENT_NOUNS: Record<string, string> = { script: '话术', poster: '海报' };

const DEFAULT_STAGE_LABELS = new Map(DEFAULT_STAGE_PIPELINE.map((stage) => [stage.key, stage.label]));

/** Names known now, by id: staff by userid, tags by tag id, stages by key (the corp's pipeline, else the default). */
export interface TimelineNames {
  staff: Map<string, string>;
  tags: Map<string, string>;
  stages?: Map<string, string>;
  /** Acquisition channels by their 「联系我」 state. */
  channels?: Map<string, string>;
}

/** Composes the sentence a salesperson reads, from the recorded facts and the names known now. */
export function toTimelineEntry(record: TimelineRecord, names: TimelineNames): TimelineEntry {
  const actorName = record.actorUserid ? (names.staff.get(record.actorUserid) ?? record.actorUserid) : undefined;
  const who = actorName ?? '系统';
  const data = record.data as Record<string, unknown>;
  // A stage since removed from the pipeline still reads as it was called by default, else by its key.
  const stageName = (key: unknown) => names.stages?.get(String(key)) ?? DEFAULT_STAGE_LABELS.get(String(key)) ?? String(key);
  const tagNames = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => names.tags.get(String(id)) ?? String(id)).join('、') : '');
  // Content is attributed to the salesperson who sent it, not to the customer who acted (the entry's actor is absent).
  const senderName = (facts: Record<string, unknown>) => names.staff.get(String(facts.userid)) ?? String(facts.userid ?? '销售');
  let summary: string;
  switch (record.kind) {
    case 'contact_added': {
      const how = ADD_WAY_LABELS[Number(data.addWay ?? 0)] ?? '其他方式';
      summary = `${who} 添加了客户（${how}${data.state ? ` · 渠道 ${names.channels?.get(String(data.state)) ?? String(data.state)}` : ''}）`;
      break;
    }
    case 'contact_removed':
      summary = (END_SUMMARIES[String(data.reason)] ?? ((actor: string) => `${actor} 与客户的关系已结束`))(who);
      break;
    case 'tags_changed': {
      const parts = [
        ...(Array.isArray(data.add) && data.add.length ? [`添加标签 ${tagNames(data.add)}`] : []),
        ...(Array.isArray(data.remove) && data.remove.length ? [`移除标签 ${tagNames(data.remove)}`] : []),
      ];
      // Found in WeCom by a sync or callback: changed in the WeCom client, or a change WeCom refused rolled back.
      summary = data.via === 'wecom' ? `${who} 的标签按企业微信更新：${parts.join('；')}` : `${who} ${parts.join('；')}`;
      break;
    }
    case 'stage_changed':
      summary = `${who} 将阶段从 ${stageName(data.from)} 改为 ${stageName(data.to)}${STAGE_RULES[String(data.rule)] ? `（${STAGE_RULES[String(data.rule)]}）` : ''}`;
      break;
    case 'note':
      summary = `${who} 写了备注`;
      break;
    case 'content_sent':
      summary = `${who} 发送了${CONTENT_NOUNS[String(data.contentKind)] ?? '内容'}《${String(data.title ?? '')}》`;
      break;
    case 'content_opened':
      summary = `客户打开了 ${senderName(data)} 发送的${CONTENT_NOUNS[String(data.contentKind)] ?? '内容'}《${String(data.title ?? '')}》`;
      break;
    case 'fields_changed': {
      const changes = Array.isArray(data.changes) ? (data.changes as { key: string; label?: string; value: unknown }[]) : [];
      summary = `${who} 修改了资料 ${changes.map((c) => `${c.label ?? c.key}=${c.value === null ? '（清空）' : String(c.value)}`).join('，')}`;
      break;
    }
    case 'customer_reassigned': {
      // Names kept with the facts too: the departed salesperson may no longer be in the directory.
      const departed = names.staff.get(String(data.handover)) ?? String(data.handoverName ?? data.handover);
      const takeover = names.staff.get(String(data.takeover)) ?? String(data.takeoverName ?? data.takeover);
      summary = (REASSIGN_SUMMARIES[String(data.state)] ?? REASSIGN_SUMMARIES.requested!)({ who, departed, takeover, reason: String(data.reason ?? '') });
      break;
    }
    case 'poster_scanned':
      summary = `客户扫码打开了 ${senderName(data)} 的海报《${String(data.title ?? '')}》`;
      break;
    case 'page_viewed':
      summary = `浏览了《${String(data.title ?? '')}》`;
      break;
    case 'content_shared':
      summary = `分享了《${String(data.title ?? '')}》${data.shareChannel === 'timeline' ? '到朋友圈' : data.shareChannel === 'chat' ? '给好友' : ''}`;
      break;
    case 'referred_by': {
      // The invitee's first touch is credited to a salesperson (the inviter's, or the poster's): named when known.
      const credited = data.attributedUserid ? `，首次接触归属 ${names.staff.get(String(data.attributedUserid)) ?? String(data.attributedUserid)}` : '';
      summary = `经 ${String(data.inviterName ?? '老客户')} ${data.channel === 'poster' ? '的海报' : '的分享'}邀请而来${credited}`;
      break;
    }
    case 'invited_customer':
      summary = `邀请了新客户 ${String(data.inviteeName ?? '')}（${data.channel === 'poster' ? '海报' : '分享'}）`;
      break;
    case 'order_paid':
      summary = `客户支付了订单 ${formatFen(Number(data.totalFen ?? 0))}${Array.isArray(data.items) ? `：${data.items.join('、')}` : ''}`;
      break;
    case 'order_refunded':
      summary = `${who} 为订单退款 ${formatFen(Number(data.refundFen ?? 0))}${data.reason ? `（${String(data.reason)}）` : ''}`;
      break;
  }
  return {
    id: record.id,
    kind: record.kind,
    at: record.at.toISOString(),
    ...(record.actorUserid ? { actor: { userid: record.actorUserid, name: actorName! } } : {}),
    summary,
    ...(record.text ? { text: record.text } : {}),
  };
}
