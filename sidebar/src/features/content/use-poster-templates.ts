import { useLoaded } from '../../lib/use-loaded';
import { messageOf } from './content-error';
import { fetchPosterTemplates } from './posters.api';

/** The active poster templates, loaded when the 海报 tab first opens. */
export function usePosterTemplates() {
  return useLoaded(fetchPosterTemplates, messageOf);
}
