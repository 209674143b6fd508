export { Customer360Flow, type Customer360Deps } from './customer-360.flow';
export { CustomerAccess, type CustomerAccessDeps } from './customer-access';
export { registerCustomer360Routes } from './customer-360.routes';
