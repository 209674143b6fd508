import { Text, View } from '@tarojs/components';
import { formatFen } from '@zhike/shared/money';
import { ORDER_STATUS_LABELS, type OrderView } from '@zhike/shared/orders';
import { formatShanghaiDateTime } from '@zhike/shared/time';

function Sum({ label, value, total = false }: { label: string; value: string; total?: boolean }) {
  return (
    <View className='order-sum'>
      <Text>{label}</Text>
      <Text className={total ? 'order-sum-total' : undefined}>{value}</Text>
    </View>
  );
}

/** The order's lines and money, then its number, time and each step it went through. */
export function OrderSummary({ order }: { order: OrderView }) {
  return (
    <>
      <View className='order-card'>
        {order.items.map((item) => (
          <View key={item.skuId} className='order-line'>
            <View className='order-line-text'>
              <Text className='order-line-name'>{item.name}</Text>
              <Text className='order-line-sku'>{`${item.skuName} · ${formatFen(item.priceFen)} × ${item.quantity}`}</Text>
            </View>
            <Text className='order-line-amount'>{formatFen(item.amountFen)}</Text>
          </View>
        ))}
        <Sum label='商品金额' value={formatFen(order.subtotalFen)} />
        {order.discountFen > 0 && <Sum label='顾问优惠' value={formatFen(-order.discountFen)} />}
        <Sum label={order.status === 'pending' ? '应付' : '实付'} value={formatFen(order.totalFen)} total />
        {order.refundedFen > 0 && <Sum label='已退款' value={formatFen(order.refundedFen)} />}
      </View>

      <View className='order-card'>
        <Sum label='订单号' value={order.orderNo} />
        <Sum label='下单时间' value={formatShanghaiDateTime(order.createdAt)} />
        <Text className='order-history-title'>订单进度</Text>
        {[...order.history].reverse().map((step) => (
          <View key={`${step.at}-${step.to}`} className='order-history-step'>
            <Text className='order-history-status'>{ORDER_STATUS_LABELS[step.to]}</Text>
            <Text className='order-history-reason'>{step.reason}</Text>
            <Text className='order-history-time'>{formatShanghaiDateTime(step.at)}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
