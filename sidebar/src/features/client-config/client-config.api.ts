import { ClientConfig } from '@zhike/shared/config';
import { getJson } from '../../lib/http';

export function fetchClientConfig(): Promise<ClientConfig> {
  return getJson('/api/public/client-config', ClientConfig);
}
