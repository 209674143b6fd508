import type { ScriptCategory } from '@zhike/shared/scripts';
import { useLoaded, type Loaded } from '../../lib/use-loaded';
import { messageOf } from './content-error';
import { fetchScriptCategories } from './scripts.api';

export type CategoriesState = Loaded<ScriptCategory[]>;

/** The category chips: loaded once per panel; the list works without them if they fail. */
export function useScriptCategories() {
  return useLoaded(fetchScriptCategories, messageOf);
}
