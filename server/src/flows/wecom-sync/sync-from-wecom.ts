import type { ContactSyncService } from './contact-sync.service';
import type { StaffService } from '../../modules/staff';
import type { TagLibraryService } from '../../modules/tags';
import type { QueueWorker } from '../../platform/queue';

/**
 * Everything Zhike mirrors from WeCom: staff from the directory, the corp tag library, then every member's
 * customers through the resumable full contact sync. All idempotent, so running it again (on every start,
 * on a timer, or in demo mode against the sandbox) only repairs drift — both ways for tags: Zhike's pending
 * tag changes are pushed to WeCom first (the outbox), then WeCom's tags win over anything not pending.
 */
export async function syncFromWeCom(deps: { staff: StaffService; tagLibrary: TagLibraryService; contactSync: ContactSyncService; markTagOutbox: Pick<QueueWorker, 'drain'> }) {
  const { members } = await deps.staff.syncDirectory();
  const { tags } = await deps.tagLibrary.syncFromWeCom();
  await deps.markTagOutbox.drain();
  const { pairs, tagDriftRepaired } = await deps.contactSync.fullSync();
  return { staff: members, tags, contactFollows: pairs, tagDriftRepaired };
}
