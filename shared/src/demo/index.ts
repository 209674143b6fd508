import { z } from 'zod';

/**
 * Demo-only endpoints of the sandbox upstreams: they play the parts a real WeChat or WeCom client plays
 * (issuing a wx.login code, knowing which member is signed in). They exist only in demo mode.
 */
export const SandboxWxLoginRequest = z.strictObject({
  appid: z.string().min(1).describe('The mini-program appid the code is for'),
  openid: z.string().min(1).optional().describe('Which simulated WeChat user is holding the phone; default the first one'),
});
export type SandboxWxLoginRequest = z.infer<typeof SandboxWxLoginRequest>;

export const SandboxWxLoginResponse = z.object({ code: z.string() });
export type SandboxWxLoginResponse = z.infer<typeof SandboxWxLoginResponse>;

export const SandboxWeChatUser = z.object({ openid: z.string(), nickname: z.string(), avatar: z.string() });
export type SandboxWeChatUser = z.infer<typeof SandboxWeChatUser>;

export const SandboxMember = z.object({ userid: z.string(), name: z.string(), avatar: z.string(), position: z.string() });
export type SandboxMember = z.infer<typeof SandboxMember>;

export const SandboxExternalContact = z.object({
  external_userid: z.string(),
  name: z.string(),
  avatar: z.string(),
  openid: z.string().optional().describe('The simulated WeChat user behind this contact, if any'),
});
export type SandboxExternalContact = z.infer<typeof SandboxExternalContact>;

/** GET /sandbox/demo/directory: who can be played in the demo console. */
export const SandboxDemoDirectory = z.object({
  members: z.array(SandboxMember),
  wechatUsers: z.array(SandboxWeChatUser),
  contactsByMember: z.record(z.string(), z.array(SandboxExternalContact)),
});
export type SandboxDemoDirectory = z.infer<typeof SandboxDemoDirectory>;

/**
 * POST /sandbox/demo/verify-agent-config: what the WeCom client does with agentConfig's parameters — checks
 * the signature against the app ticket the corp was issued, for the page URL without its #fragment.
 */
export const SandboxAgentConfigCheck = z.object({
  corpid: z.string(),
  agentid: z.union([z.string(), z.number()]),
  timestamp: z.union([z.string(), z.number()]),
  nonceStr: z.string(),
  signature: z.string(),
  url: z.string(),
});
export type SandboxAgentConfigCheck = z.infer<typeof SandboxAgentConfigCheck>;

export const SandboxAgentConfigVerdict = z.object({ ok: z.boolean(), errmsg: z.string().optional() });
export type SandboxAgentConfigVerdict = z.infer<typeof SandboxAgentConfigVerdict>;

/** Cookie the sandbox OAuth page reads to know which member is signed in to the simulated WeCom client. */
export const SANDBOX_MEMBER_COOKIE = 'zhike_sandbox_member';
