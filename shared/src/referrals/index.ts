import { z } from 'zod';

export const InviteCode = z.string().min(6).max(32).regex(/^[A-Za-z0-9]+$/, '邀请码格式不正确');

/**
 * The mini-program launched from a share path carrying `inviter=<inviteCode>`: after login it reports the
 * code. The server decides whether it is a referral (a new customer, not themselves, no cycle, first one wins).
 */
export const ClaimReferralRequest = z.strictObject({ inviteCode: InviteCode, channel: z.enum(['share', 'poster']) });
export type ClaimReferralRequest = z.infer<typeof ClaimReferralRequest>;

export const ClaimReferralResponse = z
  .object({
    recorded: z.boolean(),
    /** Why not, when not: 'self', 'cycle', 'already_referred', 'not_new', 'unknown_code'. */
    reason: z.enum(['self', 'cycle', 'already_referred', 'not_new', 'unknown_code']).optional(),
    inviterName: z.string().optional(),
  })
  .meta({ id: 'ClaimReferralResponse' });
export type ClaimReferralResponse = z.infer<typeof ClaimReferralResponse>;

export const MyInvitation = z.object({ displayName: z.string(), avatar: z.string(), invitedAt: z.iso.datetime(), activated: z.boolean(), converted: z.boolean() });
export type MyInvitation = z.infer<typeof MyInvitation>;

/** 我的邀请: who the signed-in customer brought in. */
export const MyInvitationsResponse = z
  .object({ inviteCode: InviteCode, invited: z.array(MyInvitation), counts: z.object({ invited: z.number().int(), activated: z.number().int(), converted: z.number().int() }) })
  .meta({ id: 'MyInvitationsResponse' });
export type MyInvitationsResponse = z.infer<typeof MyInvitationsResponse>;

/** The signed-in customer's salesperson, and how to add them on WeCom. */
export const MySalespersonResponse = z
  .object({
    salesperson: z.object({ userid: z.string(), name: z.string(), avatar: z.string(), position: z.string().optional() }).nullable(),
    /** A 「联系我」 QR image URL for adding them (absent when none is set up yet). */
    contactQrUrl: z.string().optional(),
  })
  .meta({ id: 'MySalespersonResponse' });
export type MySalespersonResponse = z.infer<typeof MySalespersonResponse>;

/** One customer in a referral tree, as the console and the sidebar show them. */
export const ReferralNode = z.object({
  customerId: z.string(),
  displayName: z.string(),
  avatar: z.string().optional(),
  channel: z.enum(['share', 'poster']),
  at: z.iso.datetime(),
  /** The salesperson the invitee's first touch is credited to (the inviter's, or the poster's). */
  attributedTo: z.object({ userid: z.string(), name: z.string() }).optional(),
});
export type ReferralNode = z.infer<typeof ReferralNode>;

/** Who brought this customer in, and whom they brought in (two levels). */
export const ReferralTreeResponse = z
  .object({
    customer: z.object({ customerId: z.string(), displayName: z.string() }),
    inviter: ReferralNode.nullable(),
    invitees: z.array(ReferralNode.extend({ invitees: z.array(ReferralNode) })),
    counts: z.object({ invited: z.number().int(), activated: z.number().int(), converted: z.number().int() }),
  })
  .meta({ id: 'ReferralTreeResponse' });
export type ReferralTreeResponse = z.infer<typeof ReferralTreeResponse>;
