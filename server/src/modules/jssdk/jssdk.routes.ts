import { JsSdkSignature, JsSdkSignatureQuery } from '@zhike/shared/auth';
import type { ApiRouter } from '../../platform/http/api-router';
import type { JsSdkService } from './jssdk.service';

export function registerJsSdkRoutes(api: ApiRouter, jssdk: JsSdkService): void {
  api.add({
    method: 'GET',
    path: '/api/wecom/jssdk/config-signature',
    access: 'salesperson',
    tag: 'wecom',
    summary: 'Corp signature for ww.register getConfigSignature (url without #fragment)',
    query: JsSdkSignatureQuery,
    response: JsSdkSignature,
    handler: ({ query }) => jssdk.corpSignature(query.url),
  });

  api.add({
    method: 'GET',
    path: '/api/wecom/jssdk/agent-config-signature',
    access: 'salesperson',
    tag: 'wecom',
    summary: 'App (agent) signature for ww.register getAgentConfigSignature; required for customer-contact JS APIs',
    query: JsSdkSignatureQuery,
    response: JsSdkSignature,
    handler: ({ query }) => jssdk.agentSignature(query.url),
  });
}
