import type Router from '@koa/router';
import { demoRoutes } from './demo-routes';
import { MiniProgramSandbox } from './miniprogram-sandbox';
import { SandboxClock } from './sandbox-clock';
import { WeComSandbox } from './wecom-sandbox';
import { demoWorld, type SandboxWorld } from './world';

export const SANDBOX_PATHS = { wecom: '/sandbox/wecom', wechat: '/sandbox/wechat' } as const;

export interface Sandbox {
  world: SandboxWorld;
  clock: SandboxClock;
  wecom: WeComSandbox;
  miniProgram: MiniProgramSandbox;
  /** All sandbox routes, to mount on a Koa app that already parses JSON bodies. */
  routers: Router[];
}

export interface SandboxOptions {
  /** Host names WeCom's OAuth may redirect to (its 可信域名). */
  trustedHosts: () => string[];
  /** The public origin (config.publicUrl): scanned mini-program codes open `${publicUrl}/mp/#/…`. */
  publicUrl?: () => string;
  world?: SandboxWorld;
}

/** Both sandbox upstreams over one world. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const world = options.world ?? demoWorld();
  const clock = new SandboxClock();
  const wecom = new WeComSandbox(world, clock, options.trustedHosts);
  const miniProgram = new MiniProgramSandbox(world, clock, { publicUrl: options.publicUrl });
  const routers = [wecom.router(SANDBOX_PATHS.wecom), miniProgram.router(SANDBOX_PATHS.wechat), demoRoutes(world, miniProgram, wecom)];
  return { world, clock, wecom, miniProgram, routers };
}
