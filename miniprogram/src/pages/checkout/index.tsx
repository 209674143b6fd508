import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import { Empty } from '../../components/status';
import { linesTotalFen, removeFromCart, type CartLine } from '../../features/cart/cart-store';
import { placeOrder } from '../../features/orders/api';
import { clearCheckoutDraft, readCheckoutDraft, renewRequestId } from '../../features/orders/checkout-draft';
import { disabledWhen } from '../../lib/disabled-when';
import { openPage, replacePage } from '../../lib/navigation';
import { ApiError, errorMessage } from '../../lib/request';
import { trackTap, usePageTracking } from '../../lib/tracking';
import { routes } from '../../routes';
import '../../features/orders/orders.css';
import './index.css';

interface Refusal {
  message: string;
  /** The server's issue per line, by the line's index (`body.items.1.skuId` → 1). */
  byLine: Map<number, string>;
}

function refusalOf(error: unknown): Refusal {
  const byLine = new Map<number, string>();
  if (error instanceof ApiError) {
    for (const detail of error.details) {
      const index = /^body\.items\.(\d+)(\.|$)/.exec(detail.field)?.[1];
      if (index !== undefined) byLine.set(Number(index), detail.issue);
    }
  }
  return { message: errorMessage(error), byLine };
}

function CheckoutLine({ line, issue }: { line: CartLine; issue?: string }) {
  return (
    <View className='order-line'>
      <View className='order-line-text'>
        <Text className='order-line-name'>{line.name}</Text>
        <Text className='order-line-sku'>{`${line.skuName} · ${formatFen(line.priceFen)} × ${line.quantity}`}</Text>
        {issue && <Text className='order-line-error'>{issue}</Text>}
      </View>
      <Text className='order-line-amount'>{formatFen(line.priceFen * line.quantity)}</Text>
    </View>
  );
}

/**
 * 确认订单: the lines from the cart or 立即购买, and 提交订单. The draft's requestId is sent again when an
 * attempt's answer was lost, so a retry cannot order twice; a refusal (4xx) starts a new one.
 */
export default function CheckoutPage() {
  const [draft, setDraft] = useState(readCheckoutDraft);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  usePageTracking(routes.checkout);

  if (!draft) {
    return (
      <View className='checkout'>
        <Empty title='没有要结算的商品' note='订单可能已提交，可在我的订单查看' />
        <Button className='checkout-link' onClick={() => openPage('orderList')}>
          查看我的订单
        </Button>
      </View>
    );
  }

  const totalFen = linesTotalFen(draft.lines);
  const submit = async () => {
    trackTap({ kind: 'element', id: 'checkout-submit', title: `提交订单（${formatFen(totalFen)}）` });
    setSubmitting(true);
    setRefusal(undefined);
    try {
      const order = await placeOrder({
        requestId: draft.requestId,
        items: draft.lines.map(({ productId, skuId, quantity }) => ({ productId, skuId, quantity })),
      });
      if (draft.source === 'cart') removeFromCart(draft.lines.map((line) => line.skuId));
      clearCheckoutDraft();
      // Straight on to paying, as in any store; 返回 from there skips this form.
      replacePage('orderDetail', { orderNo: order.orderNo, pay: '1' });
    } catch (error) {
      // A refusal placed nothing; a lost answer may have placed it, so that retry keeps the key.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setDraft(renewRequestId(draft));
      setRefusal(refusalOf(error));
      setSubmitting(false);
    }
  };

  return (
    <View className='checkout'>
      <View className='order-card'>
        {draft.lines.map((line, index) => (
          <CheckoutLine key={line.skuId} line={line} issue={refusal?.byLine.get(index)} />
        ))}
        <View className='order-sum'>
          <Text>商品金额</Text>
          <Text>{formatFen(totalFen)}</Text>
        </View>
      </View>
      <Text className='checkout-note'>实付金额以提交后的订单为准；下单后请尽快支付，超时订单将自动关闭。</Text>
      {refusal && <Text className='checkout-error'>{refusal.message}</Text>}
      <View className='buy-bar'>
        <Text className='buy-bar-label'>合计</Text>
        <Text className='buy-bar-total'>{formatFen(totalFen)}</Text>
        <Button className='buy-bar-button' {...disabledWhen(submitting)} onClick={() => void submit()}>
          {submitting ? '提交中…' : '提交订单'}
        </Button>
      </View>
    </View>
  );
}
