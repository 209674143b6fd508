import type { StaffProfile } from '@zhike/shared/auth';
import { fetchAgentSignature } from './agent-signature.api';
import { fetchClientConfig } from '../client-config/client-config.api';
import { loadStaffSession, type StaffSessionFailure } from '../session/staff-session';
import { describeError } from '../../lib/describe-error';
import { CONTACT_ENTRIES, getCurrentExternalUserId, getEntry, registerAgent } from '../../lib/wecom';
import { WeComError } from '../../lib/wecom-error';

/** Every screen the sidebar can settle on while it starts. */
export type SidebarBoot =
  | { kind: 'loading' }
  | { kind: 'outsideWeCom'; demoMode: boolean }
  | StaffSessionFailure
  | { kind: 'wrongEntry'; entry: string }
  | { kind: 'ready'; staff: StaffProfile; externalUserId: string; entry: string };

/**
 * The sidebar's start inside WeCom: config and session requested together (one round trip), then the SDK
 * (agentConfig → getContext → getCurExternalContact). Never throws: every failure becomes a screen.
 */
export async function bootInsideWeCom(): Promise<SidebarBoot> {
  const configRequest = fetchClientConfig();
  configRequest.catch(() => undefined); // awaited below; a login redirect may leave it unobserved
  const session = await loadStaffSession();
  if (session.kind !== 'ready') return session;
  let corpId: string;
  let agentId: number;
  try {
    ({ corpId, agentId } = await configRequest);
  } catch (error) {
    return failed(error);
  }

  registerAgent({ corpId, agentId, getSignature: fetchAgentSignature });
  let entry: string;
  try {
    entry = await getEntry();
  } catch (error) {
    return failed(error);
  }
  if (!CONTACT_ENTRIES.includes(entry)) return { kind: 'wrongEntry', entry };

  try {
    const externalUserId = await getCurrentExternalUserId();
    return { kind: 'ready', staff: session.staff, externalUserId, entry };
  } catch (error) {
    // WeCom's own wording for "this page has no customer": same advice as a wrong entry.
    if (error instanceof WeComError && error.keyword.includes('without context of external contact')) return { kind: 'wrongEntry', entry };
    return failed(error);
  }
}

function failed(error: unknown): SidebarBoot {
  return { kind: 'failed', text: describeError(error) };
}
