import { MyContactCodeResponse } from '@zhike/shared/channels';
import { getJson } from '../../lib/http';

/** The salesperson's own contact-me code; the server makes it on first use. */
export function fetchMyContactCode(): Promise<MyContactCodeResponse> {
  return getJson('/api/channels/me/contact-code', MyContactCodeResponse);
}
