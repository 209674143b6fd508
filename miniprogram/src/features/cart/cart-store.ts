import Taro from '@tarojs/taro';
import { z } from 'zod';
import { userScopedKey } from '../../lib/platform';

/** The most of one SKU in one order (the server refuses more). */
export const MAX_QUANTITY = 99;

/**
 * One SKU in the cart, with what the cart page shows kept beside it: the cart renders without asking the
 * server, and the order's real prices come from the server when it is placed.
 */
export const CartLine = z.object({
  productId: z.string(),
  skuId: z.string(),
  name: z.string(),
  skuName: z.string(),
  priceFen: z.number().int(),
  coverUrl: z.string(),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
});
export type CartLine = z.infer<typeof CartLine>;

const CART_KEY = 'zhike.cart';

function cartKey(): string {
  return userScopedKey(CART_KEY);
}

function clampQuantity(quantity: number): number {
  return Math.min(MAX_QUANTITY, Math.max(1, Math.floor(quantity)));
}

function save(lines: CartLine[]): CartLine[] {
  if (lines.length > 0) Taro.setStorageSync(cartKey(), lines);
  else Taro.removeStorageSync(cartKey());
  return lines;
}

/** The cart as stored; a damaged entry (an older app version's shape) is dropped rather than trusted. */
export function readCart(): CartLine[] {
  const stored = Taro.getStorageSync(cartKey());
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item: unknown) => {
    const line = CartLine.safeParse(item);
    return line.success ? [line.data] : [];
  });
}

/** Adds `quantity` of a SKU; the same SKU again adds to its line, up to MAX_QUANTITY. */
export function addToCart(line: CartLine): CartLine[] {
  const lines = readCart();
  const existing = lines.find((l) => l.skuId === line.skuId);
  if (existing) {
    existing.quantity = clampQuantity(existing.quantity + line.quantity);
    // Keep the newest name and price the customer saw.
    Object.assign(existing, { name: line.name, skuName: line.skuName, priceFen: line.priceFen, coverUrl: line.coverUrl });
    return save(lines);
  }
  return save([...lines, { ...line, quantity: clampQuantity(line.quantity) }]);
}

export function setCartQuantity(skuId: string, quantity: number): CartLine[] {
  return save(readCart().map((line) => (line.skuId === skuId ? { ...line, quantity: clampQuantity(quantity) } : line)));
}

export function removeFromCart(skuIds: readonly string[]): CartLine[] {
  return save(readCart().filter((line) => !skuIds.includes(line.skuId)));
}

export function cartCount(lines: readonly CartLine[] = readCart()): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** What the lines cost at the prices the customer saw (the order's total is the server's). */
export function linesTotalFen(lines: readonly Pick<CartLine, 'priceFen' | 'quantity'>[]): number {
  return lines.reduce((sum, line) => sum + line.priceFen * line.quantity, 0);
}
