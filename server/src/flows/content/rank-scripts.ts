import type { ScriptRecord } from '../../modules/scripts';

export interface RankingSignals {
  stageKey?: string;
  stageLabel?: string;
  /** The customer's tags (corp and local), id → name. */
  tags: Map<string, string>;
  /** Content the customer opened or scanned lately, newest first. */
  recentlyViewed: { contentId: string; title: string; categoryId?: string }[];
  /** Scripts sent to this customer lately: not offered again so soon. */
  recentlySent: Set<string>;
  /** Per script, across all customers: sends, sends opened, orders credited. */
  results: Map<string, { sends: number; sendsOpened: number; orders: number }>;
  favourites: Set<string>;
}

export interface RankedScript {
  script: ScriptRecord;
  score: number;
  reason: string;
}

/** Below this many sends an open rate says little; it is not used. */
const MIN_SENDS_FOR_RATE = 3;

/**
 * The few scripts most likely to fit this customer, by transparent rules: the stage and tags the script
 * is meant for, what the customer just looked at, and how well the script has worked so far. Each
 * reason that scored is shown, strongest first, so the salesperson can see why.
 */
export function rankScripts(scripts: ScriptRecord[], signals: RankingSignals, limit = 3): RankedScript[] {
  const ranked: RankedScript[] = [];
  for (const script of scripts) {
    if (signals.recentlySent.has(script.id)) continue;
    const reasons: { weight: number; text: string }[] = [];
    if (signals.stageKey && script.stages.includes(signals.stageKey)) reasons.push({ weight: 3, text: `${signals.stageLabel ?? signals.stageKey}阶段` });
    const tagNames = script.tagIds.filter((id) => signals.tags.has(id)).map((id) => signals.tags.get(id)!);
    if (tagNames.length) reasons.push({ weight: 2 * Math.min(tagNames.length, 2), text: `标签 ${tagNames.slice(0, 2).join('、')}` });
    const viewed = signals.recentlyViewed.find((item) => item.contentId !== script.id && item.categoryId === script.categoryId);
    if (viewed) reasons.push({ weight: 2.5, text: `浏览过《${viewed.title}》` });
    const result = signals.results.get(script.id);
    if (result && result.sends >= MIN_SENDS_FOR_RATE) {
      const rate = result.sendsOpened / result.sends;
      if (rate >= 0.3) reasons.push({ weight: 2 * rate, text: `打开率 ${Math.round(rate * 100)}%` });
    }
    if (result?.orders) reasons.push({ weight: 1 + Math.min(result.orders, 5) * 0.2, text: `带来 ${result.orders} 单` });
    if (!reasons.length) continue;
    const favouriteBonus = signals.favourites.has(script.id) ? 0.5 : 0;
    reasons.sort((a, b) => b.weight - a.weight);
    ranked.push({
      script,
      score: reasons.reduce((sum, reason) => sum + reason.weight, favouriteBonus),
      reason: reasons.slice(0, 2).map((reason) => reason.text).join(' · '),
    });
  }
  return ranked.sort((a, b) => b.score - a.score || b.script.usageCount - a.script.usageCount).slice(0, limit);
}
