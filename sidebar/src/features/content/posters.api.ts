import { PosterTemplatesResponse, type PosterTemplateView } from '@zhike/shared/posters';
import { getJson } from '../../lib/http';

/** The active poster templates the salesperson can send. */
export async function fetchPosterTemplates(): Promise<PosterTemplateView[]> {
  return (await getJson('/api/posters/templates', PosterTemplatesResponse)).templates.filter((template) => !template.retired);
}

/**
 * The poster personalised for the signed-in salesperson and this customer (image/png). An <img> loads it
 * with the session cookie; the server renders it on first request and caches it per (template, people).
 */
export function posterPreviewUrl(externalUserId: string, templateId: string): string {
  return `/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}/posters/${encodeURIComponent(templateId)}`;
}
