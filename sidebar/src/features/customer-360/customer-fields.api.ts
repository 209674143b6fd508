import { UpdateCustomerFieldsResponse, type UpdateCustomerFieldsRequest } from '@zhike/shared/custom-fields';
import { postJson } from '../../lib/http';

/**
 * Fills in or clears (null) custom fields of the customer, answering every field with its value and the
 * fields_changed entry (none when nothing changed). Resending the same requestId answers the first result.
 * Rejects with ApiError: 400 VALIDATION_FAILED whose message names the field that does not fit.
 */
export async function updateCustomerFields(externalUserId: string, request: UpdateCustomerFieldsRequest): Promise<UpdateCustomerFieldsResponse> {
  return postJson(`/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}/fields`, request, UpdateCustomerFieldsResponse);
}
