import type Router from '@koa/router';
import { demoRoutes } from './demo-routes';
import { MiniProgramSandbox } from './miniprogram-sandbox';
import { SandboxClock } from './sandbox-clock';
import { WeChatPaySandbox, type WeChatPaySandboxOptions } from './wechatpay-sandbox';
import { wechatPayDemoRoutes } from './wechatpay-sandbox-demo';
import { WeComSandbox } from './wecom-sandbox';
import { demoWorld, type SandboxWorld } from './world';

export const SANDBOX_PATHS = { wecom: '/sandbox/wecom', wechat: '/sandbox/wechat', wechatpay: '/sandbox/wechatpay' } as const;

export interface Sandbox {
  world: SandboxWorld;
  clock: SandboxClock;
  wecom: WeComSandbox;
  miniProgram: MiniProgramSandbox;
  wechatPay: WeChatPaySandbox;
  /** All sandbox routes, to mount on a Koa app that already parses JSON bodies. */
  routers: Router[];
}

export interface SandboxOptions {
  /** Host names WeCom's OAuth may redirect to (its 可信域名). */
  trustedHosts: () => string[];
  /** The public origin (config.publicUrl): scanned mini-program codes open `${publicUrl}/mp/#/…`. */
  publicUrl?: () => string;
  world?: SandboxWorld;
  wechatPay?: WeChatPaySandboxOptions;
}

/** The sandbox upstreams (WeCom, WeChat, WeChat Pay) over one world. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const world = options.world ?? demoWorld();
  const clock = new SandboxClock();
  const wecom = new WeComSandbox(world, clock, options.trustedHosts);
  const miniProgram = new MiniProgramSandbox(world, clock, { publicUrl: options.publicUrl });
  // Welcome images and mini-program thumbnails are sent by media_id: they must be uploaded and alive.
  wecom.contacts.contactWays.mediaExists = (mediaId) => wecom.media.find(mediaId) !== undefined;
  wecom.contacts.contactWays.publicUrl = options.publicUrl;
  const wechatPay = new WeChatPaySandbox(world, clock, options.wechatPay);
  const routers = [
    wecom.router(SANDBOX_PATHS.wecom),
    miniProgram.router(SANDBOX_PATHS.wechat),
    wechatPay.router(SANDBOX_PATHS.wechatpay),
    demoRoutes(world, miniProgram, wecom),
    wechatPayDemoRoutes(wechatPay),
  ];
  return { world, clock, wecom, miniProgram, wechatPay, routers };
}
