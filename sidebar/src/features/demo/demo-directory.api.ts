import { SandboxDemoDirectory } from '@zhike/shared/demo';
import { getJson } from '../../lib/http';

/** Who can be played in the demo console: members, WeChat users, and each member's customers. */
export function fetchDemoDirectory(): Promise<SandboxDemoDirectory> {
  return getJson('/sandbox/demo/directory', SandboxDemoDirectory);
}
