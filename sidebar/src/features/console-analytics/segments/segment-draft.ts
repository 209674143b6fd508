import { SaveSegmentRequest, type SegmentRules, type SegmentView } from '@zhike/shared/analytics';
import type { ErrorDetail } from '@zhike/shared/errors';

export type ActivityRule = 'any' | 'active' | 'inactive';
export type OrderedRule = 'any' | 'yes' | 'no';

/** The segment form as typed: numbers stay text until saved, so a half-typed "6" is not rewritten under the cursor. */
export interface SegmentDraft {
  name: string;
  tagIds: string[];
  stages: string[];
  minScore: string;
  maxScore: string;
  /** 近期活跃 and 沉默 exclude each other, so the form offers one or the other. */
  activity: ActivityRule;
  activityDays: string;
  hasOrdered: OrderedRule;
}

export function toDraft(segment: SegmentView | null): SegmentDraft {
  const rules: SegmentRules | undefined = segment?.rules;
  return {
    name: segment?.name ?? '',
    tagIds: rules?.tagIds ?? [],
    stages: rules?.stages ?? [],
    minScore: rules?.minScore === undefined ? '' : String(rules.minScore),
    maxScore: rules?.maxScore === undefined ? '' : String(rules.maxScore),
    activity: rules?.activeWithinDays !== undefined ? 'active' : rules?.inactiveForDays !== undefined ? 'inactive' : 'any',
    activityDays: String(rules?.activeWithinDays ?? rules?.inactiveForDays ?? 30),
    hasOrdered: rules?.hasOrdered === undefined ? 'any' : rules.hasOrdered ? 'yes' : 'no',
  };
}

/** Only the rules the admin set: an empty field means "any", not zero. */
export function toRequest(draft: SegmentDraft): SaveSegmentRequest {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const days = number(draft.activityDays);
  const rules: SegmentRules = {
    ...(draft.tagIds.length > 0 ? { tagIds: draft.tagIds } : {}),
    ...(draft.stages.length > 0 ? { stages: draft.stages } : {}),
    ...(number(draft.minScore) === undefined ? {} : { minScore: number(draft.minScore) }),
    ...(number(draft.maxScore) === undefined ? {} : { maxScore: number(draft.maxScore) }),
    ...(draft.activity === 'any' || days === undefined ? {} : { [activityField(draft.activity)]: days }),
    ...(draft.hasOrdered === 'any' ? {} : { hasOrdered: draft.hasOrdered === 'yes' }),
  };
  return { name: draft.name, rules };
}

/** Where the days of the chosen activity rule go, in the request and in the server's issues. */
export function activityField(activity: Exclude<ActivityRule, 'any'>): 'activeWithinDays' | 'inactiveForDays' {
  return activity === 'active' ? 'activeWithinDays' : 'inactiveForDays';
}

/**
 * The shared schema's verdict before sending, phrased like the server's 400 (`body.rules.minScore`), so both
 * land next to the same fields. Empty when the request may be sent.
 */
export function draftIssues(draft: SegmentDraft): ErrorDetail[] {
  if (draft.activity !== 'any' && draft.activityDays.trim() === '') return [{ field: `body.rules.${activityField(draft.activity)}`, issue: '请填写天数' }];
  const parsed = SaveSegmentRequest.safeParse(toRequest(draft));
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), issue: issue.message }));
}
