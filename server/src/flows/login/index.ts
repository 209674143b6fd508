export { StaffLoginFlow } from './staff-login.flow';
export { CustomerLoginFlow } from './customer-login.flow';
export { registerLoginRoutes, type LoginRouteDeps } from './login.routes';
