import { z } from 'zod';

/** Money is always an integer number of fen (分). */
export const Fen = z.number().int().nonnegative().describe('Amount in fen (1 CNY = 100 fen)');
export type Fen = z.infer<typeof Fen>;

/** 12345 → "¥123.45"; negative amounts keep their sign before the symbol. */
export function formatFen(fen: number): string {
  if (!Number.isInteger(fen)) throw new RangeError(`金额必须是整数分: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}
