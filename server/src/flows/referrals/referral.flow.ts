import type { ClaimReferralRequest, ClaimReferralResponse, MyInvitationsResponse, ReferralNode, ReferralTreeResponse } from '@zhike/shared/referrals';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CustomerAccess } from '../customer-360/customer-access';
import type { CustomerRecord, CustomerRepository, CustomerService } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { ReferralChannel, ReferralRecord, ReferralRepository } from '../../modules/referrals';
import type { StaffService } from '../../modules/staff';
import type { TimelineRepository } from '../../modules/timeline';

/** Only a newcomer can be referred: someone first seen more than a day before the claim came on their own. */
export const NEW_CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Referral chains are short in practice; the walk stops here so a corrupt chain cannot loop forever. */
const MAX_CHAIN_DEPTH = 100;

export type ReferralRefusal = NonNullable<ClaimReferralResponse['reason']>;

export interface ReferralDeps {
  corpId: string;
  customers: Pick<CustomerRepository, 'findById' | 'findByIds' | 'findByInviteCode'>;
  inviteCodes: Pick<CustomerService, 'inviteCodeOf'>;
  follows: Pick<FollowRepository, 'listForCustomer'>;
  referrals: Pick<ReferralRepository, 'insertFirst' | 'findByInvitee' | 'listByInviters'>;
  timeline: Pick<TimelineRepository, 'record'>;
  staff: Pick<StaffService, 'directory'>;
  access: Pick<CustomerAccess, 'visibleCustomer'>;
  /**
   * Join point for the orders issue: which of these invitees have a paid order. Until orders exist nobody
   * has converted; the orders flow passes its own lookup here.
   */
  convertedInvitees?: (inviteeIds: string[]) => Promise<Set<string>>;
  now?: () => Date;
}

/**
 * 老带新: who brought whom, recorded once per invitee on the server's word (the client only reports the
 * code it was opened with). Never oneself, never a cycle, first referral wins, newcomers only. The
 * invitee's first touch is credited to a salesperson before they ever add anyone on WeCom.
 */
