import type { StaffRole } from '@zhike/shared/auth';
import type { ConsoleSection } from './console-section';
import { hasRole } from './role-access';

interface ConsoleNavProps {
  sections: readonly ConsoleSection[];
  current: string;
  role: StaffRole;
  onOpen: (id: string) => void;
}

/** The left nav: sections grouped under their heading, in the order the list gives. */
export function ConsoleNav({ sections, current, role, onOpen }: ConsoleNavProps) {
  const groups = [...new Set(sections.map((section) => section.group))];
  return (
    <nav className="console-nav" aria-label="管理后台导航">
      {groups.map((group) => (
        <div key={group} className="console-nav-group" role="group" aria-label={group}>
          <div className="console-nav-heading">{group}</div>
          {sections
            .filter((section) => section.group === group)
            .map((section) => (
              <a
                key={section.id}
                href={`#/${section.id}`}
                className="console-nav-item"
                data-testid={`console-nav-${section.id}`}
                aria-current={section.id === current ? 'page' : undefined}
                // Still a link for a salesperson: the screen explains whom to ask, which beats a greyed-out item.
                title={hasRole(role, section.minRole) ? undefined : '需要更高权限'}
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(section.id);
                }}
              >
                {section.label}
              </a>
            ))}
        </div>
      ))}
    </nav>
  );
}
