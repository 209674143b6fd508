/**
 * Reading rollup rows: a row holds only the counters something ever incremented (`$inc` upserts), so an
 * absent counter is zero and an absent histogram is empty.
 */
export function count(value: number | undefined): number {
  return value ?? 0;
}

/** numerator ÷ denominator, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Adds a stored histogram (value as a string key → how many) into a running one. */
export function addHistogram(target: Map<number, number>, histogram: Record<string, number> | undefined): void {
  for (const [value, times] of Object.entries(histogram ?? {})) {
    if (times !== 0) target.set(Number(value), (target.get(Number(value)) ?? 0) + times);
  }
}

/**
 * The median of a histogram of whole numbers; null when it is empty. With an even count the lower of the
 * two middle values is taken, so the answer is always a value some customer actually had (a whole hour or
 * day) rather than an average of two.
 */
export function medianOfHistogram(histogram: Map<number, number>): number | null {
  const entries = [...histogram].filter(([, times]) => times > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, times]) => sum + times, 0);
  if (total === 0) return null;
  let position = Math.floor((total - 1) / 2);
  for (const [value, times] of entries) {
    if (position < times) return value;
    position -= times;
  }
  throw new Error('median position beyond the histogram');
}

/** The map's value for a key, created first when absent. */
export function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
