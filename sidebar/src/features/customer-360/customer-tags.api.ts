import { MarkCustomerTagsResponse, TagLibraryResponse, type CorpTagView, type MarkCustomerTagsRequest, type TagChangeView } from '@zhike/shared/tags';
import { getJson, postJson } from '../../lib/http';

/** The corp tag library, in WeCom's display order. */
export async function fetchTagLibrary(): Promise<CorpTagView[]> {
  return (await getJson('/api/tags', TagLibraryResponse)).tags;
}

/**
 * Adds/removes tags on the viewer's own relationship with the customer. The change is local at once and
 * written through to WeCom in the background; resending the same requestId applies it once (and re-arms a
 * change WeCom refused). Rejects with ApiError: 403 FORBIDDEN when the viewer does not follow the customer.
 */
export async function markCustomerTags(externalUserId: string, request: MarkCustomerTagsRequest): Promise<TagChangeView> {
  const path = `/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}/tags`;
  return (await postJson(path, request, MarkCustomerTagsResponse)).change;
}
