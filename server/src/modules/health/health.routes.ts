import { HealthResponse, ReadinessResponse } from '@zhike/shared/health';
import type { ApiRouter } from '../../platform/http/api-router';
import { AppError } from '../../platform/http/app-error';

export function registerHealthRoutes(api: ApiRouter, database: { ping(): Promise<boolean> }): void {
  api.add({
    method: 'GET',
    path: '/healthz',
    access: 'anonymous',
    tag: 'health',
    summary: 'Liveness: the process answers',
    response: HealthResponse,
    handler: async () => ({ status: 'ok' as const }),
  });

  api.add({
    method: 'GET',
    path: '/readyz',
    access: 'anonymous',
    tag: 'health',
    summary: 'Readiness: the database answers a ping',
    response: ReadinessResponse,
    handler: async () => {
      if (!(await database.ping())) throw new AppError('DATABASE_UNAVAILABLE', '数据库暂时不可用', [{ field: 'database', issue: 'ping failed' }]);
      return { status: 'ready' as const, checks: { database: 'up' as const } };
    },
  });
}
