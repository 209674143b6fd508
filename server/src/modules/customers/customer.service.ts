import crypto from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { CustomerProfile } from '@zhike/shared/auth';
import { isDuplicateKeyError } from '../../platform/db/records';
import type { IdentifierKind, IdentityLink, WeComContactProfile } from './customer.model';
import type { CustomerRecord, CustomerRepository } from './customer.repository';

/** The neutral name until the customer tells us theirs (code2session carries no nickname). */
export const UNNAMED_CUSTOMER = '微信用户';
const RACE_RETRIES = 3;

/** What one source knows about a person, and why it says so (kept on every link it creates). */
export interface ObservedIdentity {
  openid?: string;
  unionid?: string;
  externalUserId?: string;
  /** A name the source vouches for (a WeCom contact's name); never overrides with the neutral one. */
  displayName?: string;
  wecomProfile?: WeComContactProfile;
  /** True when the person themselves acted (a login), not when a sync merely reports them. */
  customerActed?: boolean;
  source: string;
}

/** Identifiers in the order they are trusted to find an existing customer. */
const LOOKUP_ORDER: { kind: IdentifierKind; key: 'openid' | 'externalUserId' | 'unionid' }[] = [
  { kind: 'openid', key: 'openid' },
  { kind: 'external_userid', key: 'externalUserId' },
  { kind: 'unionid', key: 'unionid' },
];

export class CustomerService {
  constructor(
    private readonly repository: CustomerRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * One person, however many identifiers: the customer found by any identifier gains the others (the
   * unionid is what joins a mini-program user to a WeCom contact); otherwise a new customer is created.
   * Sources racing for the same person end as one customer: identifiers are unique, and a lost insert
   * race is retried as a lookup.
   */
  async observe(identity: ObservedIdentity): Promise<CustomerRecord> {
    const present = LOOKUP_ORDER.filter(({ key }) => identity[key]).map(({ kind, key }) => ({ kind, value: identity[key]! }));
    if (present.length === 0) throw new Error('observe() needs at least one identifier');
    for (let attempt = 1; ; attempt++) {
      const at = this.now();
      const links: IdentityLink[] = present.map(({ kind, value }) => ({ kind, value, reason: identity.source, at }));
      const existing = await this.findFirst(present);
      if (existing) return this.extend(existing, links, identity, at);
      try {
        return await this.repository.insert({
          displayName: identity.displayName ?? UNNAMED_CUSTOMER,
          ...(identity.wecomProfile ? { wecomProfile: identity.wecomProfile } : {}),
          identifiers: {
            ...(identity.openid ? { openid: identity.openid } : {}),
            ...(identity.unionid ? { unionid: identity.unionid } : {}),
            externalUserIds: identity.externalUserId ? [identity.externalUserId] : [],
          },
          identityLinks: links,
          firstSeenAt: at,
          ...(identity.customerActed ? { lastActiveAt: at } : {}),
        });
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= RACE_RETRIES) throw error;
      }
    }
  }

  /** The customer's stable invite code, made on first use (a random code taken by someone else is drawn again). */
  async inviteCodeOf(customerId: string): Promise<string | null> {
    for (let attempt = 1; ; attempt++) {
      const customer = await this.repository.findById(customerId);
      if (!customer) return null;
      if (customer.inviteCode) return customer.inviteCode;
      try {
        await this.repository.setInviteCodeIfAbsent(customerId, newInviteCode());
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt >= RACE_RETRIES) throw error;
      }
    }
  }

  async profileOf(customerId: string): Promise<CustomerProfile | null> {
    const customer = await this.repository.findById(customerId);
    return customer && toCustomerProfile(customer);
  }

  private async findFirst(present: { kind: IdentifierKind; value: string }[]): Promise<CustomerRecord | null> {
    for (const { kind, value } of present) {
      const found = await this.repository.findByIdentifier(kind, value);
      if (found) return found;
    }
    return null;
  }

  private async extend(customer: CustomerRecord, links: IdentityLink[], identity: ObservedIdentity, at: Date): Promise<CustomerRecord> {
    // Most observations of a known customer change nothing: skip the writes, answer what was read.
    const missing = links.filter((link) => !hasIdentifier(customer, link));
    for (const link of missing) {
      // A unique-index refusal means another customer holds this identifier: merging two people is an
      // explicit, audited operation, never a side effect of a login.
      await this.repository.addIdentifier(customer.id, link).catch((error) => {
        if (!isDuplicateKeyError(error)) throw error;
      });
    }
    // WeCom's name wins over the neutral one and follows renames; a login (no name) never overwrites it.
    const rename = identity.displayName && identity.displayName !== customer.displayName ? identity.displayName : undefined;
    const profile = identity.wecomProfile && !isDeepStrictEqual(identity.wecomProfile, customer.wecomProfile) ? identity.wecomProfile : undefined;
    const activeAt = identity.customerActed ? at : undefined;
    if (missing.length === 0 && !rename && !profile && !activeAt) return customer;
    await this.repository.update(customer.id, { displayName: rename, wecomProfile: profile, activeAt });
    return (await this.repository.findById(customer.id))!;
  }
}

const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 10 characters of 57 without look-alikes (0/O, 1/l/I): ~58 bits, easy to read aloud. */
function newInviteCode(): string {
  return Array.from(crypto.randomBytes(10), (byte) => INVITE_ALPHABET[byte % INVITE_ALPHABET.length]).join('');
}

function hasIdentifier(customer: CustomerRecord, link: IdentityLink): boolean {
  if (link.kind === 'external_userid') return customer.identifiers.externalUserIds.includes(link.value);
  // A different value already there is a conflict addIdentifier would refuse anyway.
  return customer.identifiers[link.kind] !== undefined;
}

export function toCustomerProfile(customer: CustomerRecord): CustomerProfile {
  return {
    id: customer.id,
    displayName: customer.displayName,
    hasUnionId: Boolean(customer.identifiers.unionid),
    firstSeenAt: customer.firstSeenAt.toISOString(),
  };
}
