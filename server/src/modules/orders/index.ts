export { OrderRepository, type OrderRecord, type RefundRecord } from './order.repository';
export type { OrderDocument } from './order.model';
