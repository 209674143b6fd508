import {
  ScriptCategoriesResponse,
  ScriptCategoryResponse,
  ScriptResponse,
  ScriptSearchResponse,
  type SaveScriptCategoryRequest,
  type SaveScriptRequest,
  type ScriptCategory,
  type ScriptSearchResponse as ScriptPage,
  type ScriptType,
  type ScriptView,
  type UpdateScriptRequest,
} from '@zhike/shared/scripts';
import { getJson } from '../../../lib/http';
import { sendJson } from '../../../lib/http-write';

// Retiring answers something we do not read (the list is loaded again), so any JSON is fine.
const AnyBody = { parse: (input: unknown) => input };

export async function listScriptCategories(): Promise<ScriptCategory[]> {
  return (await getJson('/api/scripts/categories', ScriptCategoriesResponse)).categories;
}

export async function createScriptCategory(request: SaveScriptCategoryRequest): Promise<ScriptCategory> {
  return (await sendJson('POST', '/api/scripts/categories', request, ScriptCategoryResponse)).category;
}

export async function updateScriptCategory(categoryId: string, request: SaveScriptCategoryRequest): Promise<ScriptCategory> {
  return (await sendJson('PUT', `/api/scripts/categories/${encodeURIComponent(categoryId)}`, request, ScriptCategoryResponse)).category;
}

export async function retireScriptCategory(categoryId: string): Promise<void> {
  await sendJson('POST', `/api/scripts/categories/${encodeURIComponent(categoryId)}/retire`, {}, AnyBody);
}

/** The admin's list: shared scripts, retired ones included (marked), newest first as the server orders them. */
export interface ScriptFilter {
  q: string;
  categoryId: string | null;
  type: ScriptType | null;
  includeRetired: boolean;
  offset: number;
  limit?: number;
}

export const SCRIPT_PAGE_SIZE = 30;

export function scriptSearchPath(filter: ScriptFilter): string {
  const params = new URLSearchParams({ scope: 'shared', limit: String(filter.limit ?? SCRIPT_PAGE_SIZE), offset: String(filter.offset) });
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (filter.categoryId) params.set('categoryId', filter.categoryId);
  if (filter.type) params.set('type', filter.type);
  if (filter.includeRetired) params.set('includeRetired', 'true');
  return `/api/scripts?${params.toString()}`;
}

export function searchScripts(filter: ScriptFilter): Promise<ScriptPage> {
  return getJson(scriptSearchPath(filter), ScriptSearchResponse);
}

export async function createScript(request: SaveScriptRequest): Promise<ScriptView> {
  return (await sendJson('POST', '/api/scripts', request, ScriptResponse)).script;
}

/** Rejects with ApiError 409 CONFLICT when someone saved after `expectedVersion`. */
export async function updateScript(scriptId: string, request: UpdateScriptRequest): Promise<ScriptView> {
  return (await sendJson('PUT', `/api/scripts/${encodeURIComponent(scriptId)}`, request, ScriptResponse)).script;
}

export async function retireScript(scriptId: string): Promise<ScriptView> {
  return (await sendJson('POST', `/api/scripts/${encodeURIComponent(scriptId)}/retire`, {}, ScriptResponse)).script;
}

/**
 * The current version of one script, for reloading after a 409. The API has no GET by id, so this looks in the
 * script's category and then by its title (the two places a colleague's edit most likely left it).
 */
export async function findScript(script: { id: string; categoryId: string; title: string }): Promise<ScriptView | null> {
  const base: ScriptFilter = { q: '', categoryId: null, type: null, includeRetired: true, offset: 0, limit: 100 };
  for (const filter of [{ ...base, categoryId: script.categoryId }, { ...base, q: script.title }]) {
    const found = (await searchScripts(filter)).items.find((item) => item.id === script.id);
    if (found) return found;
  }
  return null;
}
