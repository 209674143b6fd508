import {
  CategoryIdParams,
  FavouriteRequest,
  SaveScriptCategoryRequest,
  SaveScriptRequest,
  ScriptCategoriesResponse,
  ScriptCategoryResponse,
  ScriptIdParams,
  ScriptResponse,
  ScriptSearchResponse,
  SearchScriptsQuery,
  UpdateScriptRequest,
} from '@zhike/shared/scripts';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { ScriptService } from './script.service';

export function registerScriptRoutes(api: ApiRouter, scripts: ScriptService): void {
  api.add({
    method: 'GET',
    path: '/api/scripts',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Searches the shared and your personal scripts by keywords across title, content and keywords',
    query: SearchScriptsQuery,
    response: ScriptSearchResponse,
    handler: async ({ query, principal }) => scripts.search(staffPrincipal(principal), query),
  });

  api.add({
    method: 'POST',
    path: '/api/scripts',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Creates a script: shared ones by admins, personal ones by anyone for themselves',
    body: SaveScriptRequest,
    response: ScriptResponse,
    successStatus: 201,
    handler: async ({ body, principal }) => ({ script: await scripts.create(staffPrincipal(principal), body) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/scripts/:scriptId',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Edits a script; 409 if it changed since expectedVersion',
    params: ScriptIdParams,
    body: UpdateScriptRequest,
    response: ScriptResponse,
    handler: async ({ params, body, principal }) => ({ script: await scripts.update(staffPrincipal(principal), params.scriptId, body) }),
  });

  api.add({
    method: 'POST',
    path: '/api/scripts/:scriptId/retire',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Retires a script: it is no longer listed or sent, and its statistics stay',
    params: ScriptIdParams,
    response: ScriptResponse,
    handler: async ({ params, principal }) => ({ script: await scripts.retire(staffPrincipal(principal), params.scriptId) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/scripts/:scriptId/favourite',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Marks or unmarks a script as one of your favourites',
    params: ScriptIdParams,
    body: FavouriteRequest,
    response: ScriptResponse,
    handler: async ({ params, body, principal }) => ({ script: await scripts.setFavourite(staffPrincipal(principal), params.scriptId, body.favourite) }),
  });

  api.add({
    method: 'GET',
    path: '/api/scripts/categories',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'The shared categories and your personal ones (two levels)',
    response: ScriptCategoriesResponse,
    handler: async ({ principal }) => ({ categories: await scripts.listCategories(staffPrincipal(principal)) }),
  });

  api.add({
    method: 'POST',
    path: '/api/scripts/categories',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Creates a category: shared ones by admins, personal ones by anyone for themselves',
    body: SaveScriptCategoryRequest,
    response: ScriptCategoryResponse,
    successStatus: 201,
    handler: async ({ body, principal }) => ({ category: await scripts.createCategory(staffPrincipal(principal), body) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/scripts/categories/:categoryId',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Renames or moves a category',
    params: CategoryIdParams,
    body: SaveScriptCategoryRequest,
    response: ScriptCategoryResponse,
    handler: async ({ params, body, principal }) => ({ category: await scripts.updateCategory(staffPrincipal(principal), params.categoryId, body) }),
  });

  api.add({
    method: 'POST',
    path: '/api/scripts/categories/:categoryId/retire',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'Retires an empty category and its sub-categories; 409 while it still holds active scripts',
    params: CategoryIdParams,
    response: ScriptCategoryResponse,
    handler: async ({ params, principal }) => ({ category: await scripts.retireCategory(staffPrincipal(principal), params.categoryId) }),
  });

  // After the /api/scripts/categories routes: the parameter would otherwise swallow that path.
  api.add({
    method: 'GET',
    path: '/api/scripts/:scriptId',
    access: 'salesperson',
    tag: 'scripts',
    summary: 'One shared or own personal script, retired ones included (an editor reloading after a 409)',
    params: ScriptIdParams,
    response: ScriptResponse,
    handler: async ({ params, principal }) => ({ script: await scripts.findOne(staffPrincipal(principal), params.scriptId) }),
  });
}
