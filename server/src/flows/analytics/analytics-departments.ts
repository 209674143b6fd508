import type { AnalyticsDepartment } from '@zhike/shared/analytics';
import type { AnalyticsScopes, AnalyticsViewer } from './analytics-scope';
import { NO_DEPARTMENT } from './analytics-scope';
import { departmentName, type DepartmentDirectory } from './department-directory';

/**
 * The departments a viewer may filter the console by, named: an admin every WeCom department plus the
 * customers nobody owns (0), a manager the departments they lead.
 */
export async function selectableDepartments(
  deps: { scopes: Pick<AnalyticsScopes, 'selectable'>; departments: Pick<DepartmentDirectory, 'all'> },
  viewer: AnalyticsViewer,
): Promise<AnalyticsDepartment[]> {
  const [selectable, names] = await Promise.all([deps.scopes.selectable(viewer), deps.departments.all()]);
  const ids = selectable === 'all' ? [...names.keys(), NO_DEPARTMENT] : selectable;
  return [...new Set(ids)].sort((a, b) => a - b).map((departmentId) => ({ departmentId, name: departmentName(names, departmentId) }));
}
