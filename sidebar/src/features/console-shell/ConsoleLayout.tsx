import type { StaffProfile } from '@zhike/shared/auth';
import { StaffHeader } from '../session/StaffHeader';
import type { ConsoleSection } from './console-section';
import { ConsoleNav } from './ConsoleNav';
import { NeedsPermission } from '../../lib/ui/NeedsPermission';
import { hasRole } from './role-access';
import { ScreenBoundary } from './ScreenBoundary';
import { useHashRoute } from './use-hash-route';

/**
 * The console frame: top bar with the signed-in staff member, the section nav, and the current section's
 * screen. An unknown or empty hash opens the first section the viewer may use.
 */
export function ConsoleLayout({ staff, sections }: { staff: StaffProfile; sections: readonly ConsoleSection[] }) {
  const [route, go] = useHashRoute();
  const fallback = sections.find((section) => hasRole(staff.role, section.minRole)) ?? sections[0];
  const current = sections.find((section) => section.id === route) ?? fallback;

  return (
    <div className="console">
      <header className="console-topbar">
        <span className="console-brand">知客 · 管理后台</span>
        <StaffHeader staff={staff} />
      </header>
      <div className="console-main">
        <ConsoleNav sections={sections} current={current?.id ?? ''} role={staff.role} onOpen={go} />
        <main className="console-content">
          {current && (
            <>
              <h1 className="console-title">{current.label}</h1>
              {hasRole(staff.role, current.minRole) ? (
                <ScreenBoundary key={current.id}>
                  <current.screen staff={staff} />
                </ScreenBoundary>
              ) : (
                <NeedsPermission minRole={current.minRole} screen={current.label} />
              )}
            </>
          )}
        </main>
      </div>
    </div>
  );
}
