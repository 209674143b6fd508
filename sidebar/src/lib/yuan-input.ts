/**
 * Money typed by people, in 元 ("99", "99.9", "1,299.00"), to integer fen — without floating point, so
 * "0.29" is 29 fen and never 28.999…; null when it is not an amount with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen back to what an input shows: 9900 → "99", 9990 → "99.90" (no ¥, no thousands separator). */
export function fenToYuanInput(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
