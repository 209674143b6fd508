import type { Customer360, CustomerTagView } from '@zhike/shared/customers';
import type { CorpTagView, TagChangeView } from '@zhike/shared/tags';

/** One tag action as sent: resending it must carry the same requestId, and only then. */
export interface TagEdit {
  requestId: string;
  add: string[];
  remove: string[];
}

/** The viewer's own marks: only these can they remove; a colleague's mark is the colleague's. */
export function viewerTagIds(tags: CustomerTagView[], viewerUserid: string): Set<string> {
  return new Set(tags.filter((tag) => tag.markedBy.includes(viewerUserid)).map((tag) => tag.tagId));
}

/**
 * What saving the picker would change, in the library's order; tags outside the picker are never touched.
 * Corp tags and local-only (仅知客) tags alike: the server writes only the corp tags through to WeCom.
 */
export function tagDiff(options: CorpTagView[], mine: ReadonlySet<string>, selected: ReadonlySet<string>): { add: string[]; remove: string[] } {
  return {
    add: options.filter((tag) => selected.has(tag.tagId) && !mine.has(tag.tagId)).map((tag) => tag.tagId),
    remove: options.filter((tag) => mine.has(tag.tagId) && !selected.has(tag.tagId)).map((tag) => tag.tagId),
  };
}

export function sameTagChange(a: Pick<TagEdit, 'add' | 'remove'>, b: Pick<TagEdit, 'add' | 'remove'>): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((id) => y.includes(id));
  return same(a.add, b.add) && same(a.remove, b.remove);
}

/** Tags touched by a change still on its way to WeCom. */
export function tagIdsIn(changes: TagChangeView[], state: TagChangeView['state']): Set<string> {
  return new Set(changes.filter((c) => c.state === state).flatMap((c) => [...c.add, ...c.remove]));
}

/**
 * The 360 as the server will show it once it has taken `change` (the local change is immediate): the viewer's
 * mark added to or taken off each tag, a tag gone when nobody marks it any more, the change listed.
 */
export function applyTagChange(data: Customer360, change: TagChangeView, library: CorpTagView[], viewerUserid: string): Customer360 {
  const tags: CustomerTagView[] = [];
  for (const tag of data.tags) {
    const wasMine = tag.markedBy.includes(viewerUserid);
    const mine = change.add.includes(tag.tagId) || (wasMine && !change.remove.includes(tag.tagId));
    if (mine === wasMine) tags.push(tag);
    else if (mine) tags.push({ ...tag, markedBy: [...tag.markedBy, viewerUserid] });
    else if (tag.markedBy.length > 1) tags.push({ ...tag, markedBy: tag.markedBy.filter((userid) => userid !== viewerUserid) });
  }
  for (const tagId of change.add) {
    const known = library.find((tag) => tag.tagId === tagId);
    if (known && !tags.some((tag) => tag.tagId === tagId)) tags.push({ ...known, markedBy: [viewerUserid] });
  }
  return withTagChange({ ...data, tags }, change);
}

/** The 360 with `change` listed (replacing an earlier answer for the same request), tags untouched. */
export function withTagChange(data: Customer360, change: TagChangeView): Customer360 {
  return { ...data, tagChanges: [change, ...data.tagChanges.filter((c) => c.requestId !== change.requestId)] };
}

/** Whether a change touches only local-only tags: saved in Zhike, with nothing to write to WeCom. */
export function isLocalOnly(change: Pick<TagEdit, 'add' | 'remove'>, library: CorpTagView[]): boolean {
  return [...change.add, ...change.remove].every((tagId) => library.find((tag) => tag.tagId === tagId)?.source === 'local');
}
