import { ADD_WAY_LABELS } from '@zhike/shared/customers';
import { STAGE_LABELS, type CustomerStage, type TimelineEntry } from '@zhike/shared/timeline';
import type { TimelineRecord } from './timeline.repository';

const END_SUMMARIES: Record<string, (actor: string) => string> = {
  customer_deleted_staff: (actor) => `客户删除了 ${actor}`,
  staff_deleted_customer: (actor) => `${actor} 删除了客户`,
  transferred: (actor) => `客户已从 ${actor} 转接给其他同事`,
};

const CONTENT_NOUNS: Record<string, string> = { script: '话术', poster: '海报' };

/** Composes the sentence a salesperson reads, from the recorded facts and the names known now. */
export function toTimelineEntry(record: TimelineRecord, names: { staff: Map<string, string>; tags: Map<string, string> }): TimelineEntry {
  const actorName = record.actorUserid ? (names.staff.get(record.actorUserid) ?? record.actorUserid) : undefined;
  const who = actorName ?? '系统';
  const data = record.data as Record<string, unknown>;
  const tagNames = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => names.tags.get(String(id)) ?? String(id)).join('、') : '');
  // Content is attributed to the salesperson who sent it, not to the customer who acted (the entry's actor is absent).
  const senderName = (facts: Record<string, unknown>) => names.staff.get(String(facts.userid)) ?? String(facts.userid ?? '销售');
  let summary: string;
  switch (record.kind) {
    case 'contact_added': {
      const how = ADD_WAY_LABELS[Number(data.addWay ?? 0)] ?? '其他方式';
      summary = `${who} 添加了客户（${how}${data.state ? ` · 渠道 ${String(data.state)}` : ''}）`;
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
      summary = `${who} ${parts.join('；')}`;
      break;
    }
    case 'stage_changed':
      summary = `${who} 将阶段从 ${STAGE_LABELS[data.from as CustomerStage] ?? String(data.from)} 改为 ${STAGE_LABELS[data.to as CustomerStage] ?? String(data.to)}`;
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
    case 'poster_scanned':
      summary = `客户扫码打开了 ${senderName(data)} 的海报《${String(data.title ?? '')}》`;
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
