import { z } from 'zod';

export const StaffRole = z.enum(['salesperson', 'manager', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Who may call a route. Roles are ordered: admin ⊃ manager ⊃ salesperson. */
export const RouteAccess = z.enum(['anonymous', 'customer', 'salesperson', 'manager', 'admin']);
export type RouteAccess = z.infer<typeof RouteAccess>;

const relativePath = z
  .string()
  .max(512)
  .regex(/^\/(?!\/)[^\s\\]*$/, '必须是以 / 开头的站内路径')
  .describe('Where to send the browser after login: a same-site path such as /sidebar/');

export const StaffAuthorizeQuery = z.strictObject({ redirect: relativePath.default('/sidebar/') });
export type StaffAuthorizeQuery = z.infer<typeof StaffAuthorizeQuery>;

export const StaffOAuthCallbackQuery = z.strictObject({
  code: z.string().min(1).max(512).describe('The single-use OAuth code WeCom appended to the redirect'),
  state: z.string().min(1).max(128).describe('The state this server put in the authorize URL'),
});
export type StaffOAuthCallbackQuery = z.infer<typeof StaffOAuthCallbackQuery>;

export const StaffCodeLoginRequest = z.strictObject({
  code: z.string().min(1).max(512).describe('OAuth code from WeCom (snsapi_base)'),
});
export type StaffCodeLoginRequest = z.infer<typeof StaffCodeLoginRequest>;

export const StaffProfile = z
  .object({
    id: z.string(),
    corpId: z.string(),
    userid: z.string().describe('WeCom member userid'),
    name: z.string(),
    avatar: z.string().optional(),
    role: StaffRole,
    departmentIds: z.array(z.number().int()),
  })
  .meta({ id: 'StaffProfile' });
export type StaffProfile = z.infer<typeof StaffProfile>;

export const StaffSessionResponse = z
  .object({
    token: z.string().describe('Bearer token; the same session is also set as an HttpOnly cookie'),
    expiresAt: z.iso.datetime(),
    staff: StaffProfile,
  })
  .meta({ id: 'StaffSessionResponse' });
export type StaffSessionResponse = z.infer<typeof StaffSessionResponse>;

export const StaffMeResponse = z.object({ staff: StaffProfile }).meta({ id: 'StaffMeResponse' });
export type StaffMeResponse = z.infer<typeof StaffMeResponse>;

export const JsSdkSignatureQuery = z.strictObject({
  url: z.url().max(2048).describe('The page URL the SDK passes: location.href without the #fragment'),
});
export type JsSdkSignatureQuery = z.infer<typeof JsSdkSignatureQuery>;

export const JsSdkSignature = z
  .object({
    corpId: z.string(),
    agentId: z.number().int(),
    timestamp: z.number().int().describe('Seconds since the epoch'),
    nonceStr: z.string(),
    signature: z.string().describe('sha1 hex of jsapi_ticket, noncestr, timestamp and url'),
  })
  .meta({ id: 'JsSdkSignature' });
export type JsSdkSignature = z.infer<typeof JsSdkSignature>;

export const CustomerLoginRequest = z.strictObject({
  code: z.string().min(1).max(128).describe('The code from wx.login / Taro.login'),
});
export type CustomerLoginRequest = z.infer<typeof CustomerLoginRequest>;

export const CustomerProfile = z
  .object({
    id: z.string(),
    displayName: z.string().describe('Nickname, or a neutral name until the customer shares one'),
    hasUnionId: z.boolean().describe('Whether the brand can join this customer to WeCom contacts'),
    firstSeenAt: z.iso.datetime(),
  })
  .meta({ id: 'CustomerProfile' });
export type CustomerProfile = z.infer<typeof CustomerProfile>;

export const CustomerSessionResponse = z
  .object({
    token: z.string().describe('Bearer token for the mini-program; session_key never leaves the server'),
    expiresAt: z.iso.datetime(),
    customer: CustomerProfile,
  })
  .meta({ id: 'CustomerSessionResponse' });
export type CustomerSessionResponse = z.infer<typeof CustomerSessionResponse>;

export const CustomerMeResponse = z
  .object({
    customer: CustomerProfile,
    /**
     * The customer's own code for share paths (`inviter=<inviteCode>`) and 我的邀请; stable once made. The
     * server always sends it; optional only so that clients built before it keep parsing.
     */
    inviteCode: z.string().optional().describe('Stable invite code of this customer'),
  })
  .meta({ id: 'CustomerMeResponse' });
export type CustomerMeResponse = z.infer<typeof CustomerMeResponse>;

export const LogoutResponse = z.object({ loggedOut: z.literal(true) }).meta({ id: 'LogoutResponse' });
export type LogoutResponse = z.infer<typeof LogoutResponse>;
