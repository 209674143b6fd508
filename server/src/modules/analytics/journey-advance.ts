import type { CustomerJourneyDocument } from './analytics.model';
import type { DirectoryLookups } from './analytics-directory';
import { entryCounters } from './event-counters';
import { contributionChange, contributionOf } from './journey-contribution';
import { applyInput, emptyJourney, type JourneyInput } from './journey-reducer';
import type { ReferrerIncrement, RollupIncrement } from './rollup-increments';

export interface JourneyAdvance {
  /** The journey after the inputs, its contribution current (to be saved at the stored version). */
  journey: CustomerJourneyDocument;
  /** Event counters of the inputs, and the change of the journey's cohort contribution. */
  rollups: RollupIncrement[];
  referrers: ReferrerIncrement[];
  /** Set when this customer is an inviter whose department may be new: their totals row follows it. */
  inviterDepartment?: number;
}

/**
 * One customer's inputs applied in order to their stored journey (null: none yet): the single path by which
 * both the live recorder and the rebuild turn raw records into journeys and rollup increments.
 */
export function advanceJourney(stored: CustomerJourneyDocument | null, customer: { corpId: string; customerId: string }, inputs: JourneyInput[], directory: DirectoryLookups, now: Date): JourneyAdvance {
  const journey = stored ? structuredClone(stored) : emptyJourney(customer.corpId, customer.customerId);
  const rollups: RollupIncrement[] = [];
  let invited = false;
  for (const input of inputs) {
    if (input.type === 'entry') {
      rollups.push(...entryCounters(input.entry, journey, directory));
      invited ||= input.entry.kind === 'invited_customer';
    }
    applyInput(journey, input, directory);
  }
  const contribution = contributionOf(journey);
  const change = contributionChange(stored?.contribution, contribution);
  journey.contribution = contribution;
  journey.updatedAt = now;
  const departmentMoved = stored !== null && stored.departmentId !== journey.departmentId;
  return {
    journey,
    rollups: [...rollups, ...change.rollups],
    referrers: change.referrers,
    ...(invited || departmentMoved ? { inviterDepartment: journey.departmentId } : {}),
  };
}

/** The members and channel states the directory must know before these inputs are applied to these journeys. */
export function namesNeeded(inputs: JourneyInput[], journeys: CustomerJourneyDocument[]): { userids: Set<string>; states: Set<string> } {
  const userids = new Set<string>();
  const states = new Set<string>();
  const addUser = (userid: unknown) => {
    if (typeof userid === 'string' && userid) userids.add(userid);
  };
  for (const input of inputs) {
    if (input.type !== 'entry') continue;
    const { entry } = input;
    addUser(entry.actorUserid);
    addUser(entry.data.attributedUserid);
    if (entry.kind === 'contact_added' && typeof entry.data.state === 'string') states.add(entry.data.state);
  }
  for (const journey of journeys) {
    addUser(journey.ownerUserid);
    for (const userid of Object.keys(journey.contactedAt ?? {})) addUser(userid);
  }
  return { userids, states };
}
