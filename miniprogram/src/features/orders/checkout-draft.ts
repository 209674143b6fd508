import Taro from '@tarojs/taro';
import { z } from 'zod';
import { userScopedKey } from '../../lib/platform';
import { randomId } from '../../lib/random-id';
import { CartLine } from '../cart/cart-store';

/**
 * What the checkout page is about to order: from the cart or from 立即购买. It carries the order's
 * idempotency key, so a retry after a lost answer (or a reopened page) cannot place the order twice.
 */
export const CheckoutDraft = z.object({
  requestId: z.string(),
  source: z.enum(['cart', 'buyNow']),
  lines: z.array(CartLine).min(1),
});
export type CheckoutDraft = z.infer<typeof CheckoutDraft>;

const DRAFT_KEY = 'zhike.checkoutDraft';

function draftKey(): string {
  return userScopedKey(DRAFT_KEY);
}

/** A new checkout: a fresh requestId, replacing whatever was left unfinished. */
export function startCheckout(source: CheckoutDraft['source'], lines: CartLine[]): CheckoutDraft {
  const draft: CheckoutDraft = { requestId: `ord_${randomId()}`, source, lines };
  Taro.setStorageSync(draftKey(), draft);
  return draft;
}

export function readCheckoutDraft(): CheckoutDraft | null {
  const stored = CheckoutDraft.safeParse(Taro.getStorageSync(draftKey()));
  return stored.success ? stored.data : null;
}

/**
 * The server refused the order outright (4xx): nothing was placed under the old key, and a corrected
 * order must not be answered with the remembered refusal.
 */
export function renewRequestId(draft: CheckoutDraft): CheckoutDraft {
  const renewed = { ...draft, requestId: `ord_${randomId()}` };
  Taro.setStorageSync(draftKey(), renewed);
  return renewed;
}

export function clearCheckoutDraft(): void {
  Taro.removeStorageSync(draftKey());
}
