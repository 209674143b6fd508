export { CustomerTagsFlow, markTagHandler, MARK_TAG_TOPIC, type MarkTagPayload } from './customer-tags.flow';
export { registerCustomerTagRoutes } from './customer-tags.routes';
