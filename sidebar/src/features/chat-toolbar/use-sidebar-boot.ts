import { useEffect, useState } from 'react';
import { fetchClientConfig } from '../client-config/client-config.api';
import { isInsideWeCom } from '../../lib/wecom';
import { bootInsideWeCom, type SidebarBoot } from './boot-sidebar';

/**
 * Runs the boot once per page load. Outside WeCom the answer is known synchronously (the SDK would never
 * settle), so that message paints at once; the config only adds a pointer to the demo console.
 */
export function useSidebarBoot(): SidebarBoot {
  const [boot, setBoot] = useState<SidebarBoot>(() => (isInsideWeCom() ? { kind: 'loading' } : { kind: 'outsideWeCom', demoMode: false }));

  useEffect(() => {
    let live = true;
    if (!isInsideWeCom()) {
      fetchClientConfig().then(
        (config) => live && config.demoMode && setBoot({ kind: 'outsideWeCom', demoMode: true }),
        () => undefined, // the message already says what to do; the demo hint is optional
      );
    } else {
      void bootInsideWeCom().then((next) => live && setBoot(next));
    }
    return () => {
      live = false;
    };
  }, []);

  return boot;
}
