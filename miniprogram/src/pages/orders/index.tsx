import { useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import type { OrderStatus, OrderView } from '@zhike/shared/orders';
import { formatShanghaiDateTime } from '@zhike/shared/time';
import { Empty, Failed, Loading } from '../../components/status';
import { fetchMyOrders } from '../../features/orders/api';
import { OrderStatusChip, orderHeadline, PAYMENT_ISSUE_NOTE } from '../../features/orders/order-status';
import { formatRemaining, useCountdown } from '../../features/orders/use-countdown';
import { openPage } from '../../lib/navigation';
import { trackTap, usePageTracking } from '../../lib/tracking';
import { useRemote } from '../../lib/use-remote';
import { routes } from '../../routes';
import '../../features/orders/orders.css';
import './index.css';

/** The list's tabs; 全部 also holds closed and refunded orders. */
export const ORDER_TABS: { key: string; label: string; statuses?: OrderStatus[] }[] = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待支付', statuses: ['pending'] },
  { key: 'paid', label: '已支付', statuses: ['paid'] },
  { key: 'fulfilled', label: '已完成', statuses: ['fulfilled'] },
];

function OrderRow({ order }: { order: OrderView }) {
  const remaining = useCountdown(order.status === 'pending' ? order.expiresAt : undefined);
  const payable = order.status === 'pending' && remaining > 0 && order.paymentIssue === undefined;
  const open = () => openPage('orderDetail', { orderNo: order.orderNo });
  const payAgain = (event: { stopPropagation: () => void }) => {
    event.stopPropagation();
    trackTap({ kind: 'element', id: `pay-again:${order.orderNo}`, title: '去支付' });
    openPage('orderDetail', { orderNo: order.orderNo, pay: '1' });
  };
  return (
    <View className='orders-row' onClick={open}>
      <View className='orders-row-head'>
        <Text className='orders-row-time'>{formatShanghaiDateTime(order.createdAt)}</Text>
        <OrderStatusChip order={order} />
      </View>
      <Text className='orders-row-title'>{orderHeadline(order)}</Text>
      <View className='orders-row-foot'>
        <Text className='orders-row-total'>{formatFen(order.totalFen)}</Text>
        {order.status === 'pending' && order.paymentIssue === undefined && (
          <Text className='orders-row-countdown'>{remaining > 0 ? `剩余 ${formatRemaining(remaining)}` : '已超时'}</Text>
        )}
        {payable && (
          <Button className='orders-row-pay' onClick={payAgain}>
            去支付
          </Button>
        )}
      </View>
      {order.paymentIssue !== undefined && <Text className='order-issue'>{PAYMENT_ISSUE_NOTE}</Text>}
    </View>
  );
}

/** 我的订单: every order of the customer, newest first, with 去支付 on the unpaid ones. */
export default function OrderListPage() {
  const initialTab = ORDER_TABS.find((t) => t.key === useRouter().params.status) ?? ORDER_TABS[0]!;
  const [tab, setTab] = useState(initialTab);
  const [orders, reload] = useRemote(fetchMyOrders, 'orders');
  usePageTracking(routes.orderList);

  // Back from a pay page: statuses may have moved.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });

  const shown = orders.status === 'ready' ? orders.data.filter((o) => !tab.statuses || tab.statuses.includes(o.status)) : [];
  return (
    <View className='orders'>
      <View className='orders-tabs'>
        {ORDER_TABS.map((t) => (
          <Text key={t.key} className={t.key === tab.key ? 'orders-tab orders-tab-on' : 'orders-tab'} onClick={() => setTab(t)}>
            {t.label}
          </Text>
        ))}
      </View>
      {orders.status === 'loading' && <Loading />}
      {orders.status === 'failed' && <Failed message={orders.message} onRetry={reload} />}
      {orders.status === 'ready' && shown.length === 0 && <Empty title={tab.statuses ? `没有${tab.label}的订单` : '还没有订单'} note='喜欢的好物可以先加入购物车' />}
      {shown.map((order) => (
        <OrderRow key={order.orderNo} order={order} />
      ))}
    </View>
  );
}
