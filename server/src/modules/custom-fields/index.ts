export { CustomFieldRepository } from './custom-field.repository';
export { CustomFieldService } from './custom-field.service';
export { checkFieldEdit, customerFieldViews, effectiveChange, type CustomFieldChange, type CustomFieldValues } from './custom-field-values';
export { registerCustomFieldRoutes } from './custom-field.routes';
