import type { ChatMessage } from '@zhike/shared/content';
import { describeError } from '../../lib/describe-error';
import { sendChatMessage } from '../../lib/wecom';
import { WeComError } from '../../lib/wecom-error';

/** How putting the order card into the chat ended; exactly the scripts tab's three outcomes. */
export type OrderSendResult = { kind: 'sent' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** The mini-program card that opens the order's pay page, into the open chat. Never throws. */
export async function sendOrderCard(message: ChatMessage): Promise<OrderSendResult> {
  try {
    await sendChatMessage(message);
    return { kind: 'sent' };
  } catch (error) {
    if (error instanceof WeComError && error.keyword.includes('cancel')) return { kind: 'cancelled' };
    return { kind: 'failed', message: describeError(error).message };
  }
}
