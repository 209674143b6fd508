import { useEffect, useRef } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import { ORDER_STATUS_LABELS, type OrderView } from '@zhike/shared/orders';
import { formatShanghaiDateTime } from '@zhike/shared/time';
import { Failed, Loading } from '../../components/status';
import { fetchOrder } from '../../features/orders/api';
import { useDemoPaySheet } from '../../features/orders/demo-pay-sheet';
import { PAYMENT_ISSUE_NOTE } from '../../features/orders/order-status';
import { formatRemaining, useCountdown } from '../../features/orders/use-countdown';
import { useOrderPayment, type PaymentPhase } from '../../features/orders/use-order-payment';
import { disabledWhen } from '../../lib/disabled-when';
import { openPage } from '../../lib/navigation';
import { decodeParam } from '../../lib/query-string';
import { ApiError } from '../../lib/request';
import { usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import type { Route } from '../../routes';
import { OrderSummary } from './order-summary';
import '../../features/orders/orders.css';
import './index.css';

function statusNote(order: OrderView, remainingMs: number): string {
  switch (order.status) {
    case 'pending':
      return remainingMs > 0 ? `剩余 ${formatRemaining(remainingMs)}，超时订单将自动关闭` : '支付已超时，订单将自动关闭';
    case 'paid':
      return order.paidAt ? `支付时间 ${formatShanghaiDateTime(order.paidAt)}` : '支付成功，顾问会尽快为您安排';
    case 'fulfilled':
      return '订单已完成，感谢您的信任';
    case 'closed':
      return order.history.at(-1)?.reason ?? '订单已关闭';
    case 'refunded':
      return `已退款 ${formatFen(order.refundedFen)}`;
  }
}

function PaymentBanner({ state, onRefresh }: { state: PaymentPhase; onRefresh: () => void }) {
  if (state.phase === 'confirming') {
    return (
      <View className='pay-mask'>
        <Text className='pay-mask-text'>支付确认中…</Text>
      </View>
    );
  }
  if (state.phase === 'paid') {
    return (
      <View className='pay-banner pay-banner-ok'>
        <Text className='pay-banner-title'>支付成功</Text>
        <View className='pay-banner-actions'>
          <Button className='pay-banner-button' onClick={() => openPage('orderList')}>
            查看我的订单
          </Button>
          <Button className='pay-banner-button' onClick={() => openPage('home')}>
            继续逛逛
          </Button>
        </View>
      </View>
    );
  }
  if (state.phase === 'unconfirmed') {
    return (
      <View className='pay-banner' onClick={onRefresh}>
        <Text className='pay-banner-title'>支付结果确认中，可稍后在我的订单查看</Text>
        <Text className='pay-banner-note'>轻触刷新</Text>
      </View>
    );
  }
  return null;
}

function OrderDetail({ loaded, autoPay }: { loaded: OrderView; autoPay: boolean }) {
  const { ask, sheet } = useDemoPaySheet(loaded.totalFen);
  const payment = useOrderPayment(loaded, ask);
  const order = payment.latest ?? loaded;
  const remaining = useCountdown(order.status === 'pending' ? order.expiresAt : undefined);
  const phase = payment.state.phase;
  const canPay = order.status === 'pending' && remaining > 0 && !order.paymentIssue && (phase === 'idle' || phase === 'failed');

  // Opened right after 提交订单 or from 去支付: the pay sheet comes up by itself, once.
  const autoPaid = useRef(false);
  useEffect(() => {
    if (!autoPay || autoPaid.current || !canPay) return;
    autoPaid.current = true;
    payment.pay();
  }, [autoPay, canPay, payment]);

  const seller = order.createdBy.kind === 'salesperson' ? `${order.createdBy.name ? `顾问${order.createdBy.name}` : '专属顾问'}为您下单` : undefined;

  return (
    <View className='pay'>
      <PaymentBanner state={payment.state} onRefresh={payment.refresh} />
      <View className='pay-status'>
        <Text className='pay-status-label'>{ORDER_STATUS_LABELS[order.status]}</Text>
        <Text className='pay-status-note'>{statusNote(order, remaining)}</Text>
        {seller && <Text className='pay-status-note'>{seller}</Text>}
        {order.paymentIssue !== undefined && <Text className='order-issue'>{PAYMENT_ISSUE_NOTE}</Text>}
      </View>

      <OrderSummary order={order} />

      {payment.state.phase === 'failed' && <Text className='pay-error'>{payment.state.message}</Text>}
      {order.status === 'pending' && (
        <View className='buy-bar'>
          <Text className='buy-bar-label'>应付</Text>
          <Text className='buy-bar-total'>{formatFen(order.totalFen)}</Text>
          <Button className='buy-bar-button' {...disabledWhen(!canPay)} onClick={payment.pay}>
            {phase === 'paying' || phase === 'confirming' ? '支付中…' : remaining > 0 ? '立即支付' : '已超时'}
          </Button>
        </View>
      )}
      {sheet}
    </View>
  );
}

/**
 * The pay page: an order's lines and totals, its status with a countdown while unpaid, 立即支付, and
 * how it got where it is. Registered under two routes (see routes.ts): the app's own and the path the
 * salesperson's 代客下单 card opens.
 */
export function OrderPage({ route }: { route: Route }) {
  const params = useRouter().params;
  const orderNo = decodeParam(params.orderNo) ?? '';
  const [order, reload] = useRemote(() => fetchOrder(orderNo), orderNo);
  usePageTracking(route);

  // Back from elsewhere (我的订单, WeChat's own pay result): show the order as it is now.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });

  if (order.status === 'loading') return <Loading />;
  if (order.status === 'failed') {
    if (order.error instanceof ApiError && (order.error.status === 404 || order.error.status === 400)) {
      return (
        <View className='pay-missing'>
          <Text className='pay-missing-title'>找不到这个订单</Text>
          <Text className='pay-missing-note'>订单可能不属于当前微信账号，可联系您的顾问</Text>
          <Button className='pay-missing-link' onClick={() => openPage('orderList')}>
            查看我的订单
          </Button>
        </View>
      );
    }
    return <Failed message={order.message} onRetry={reload} />;
  }
  return <OrderDetail key={order.data.orderNo} loaded={order.data} autoPay={params.pay === '1'} />;
}
