/**
 * Image URLs as the server gives them may be site-relative (`/files/…`, `/sandbox/demo/avatar/…`): the H5
 * build is served from the API origin, but weapp needs an absolute https URL.
 */
export function assetUrl(url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${ZHIKE_API_BASE_URL}${url}` : url;
}
