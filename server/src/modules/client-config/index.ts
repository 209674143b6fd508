export { registerClientConfigRoutes } from './client-config.routes';
