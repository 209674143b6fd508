import type { SegmentRules } from '@zhike/shared/analytics';
import { wholeDaysBetween } from './rfm';

/** What segment rules are evaluated on, for one customer. */
export interface SegmentFacts {
  /** The tags (WeCom and local-only) on the owner's follow; none without an owner who follows. */
  tagIds: readonly string[];
  stage: string;
  /** The intent score now (as the sidebar shows it). */
  score: number;
  lastActiveAt?: Date;
  paidOrders: number;
}

/** Every rule given must hold; within the tags, any one. Activity is counted in whole days, as everywhere in the console. */
export function matchesSegment(rules: SegmentRules, facts: SegmentFacts, asOf: Date): boolean {
  const silentDays = facts.lastActiveAt ? wholeDaysBetween(facts.lastActiveAt, asOf) : undefined;
  return (
    (!rules.tagIds?.length || rules.tagIds.some((tagId) => facts.tagIds.includes(tagId))) &&
    (!rules.stages?.length || rules.stages.includes(facts.stage)) &&
    (rules.minScore === undefined || facts.score >= rules.minScore) &&
    (rules.maxScore === undefined || facts.score <= rules.maxScore) &&
    (rules.activeWithinDays === undefined || (silentDays !== undefined && silentDays < rules.activeWithinDays)) &&
    (rules.inactiveForDays === undefined || silentDays === undefined || silentDays >= rules.inactiveForDays) &&
    (rules.hasOrdered === undefined || (facts.paidOrders > 0) === rules.hasOrdered)
  );
}

export interface SegmentNames {
  tags: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, string>;
}

/** The rules in one line ("标签：高意向 或 VIP；意向分 ≥ 60；30 天内活跃"); an id without a name is shown as is. */
export function segmentSummary(rules: SegmentRules, names: SegmentNames): string {
  const anyOf = (ids: readonly string[], lookup: ReadonlyMap<string, string>) => ids.map((id) => lookup.get(id) ?? id).join(' 或 ');
  const { minScore, maxScore } = rules;
  const score =
    minScore !== undefined && maxScore !== undefined
      ? `意向分 ${minScore}–${maxScore}`
      : minScore !== undefined
        ? `意向分 ≥ ${minScore}`
        : maxScore !== undefined
          ? `意向分 ≤ ${maxScore}`
          : undefined;
  const parts = [
    rules.tagIds?.length ? `标签：${anyOf(rules.tagIds, names.tags)}` : undefined,
    rules.stages?.length ? `阶段：${anyOf(rules.stages, names.stages)}` : undefined,
    score,
    rules.activeWithinDays !== undefined ? `${rules.activeWithinDays} 天内活跃` : undefined,
    rules.inactiveForDays !== undefined ? `至少 ${rules.inactiveForDays} 天未活跃` : undefined,
    rules.hasOrdered === undefined ? undefined : rules.hasOrdered ? '已下单' : '未下单',
  ];
  return parts.filter((part): part is string => part !== undefined).join('；');
}
