import type { SegmentRules } from '@zhike/shared/analytics';
import type { CustomerJourneyDocument } from './analytics.model';
import { CustomerFacts, type CustomerFactsSources } from './customer-facts';
import type { JourneyRepository } from './journey.repository';
import { matchesSegment } from './segment-rules';

export interface SegmentPopulationDeps {
  journeys: Pick<JourneyRepository, 'forEachJourney'>;
  facts: CustomerFactsSources;
}

export interface SegmentMatch {
  /** The matching journeys (their customers, for a list). */
  journeys: CustomerJourneyDocument[];
  /** Matching customers per department id (the snapshot's shape). */
  byDepartment: Record<string, number>;
}

/**
 * The customers one segment matches now, among those whose owner's department is in `departments`: from the
 * raw records, like a snapshot run for one segment (a list to open, or a count right after an edit).
 */
export async function matchSegment(
  deps: SegmentPopulationDeps,
  corpId: string,
  rules: SegmentRules,
  departments: 'all' | ReadonlySet<number>,
  asOf: Date,
): Promise<SegmentMatch> {
  // Facts for everyone, not for the department's customers: the embedded engine scans a whole collection
  // per query anyway, and one pass over the journeys then suffices.
  const facts = await CustomerFacts.load(deps.facts, corpId);
  const match: SegmentMatch = { journeys: [], byDepartment: {} };
  await deps.journeys.forEachJourney((journeys) => {
    for (const journey of journeys) {
      if (departments !== 'all' && !departments.has(journey.departmentId)) continue;
      if (!matchesSegment(rules, facts.segmentFacts(journey, asOf), asOf)) continue;
      match.journeys.push(journey);
      match.byDepartment[journey.departmentId] = (match.byDepartment[journey.departmentId] ?? 0) + 1;
    }
  });
  return match;
}
