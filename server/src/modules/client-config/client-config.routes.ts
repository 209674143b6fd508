import { ClientConfig } from '@zhike/shared/config';
import type { ApiRouter } from '../../platform/http/api-router';

export function registerClientConfigRoutes(api: ApiRouter, config: ClientConfig): void {
  api.add({
    method: 'GET',
    path: '/api/public/client-config',
    access: 'anonymous',
    tag: 'config',
    summary: 'What the sidebar and mini-program need before login (corp id, agent id, appid; nothing secret)',
    response: ClientConfig,
    handler: async () => config,
  });
}
