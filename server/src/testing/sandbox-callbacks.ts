import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { emitSandboxCallbacks } from '../integrations/sandbox/callback-emitter';
import type { TestApp } from './test-app';

type DeliveryListener = NonNullable<Parameters<typeof emitSandboxCallbacks>[0]['onDelivery']>;

/**
 * Serves the test app on a loopback port and has the sandbox WeCom push its signed, encrypted callbacks
 * there, as the demo does. Returns the way to stop listening.
 */
export async function receiveSandboxCallbacks(app: TestApp, onDelivery: DeliveryListener): Promise<() => Promise<void>> {
  const server = http.createServer(app.callback);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  emitSandboxCallbacks({
    contacts: app.sandbox.wecom.contacts,
    crypto: app.services.wecomCallbacks.crypto,
    corpId: app.config.wecom.corpId,
    agentId: app.config.wecom.agentId,
    callbackUrl: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wecom/callbacks`,
    now: () => app.sandbox.clock.now(),
    onDelivery,
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
