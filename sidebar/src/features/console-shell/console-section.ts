import type { StaffProfile, StaffRole } from '@zhike/shared/auth';
import type { ComponentType } from 'react';

/** What every console screen receives: who is looking (the preview renders as them, access depends on it). */
export interface ConsoleScreenProps {
  staff: StaffProfile;
}

/**
 * One screen of the console. The nav is built from a list of these, grouped by `group` in list order, so the
 * dashboards of later issues (概览, 销售, 渠道) arrive as new entries rather than new layout code.
 */
export interface ConsoleSection {
  /** The hash route: `#/scripts`; also names the nav test id (`console-nav-scripts`). */
  id: string;
  label: string;
  group: string;
  /** The least role that may open it; the server checks again and answers 403 FORBIDDEN. */
  minRole: StaffRole;
  /** Lazy, so the console's first load carries only the shell. */
  screen: ComponentType<ConsoleScreenProps>;
}
