export { Customer360Flow, type Customer360Deps } from './customer-360.flow';
export { registerCustomer360Routes } from './customer-360.routes';
