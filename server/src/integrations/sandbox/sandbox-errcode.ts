import type { z } from 'zod';

/** A WeCom errcode raised by the state logic: routes answer it, test helpers let it throw. */
export class SandboxErrcode extends Error {
  constructor(readonly errcode: number, readonly errmsg: string) {
    super(`errcode ${errcode}: ${errmsg}`);
  }
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new SandboxErrcode(40058, `invalid parameter ${parsed.error.issues[0]?.path.join('.') ?? ''}`.trim());
}
