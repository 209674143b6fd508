export { CustomerHandoverFlow, RESIGNED_TRANSFER_TOPIC } from './customer-handover.flow';
export { TransferProgress } from './transfer-progress';
export { registerCustomerHandoverRoutes } from './customer-handover.routes';
