import { PosterTemplateIdParams, PosterTemplateResponse, PosterTemplatesResponse, SavePosterTemplateRequest, UpdatePosterTemplateRequest } from '@zhike/shared/posters';
import { z } from 'zod';
import type { ApiRouter } from '../../platform/http/api-router';
import { staffPrincipal } from '../../platform/http/principal';
import type { PosterService } from './poster.service';

export interface PosterRouteDeps {
  posters: PosterService;
  /** Who the editor's preview shows: the admin as salesperson, a sample customer. */
  previewSample(corpId: string, userid: string): Promise<Parameters<PosterService['preview']>[2]>;
}

export function registerPosterRoutes(api: ApiRouter, { posters, previewSample }: PosterRouteDeps): void {
  api.add({
    method: 'GET',
    path: '/api/posters/templates',
    access: 'salesperson',
    tag: 'posters',
    summary: 'The poster templates; retired ones too for admins who ask',
    query: z.strictObject({ includeRetired: z.stringbool().optional() }),
    response: PosterTemplatesResponse,
    handler: async ({ query, principal }) => {
      const staff = staffPrincipal(principal);
      return { templates: await posters.listTemplates(staff.corpId, Boolean(query.includeRetired) && staff.role === 'admin') };
    },
  });

  api.add({
    method: 'POST',
    path: '/api/posters/templates',
    access: 'admin',
    tag: 'posters',
    summary: 'Creates a poster template (background, text and image layers, exactly one QR slot)',
    body: SavePosterTemplateRequest,
    response: PosterTemplateResponse,
    successStatus: 201,
    handler: async ({ body, principal }) => ({ template: await posters.createTemplate(staffPrincipal(principal), body) }),
  });

  api.add({
    method: 'PUT',
    path: '/api/posters/templates/:templateId',
    access: 'admin',
    tag: 'posters',
    summary: 'Edits a poster template; 409 if it changed since expectedVersion. Posters already drawn are redrawn on next use',
    params: PosterTemplateIdParams,
    body: UpdatePosterTemplateRequest,
    response: PosterTemplateResponse,
    handler: async ({ params, body, principal }) => ({ template: await posters.updateTemplate(staffPrincipal(principal), params.templateId, body) }),
  });

  api.add({
    method: 'POST',
    path: '/api/posters/templates/:templateId/retire',
    access: 'admin',
    tag: 'posters',
    summary: 'Retires a template: no longer offered or sent; codes already printed keep resolving until they lapse',
    params: PosterTemplateIdParams,
    response: PosterTemplateResponse,
    handler: async ({ params, principal }) => ({ template: await posters.retireTemplate(staffPrincipal(principal), params.templateId) }),
  });

  api.add({
    method: 'POST',
    path: '/api/posters/preview',
    access: 'admin',
    tag: 'posters',
    summary: 'Draws an unsaved template with sample people, for the editor (PNG)',
    body: SavePosterTemplateRequest,
    binaryResponse: { contentType: 'image/png', cacheControl: 'no-store' },
    handler: async ({ body, principal }) => {
      const staff = staffPrincipal(principal);
      return { bytes: await posters.preview(staff.corpId, body, await previewSample(staff.corpId, staff.userid)) };
    },
  });
}
