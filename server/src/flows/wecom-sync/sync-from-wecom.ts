import type { ContactSyncService } from './contact-sync.service';
import type { StaffService } from '../../modules/staff';
import type { TagLibraryService } from '../../modules/tags';

/**
 * Everything Zhike mirrors from WeCom: staff from the directory, the corp tag library, then every member's
 * customers through the resumable full contact sync. All idempotent, so running it again (on every start,
 * on a timer, or in demo mode against the sandbox) only repairs drift.
 */
export async function syncFromWeCom(deps: { staff: StaffService; tagLibrary: TagLibraryService; contactSync: ContactSyncService }) {
  const { members } = await deps.staff.syncDirectory();
  const { tags } = await deps.tagLibrary.syncFromWeCom();
  const { pairs } = await deps.contactSync.fullSync();
  return { staff: members, tags, contactFollows: pairs };
}
