import { ContentStatsResponse, type ContentStatsRow } from '@zhike/shared/content';
import { getJson } from '../../../lib/http';

export async function fetchContentStats(): Promise<ContentStatsRow[]> {
  return (await getJson('/api/content/stats', ContentStatsResponse)).rows;
}
