import { CustomFieldsResponse, ReplaceCustomFieldsRequest } from '@zhike/shared/custom-fields';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { CustomFieldService } from './custom-field.service';

/** Admin: the custom fields every customer's 360 shows. Salespeople get them, with values, in the 360. */
export function registerCustomFieldRoutes(api: ApiRouter, fields: CustomFieldService): void {
  api.add({
    method: 'GET',
    path: '/api/admin/custom-fields',
    access: 'admin',
    tag: 'custom-fields',
    summary: 'The custom fields in display order',
    response: CustomFieldsResponse,
    handler: async () => ({ fields: await fields.definitions() }),
  });

  api.add({
    method: 'PUT',
    path: '/api/admin/custom-fields',
    access: 'admin',
    tag: 'custom-fields',
    summary: "Replaces the custom fields (order = list order); removed fields keep their values; 409 when a key's type would change",
    body: ReplaceCustomFieldsRequest,
    response: CustomFieldsResponse,
    handler: async ({ body, principal }) => ({ fields: await fields.replace(body.fields, staffPrincipal(principal).userid) }),
  });
}
