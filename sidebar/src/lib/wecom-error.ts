/**
 * A JS-API failure as WeCom reports it: `errMsg` is `"<api>:<keyword>"`, e.g. `agentConfig:fail invalid signature`.
 * Apart from wecom.ts so pages without the SDK (console, demo) can describe errors without bundling it.
 */
export class WeComError extends Error {
  constructor(
    readonly api: string,
    readonly keyword: string,
  ) {
    super(`${api}:${keyword}`);
    this.name = 'WeComError';
  }
}
