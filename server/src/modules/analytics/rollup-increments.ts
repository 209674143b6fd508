import type { RollupFamily } from './analytics.model';
import { summariesOf } from './rollup-summaries';

/** Counters to add to one rollup row (dotted paths such as `reached.contact`); negative values take back. */
export interface RollupIncrement {
  family: RollupFamily;
  /** The row's `_id` (see the rollup documents in analytics.model.ts). */
  id: string;
  /** The row's key fields, `day` first: stored when the row is created. */
  keyFields: Record<string, string | number>;
  counts: Record<string, number>;
}

/** Counters to add to one inviter's all-time totals (`analytics_referrers`). */
export interface ReferrerIncrement {
  inviterId: string;
  /** The inviter's name, to store beside the totals. */
  name?: string;
  counts: Record<string, number>;
}

/**
 * Sums increments per row in memory: the recorder flushes one write per row per batch instead of one per
 * event, and the rebuild inserts whole documents at the end. Only non-zero increments are kept.
 */
export class RollupBuffer {
  private readonly rows = new Map<string, RollupIncrement>();
  private readonly referrers = new Map<string, ReferrerIncrement>();

  /** Adds the increment to its row and to the row's summaries. */
  add(increment: RollupIncrement): void {
    for (const row of [increment, ...summariesOf(increment)]) this.addToRow(row);
  }

  private addToRow(increment: RollupIncrement): void {
    const key = `${increment.family}|${increment.id}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { family: increment.family, id: increment.id, keyFields: increment.keyFields, counts: {} };
      this.rows.set(key, row);
    }
    addCounts(row.counts, increment.counts);
  }

  addReferrer(increment: ReferrerIncrement): void {
    let row = this.referrers.get(increment.inviterId);
    if (!row) {
      row = { inviterId: increment.inviterId, counts: {} };
      this.referrers.set(increment.inviterId, row);
    }
    if (increment.name) row.name = increment.name;
    addCounts(row.counts, increment.counts);
  }

  /** Rows with at least one counter that does not sum to zero, counters that do. */
  rollups(): RollupIncrement[] {
    return [...this.rows.values()].map((row) => ({ ...row, counts: nonZero(row.counts) })).filter((row) => Object.keys(row.counts).length > 0);
  }

  referrerTotals(): ReferrerIncrement[] {
    return [...this.referrers.values()].map((row) => ({ ...row, counts: nonZero(row.counts) })).filter((row) => Object.keys(row.counts).length > 0 || row.name);
  }

  get size(): number {
    return this.rows.size + this.referrers.size;
  }
}

export function addCounts(target: Record<string, number>, counts: Record<string, number>, sign = 1): void {
  for (const [path, value] of Object.entries(counts)) if (value !== 0) target[path] = (target[path] ?? 0) + sign * value;
}

export function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0));
}

/** `{ 'reached.contact': 1 }` → `{ reached: { contact: 1 } }`: the document `$inc` with dotted paths builds. */
export function nestCounts(counts: Record<string, number>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(counts)) {
    const parts = path.split('.');
    let node = document;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  return document;
}
