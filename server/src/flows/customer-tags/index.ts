export { CustomerTagsFlow, markTagHandler, MARK_TAG_TOPIC } from './customer-tags.flow';
export { registerCustomerTagRoutes } from './customer-tags.routes';
