export { CustomerRepository, type CustomerRecord, type UnionidListener } from './customer.repository';
export type { WeComContactProfile } from './customer.model';
export { CustomerService, toCustomerProfile, UNNAMED_CUSTOMER, type ObservedIdentity } from './customer.service';
export { registerCustomerRoutes } from './customer.routes';
