export { OrdersFlow, type OrderSettings } from './orders.flow';
export { registerOrderRoutes } from './orders.routes';
export { registerWeChatPayNotifyRoutes } from './wechatpay-notify.routes';
