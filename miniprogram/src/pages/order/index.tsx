import { routes } from '../../routes';
import { OrderPage } from './order-page';

export default function OrderDetailPage() {
  return <OrderPage route={routes.orderDetail} />;
}
