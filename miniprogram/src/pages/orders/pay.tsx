import { routes } from '../../routes';
import { OrderPage } from '../order/order-page';

/** The page a salesperson's 代客下单 card opens (`pages/orders/pay.html?orderNo=…`): the pay page itself. */
export default function OrderPayPage() {
  return <OrderPage route={routes.orderPay} />;
}
