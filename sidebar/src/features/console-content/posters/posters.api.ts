import {
  PosterTemplateResponse,
  PosterTemplatesResponse,
  type PosterTemplateFields,
  type PosterTemplateView,
  type UpdatePosterTemplateRequest,
} from '@zhike/shared/posters';
import { getJson } from '../../../lib/http';
import { postJsonForBlob, sendJson } from '../../../lib/http-write';

// Retiring answers something we do not read (the list is loaded again), so any JSON is fine.
const AnyBody = { parse: (input: unknown) => input };

/** Every template, retired ones included (the admin may look at them). */
export async function listPosterTemplates(): Promise<PosterTemplateView[]> {
  return (await getJson('/api/posters/templates?includeRetired=true', PosterTemplatesResponse)).templates;
}

export async function createPosterTemplate(request: PosterTemplateFields): Promise<PosterTemplateView> {
  return (await sendJson('POST', '/api/posters/templates', request, PosterTemplateResponse)).template;
}

/** Rejects with ApiError 409 CONFLICT when someone saved after `expectedVersion`. */
export async function updatePosterTemplate(templateId: string, request: UpdatePosterTemplateRequest): Promise<PosterTemplateView> {
  return (await sendJson('PUT', `/api/posters/templates/${encodeURIComponent(templateId)}`, request, PosterTemplateResponse)).template;
}

export async function retirePosterTemplate(templateId: string): Promise<void> {
  await sendJson('POST', `/api/posters/templates/${encodeURIComponent(templateId)}/retire`, {}, AnyBody);
}

/** The template rendered as PNG with sample data (the admin as salesperson, 王小明 as customer); 400 names the fields. */
export function previewPoster(request: PosterTemplateFields): Promise<Blob> {
  return postJsonForBlob('/api/posters/preview', request);
}
