import { SingleFlightCache } from '../../integrations/common/single-flight-cache';
import type { WeComClient } from '../../integrations/wecom';
import type { Logger } from '../../platform/logging/logger';
import { NO_DEPARTMENT } from './analytics-scope';

/** Department names change rarely; the console asks for them on every report. */
const NAMES_TTL_SECONDS = 10 * 60;
/** After a failed read the fallback names are kept this long, so an outage does not slow every report. */
const FAILURE_TTL_SECONDS = 60;

export const NO_DEPARTMENT_NAME = '未分配销售';

/** WeCom department names (`department/list`), cached; a department WeCom does not name shows as `部门 <id>`. */
export class DepartmentDirectory {
  private readonly cache: SingleFlightCache<Map<number, string>>;

  constructor(deps: { wecom: Pick<WeComClient, 'listDepartments'>; log: Pick<Logger, 'warn'>; now?: () => number }) {
    this.cache = new SingleFlightCache(
      async () => {
        try {
          const departments = await deps.wecom.listDepartments();
          return { data: new Map(departments.map((department): [number, string] => [department.id, department.name])), ttlSeconds: NAMES_TTL_SECONDS };
        } catch (error) {
          deps.log.warn({ err: error }, 'analytics: WeCom department names unavailable, showing ids');
          return { data: new Map<number, string>(), ttlSeconds: FAILURE_TTL_SECONDS };
        }
      },
      deps.now,
      0,
    );
  }

  /** Every department WeCom lists, by id. */
  async all(): Promise<Map<number, string>> {
    return this.cache.get();
  }

  async nameOf(departmentId: number): Promise<string> {
    return departmentName(await this.all(), departmentId);
  }
}

export function departmentName(names: Map<number, string>, departmentId: number): string {
  if (departmentId === NO_DEPARTMENT) return NO_DEPARTMENT_NAME;
  return names.get(departmentId) ?? `部门 ${departmentId}`;
}
