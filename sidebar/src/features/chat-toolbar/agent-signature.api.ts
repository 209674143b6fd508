import { JsSdkSignature } from '@zhike/shared/auth';
import { getJson } from '../../lib/http';

/** The SDK hands us the page URL (without #fragment); the server signs it with the app's jsapi ticket. */
export function fetchAgentSignature(url: string): Promise<JsSdkSignature> {
  return getJson(`/api/wecom/jssdk/agent-config-signature?url=${encodeURIComponent(url)}`, JsSdkSignature);
}
