import type { ScriptContent, ScriptScope, ScriptType } from '@zhike/shared/scripts';
import type { ScriptRecord } from './script.repository';

export interface ScriptSearch {
  viewerUserid: string;
  terms: string[];
  /** A category and its sub-categories. */
  categoryIds?: Set<string>;
  type?: ScriptType;
  scope?: ScriptScope;
  onlyIds?: Set<string>;
  includeRetired?: boolean;
}

interface IndexedScript {
  record: ScriptRecord;
  title: string;
  /** Title, text, link and card fields and keywords, normalised, for substring matching. */
  haystack: string;
}

/** Lowercase, full-width forms folded (ＡＢＣ → abc), so a search matches however it was typed. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function searchTerms(query: string | undefined): string[] {
  return query ? normaliseForSearch(query).split(/\s+/).filter(Boolean) : [];
}

function searchableText(content: ScriptContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'link':
      return `${content.title} ${content.desc} ${content.url}`;
    case 'miniprogram':
      return content.title;
    default:
      return '';
  }
}

/**
 * Every script of one corp held in memory and matched by substring (Chinese has no word boundaries to
 * index on). Ten thousand scripts are a few megabytes and a linear pass of well under a millisecond per
 * term, which a database regex over the same documents cannot match on the embedded engine.
 */
export class ScriptSearchIndex {
  private readonly entries = new Map<string, IndexedScript>();

  constructor(records: ScriptRecord[] = []) {
    for (const record of records) this.upsert(record);
  }

  upsert(record: ScriptRecord): void {
    this.entries.set(record.id, {
      record,
      title: normaliseForSearch(record.title),
      haystack: normaliseForSearch(`${record.title}\n${searchableText(record.content)}\n${record.keywords.join(' ')}`),
    });
  }

  get(id: string): ScriptRecord | undefined {
    return this.entries.get(id)?.record;
  }

  all(): ScriptRecord[] {
    return [...this.entries.values()].map((entry) => entry.record);
  }

  /** Visible matches, best first: more terms in the title, then most used, then newest. */
  search(search: ScriptSearch): ScriptRecord[] {
    const matches: { record: ScriptRecord; titleHits: number }[] = [];
    for (const entry of this.entries.values()) {
      const { record } = entry;
      if (record.scope === 'personal' && record.ownerUserid !== search.viewerUserid) continue;
      if (record.retiredAt && !search.includeRetired) continue;
      if (search.scope && record.scope !== search.scope) continue;
      if (search.type && record.content.type !== search.type) continue;
      if (search.categoryIds && !search.categoryIds.has(record.categoryId)) continue;
      if (search.onlyIds && !search.onlyIds.has(record.id)) continue;
      if (!search.terms.every((term) => entry.haystack.includes(term))) continue;
      matches.push({ record, titleHits: search.terms.filter((term) => entry.title.includes(term)).length });
    }
    return matches
      .sort(
        (a, b) =>
          b.titleHits - a.titleHits ||
          b.record.usageCount - a.record.usageCount ||
          b.record.updatedAt.getTime() - a.record.updatedAt.getTime(),
      )
      .map((match) => match.record);
  }
}
