export { CustomerFollowUpFlow } from './customer-follow-up.flow';
export { registerCustomerFollowUpRoutes } from './customer-follow-up.routes';
