import {
  RecommendedScriptsResponse,
  ScriptCategoriesResponse,
  ScriptResponse,
  ScriptSearchResponse,
  type RecommendedScript,
  type ScriptCategory,
  type ScriptView,
} from '@zhike/shared/scripts';
import { getJson } from '../../lib/http';
import { sendJson } from '../../lib/http-write';
import { newRequestId } from '../../lib/request-id';

/** What the 话术 tab filters by; empty fields are left out of the query. */
export interface ScriptFilter {
  q: string;
  categoryId: string | null;
  favourites: boolean;
}

export const SCRIPT_PAGE_SIZE = 30;

/** Shared scripts plus the caller's personal ones, matched on title, content and keywords. */
export function searchScripts(filter: ScriptFilter, offset = 0): Promise<ScriptSearchResponse> {
  const params = new URLSearchParams();
  const q = filter.q.trim();
  if (q) params.set('q', q);
  if (filter.categoryId) params.set('categoryId', filter.categoryId);
  if (filter.favourites) params.set('favourites', 'true');
  params.set('limit', String(SCRIPT_PAGE_SIZE));
  if (offset > 0) params.set('offset', String(offset));
  return getJson(`/api/scripts?${params.toString()}`, ScriptSearchResponse);
}

/** Categories nest one level: a sub-category names its parent. */
export async function fetchScriptCategories(): Promise<ScriptCategory[]> {
  return (await getJson('/api/scripts/categories', ScriptCategoriesResponse)).categories;
}

/** Marks or unmarks a favourite for the caller; answers with the script as it now is. */
export async function setScriptFavourite(scriptId: string, favourite: boolean): Promise<ScriptView> {
  const path = `/api/scripts/${encodeURIComponent(scriptId)}/favourite`;
  return (await sendJson('PUT', path, { favourite, requestId: newRequestId() }, ScriptResponse)).script;
}

/** Up to three scripts that fit this customer now, each with a one-line reason. */
export async function fetchRecommendedScripts(externalUserId: string): Promise<RecommendedScript[]> {
  const path = `/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}/recommended-scripts`;
  return (await getJson(path, RecommendedScriptsResponse)).items;
}
