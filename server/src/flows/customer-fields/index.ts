export { CustomerFieldsFlow } from './customer-fields.flow';
export { registerCustomerFieldsRoutes } from './customer-fields.routes';
