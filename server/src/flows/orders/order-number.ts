import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * `ZK` + the Beijing date and time + 6 random characters: 22 characters of WeChat Pay's out_trade_no
 * alphabet (≤ 32), readable by support staff, and unique in practice (the unique index decides).
 */
export function newOrderNo(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
  const random = Array.from(crypto.randomBytes(6), (byte) => ALPHABET[byte % 36]).join('');
  return `ZK${beijing}${random}`;
}
