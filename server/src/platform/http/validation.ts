import type { ZodType } from 'zod';
import { AppError } from './app-error';

export type InputSource = 'body' | 'query' | 'params';

/** Parses untrusted input with a shared schema; failure is a 400 naming every offending field. */
export function parseInput<T>(schema: ZodType<T>, value: unknown, source: InputSource): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError(
    'VALIDATION_FAILED',
    '请求参数不正确',
    result.error.issues.flatMap((issue) => {
      const at = [source, ...issue.path.map(String)];
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...at, key].join('.'), issue: '不允许的字段' }));
      return [{ field: at.join('.'), issue: issue.message }];
    }),
  );
}