export class ReferralFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: ReferralDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** A share path's `inviter=<code>`, reported by the invitee's mini-program after login. */
  async claim(inviteeId: string, request: ClaimReferralRequest): Promise<ClaimReferralResponse> {
    const inviter = await this.deps.customers.findByInviteCode(request.inviteCode);
    if (!inviter) return { recorded: false, reason: 'unknown_code' };
    return this.record(inviter, inviteeId, request.channel, {});
  }

  /** A poster made for one customer, scanned by another: a referral by poster, credited to the poster's salesperson. */
  async posterScanned(posterCustomerId: string, scannerId: string, poster: { userid: string; scene: string }): Promise<ClaimReferralResponse> {
    const inviter = await this.deps.customers.findById(posterCustomerId);
    if (!inviter) return { recorded: false, reason: 'unknown_code' };
    return this.record(inviter, scannerId, 'poster', { attributedUserid: poster.userid, scene: poster.scene });
  }

  async mine(customerId: string): Promise<MyInvitationsResponse> {
    const inviteCode = await this.deps.inviteCodes.inviteCodeOf(customerId);
    if (!inviteCode) throw new Error(`customer ${customerId} vanished`);
    const referrals = await this.deps.referrals.listByInviters([customerId]);
    const [invitees, converted] = await Promise.all([this.customersById(referrals.map((r) => r.inviteeId)), this.converted(referrals)]);
    const invited = referrals.flatMap((referral) => {
      const invitee = invitees.get(referral.inviteeId);
      if (!invitee) return [];
      return [{ displayName: invitee.displayName, avatar: invitee.wecomProfile?.avatar ?? '', invitedAt: referral.at.toISOString(), activated: activated(invitee), converted: converted.has(invitee.id) }];
    });
    return { inviteCode, invited, counts: countsOf(invited) };
  }

  /** For the console and the sidebar: who brought this customer in, and whom they brought in (two levels). */
  async tree(viewer: StaffPrincipal, externalUserId: string): Promise<ReferralTreeResponse> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const [inviterReferral, firstLevel] = await Promise.all([this.deps.referrals.findByInvitee(customer.id), this.deps.referrals.listByInviters([customer.id])]);
    const secondLevel = await this.deps.referrals.listByInviters(firstLevel.map((r) => r.inviteeId));
    const all = [...(inviterReferral ? [inviterReferral] : []), ...firstLevel, ...secondLevel];
    const people = await this.customersById([...(inviterReferral ? [inviterReferral.inviterId] : []), ...firstLevel.map((r) => r.inviteeId), ...secondLevel.map((r) => r.inviteeId)]);
    const directory = await this.deps.staff.directory(viewer.corpId, [...new Set(all.flatMap((r) => (r.attributedUserid ? [r.attributedUserid] : [])))]);
    const node = (referral: ReferralRecord, personId: string): ReferralNode => {
      const person = people.get(personId);
      const salesperson = referral.attributedUserid;
      return {
        customerId: personId,
        displayName: person?.displayName ?? '（已删除）',
        ...(person?.wecomProfile?.avatar ? { avatar: person.wecomProfile.avatar } : {}),
        channel: referral.channel,
        at: referral.at.toISOString(),
        ...(salesperson ? { attributedTo: { userid: salesperson, name: directory.get(salesperson)?.name ?? salesperson } } : {}),
      };
    };
    const converted = await this.converted(firstLevel);
    const invited = firstLevel.flatMap((r) => {
      const person = people.get(r.inviteeId);
      return person ? [{ activated: activated(person), converted: converted.has(person.id) }] : [];
    });
    return {
      customer: { customerId: customer.id, displayName: customer.displayName },
      inviter: inviterReferral ? node(inviterReferral, inviterReferral.inviterId) : null,
      invitees: firstLevel.map((referral) => ({
        ...node(referral, referral.inviteeId),
        invitees: secondLevel.filter((r) => r.inviterId === referral.inviteeId).map((r) => node(r, r.inviteeId)),
      })),
      counts: countsOf(invited),
    };
  }

  private async record(inviter: CustomerRecord, inviteeId: string, channel: ReferralChannel, extra: { attributedUserid?: string; scene?: string }): Promise<ClaimReferralResponse> {
    const refuse = (reason: ReferralRefusal): ClaimReferralResponse => ({ recorded: false, reason });
    if (inviter.id === inviteeId) return refuse('self');
    const existing = await this.deps.referrals.findByInvitee(inviteeId);
    // The same referral reported again (a retried claim, a second scan) is not a second one: answer as the first time.
    if (existing) return existing.inviterId === inviter.id ? { recorded: true, inviterName: inviter.displayName } : refuse('already_referred');
    const invitee = await this.deps.customers.findById(inviteeId);
    if (!invitee) throw new Error(`customer ${inviteeId} vanished`);
    const at = this.now();
    if (at.getTime() - invitee.firstSeenAt.getTime() > NEW_CUSTOMER_WINDOW_MS) return refuse('not_new');
    if (await this.invitedBy(inviter.id, inviteeId)) return refuse('cycle');
    const attributedUserid = extra.attributedUserid ?? (await this.deps.follows.listForCustomer(inviter.id)).find((f) => !f.endedAt)?.userid;
    const recorded = await this.deps.referrals.insertFirst({
      inviterId: inviter.id,
      inviteeId,
      channel,
      at,
      ...(attributedUserid ? { attributedUserid } : {}),
      ...(extra.scene ? { scene: extra.scene } : {}),
    });
    if (!recorded) return refuse('already_referred'); // another claim won the race on the unique index
    const { corpId } = this.deps;
    await this.deps.timeline.record({
      corpId,
      customerId: inviteeId,
      kind: 'referred_by',
      at,
      data: { inviterId: inviter.id, inviterName: inviter.displayName, channel, ...(attributedUserid ? { attributedUserid } : {}) },
      key: `referred_by:${inviteeId}`,
    });
    await this.deps.timeline.record({
      corpId,
      customerId: inviter.id,
      kind: 'invited_customer',
      at,
      data: { inviteeId, inviteeName: invitee.displayName, channel },
      key: `invited_customer:${inviteeId}`,
    });
    return { recorded: true, inviterName: inviter.displayName };
  }

  /** Whether `ancestor` brought `customerId` in, directly or through others: walks up the one-inviter chain. */
  private async invitedBy(customerId: string, ancestor: string): Promise<boolean> {
    let current = customerId;
    for (let depth = 0; depth < MAX_CHAIN_DEPTH; depth++) {
      const referral = await this.deps.referrals.findByInvitee(current);
      if (!referral) return false;
      if (referral.inviterId === ancestor) return true;
      current = referral.inviterId;
    }
    return true; // a chain this long is broken data: refusing is the safe answer
  }

  private async customersById(ids: string[]): Promise<Map<string, CustomerRecord>> {
    return new Map((await this.deps.customers.findByIds([...new Set(ids)])).map((c) => [c.id, c]));
  }

  private async converted(referrals: ReferralRecord[]): Promise<Set<string>> {
    if (!this.deps.convertedInvitees || referrals.length === 0) return new Set();
    return this.deps.convertedInvitees(referrals.map((r) => r.inviteeId));
  }
}

/** Activated: the invitee has logged in to the mini-program themselves (holds an openid). */
const activated = (customer: CustomerRecord) => Boolean(customer.identifiers.openid);

function countsOf(invited: { activated: boolean; converted: boolean }[]) {
  return { invited: invited.length, activated: invited.filter((i) => i.activated).length, converted: invited.filter((i) => i.converted).length };
}
