import type { ExternalContactClient, WeComFollowInfo, WeComFollowUser } from '../../integrations/wecom/external-contact-client';
import { MAX_USERIDS_PER_BATCH } from '../../integrations/wecom/external-contact-client';
import type { SyncRunRepository } from '../../modules/sync-runs';
import type { Logger } from '../../platform/logging/logger';
import type { ContactWriter, WeComFollow } from './contact-sync.flow';

export interface FullSyncReport {
  resumed: boolean;
  pages: number;
  pairs: number;
  /** Pairs that differed from what Zhike held and were written; the rest were already up to date. */
  written: number;
  /** Follows whose tags had drifted from WeCom's (changed there unseen) and were repaired. */
  tagDriftRepaired: number;
  seconds: number;
}

/** The fields get's follow_user and batch/get_by_user's follow_info share; they differ only in how tags come. */
const followOf = (follow: WeComFollowInfo | WeComFollowUser, tagIds: string[]): WeComFollow => ({
  userid: follow.userid,
  remark: follow.remark,
  description: follow.description,
  createtime: follow.createtime,
  add_way: follow.add_way,
  state: follow.state,
  tagIds,
});

/** Corp tags only: personal tags (type 2) have no id and stay in WeCom. */
const followFromDetail = (follow: WeComFollowUser): WeComFollow =>
  followOf(follow, follow.tags.filter((tag) => tag.type === 1 && tag.tag_id).map((tag) => tag.tag_id!));

const followFromInfo = (follow: WeComFollowInfo): WeComFollow => followOf(follow, follow.tag_id);

/** Applies a page's items a few at a time: enough to overlap database round trips, not enough to swamp them. */
async function inPool<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * Customers from WeCom into Zhike: one contact on demand (callbacks, the sidebar), or every member's
 * contacts page by page with the cursor saved after each page, so a crashed sync resumes where it stopped
 * and a finished one run again rewrites the same state.
 */
export class ContactSyncService {
  constructor(
    private readonly deps: {
      corpId: string;
      contacts: Pick<ExternalContactClient, 'getContact' | 'iterateByUsers'>;
      writer: ContactWriter;
      runs: SyncRunRepository;
      memberUserids(): Promise<string[]>;
      log: Logger;
      now?: () => Date;
      pageSize?: number;
    },
  ) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  async syncContact(externalUserId: string): Promise<void> {
    const readStartedAt = this.now();
    const detail = await this.deps.contacts.getContact(externalUserId);
    await this.deps.writer.apply(detail.external_contact, detail.follow_user.map(followFromDetail), '企业微信客户详情 (externalcontact/get)', readStartedAt);
  }

  async fullSync(): Promise<FullSyncReport> {
    const now = () => this.now();
    const started = Date.now();
    const members = [...(await this.deps.memberUserids())].sort();
    const batches: string[][] = [];
    for (let i = 0; i < members.length; i += MAX_USERIDS_PER_BATCH) batches.push(members.slice(i, i + MAX_USERIDS_PER_BATCH));

    const { run, resumed } = await this.deps.runs.resumeOrStart(this.deps.corpId, 'wecom-contacts', now());
    let pages = 0;
    let pairs = 0;
    let written = 0;
    let tagDriftRepaired = 0;
    for (let batchIndex = run.batchIndex; batchIndex < batches.length; batchIndex++) {
      const startCursor = batchIndex === run.batchIndex ? run.cursor : '';
      // The iterator fetches the next page when asked for it, so that moment is when its read of WeCom starts.
      let readStartedAt = now();
      for await (const page of this.deps.contacts.iterateByUsers(batches[batchIndex]!, { limit: this.deps.pageSize ?? 100, startCursor })) {
        const pairsOfPage = page.items.map((item) => ({ externalUserId: item.external_contact.external_userid, userid: item.follow_info.userid }));
        const known = await this.deps.writer.prefetch(pairsOfPage, readStartedAt);
        const changed = page.items.filter((item) => !this.deps.writer.unchanged(item.external_contact, followFromInfo(item.follow_info), known));
        let drift = 0;
        await inPool(changed, 8, async (item) => {
          const applied = await this.deps.writer.apply(item.external_contact, [followFromInfo(item.follow_info)], '企业微信全量同步 (batch/get_by_user)', readStartedAt, known.tagsOf);
          drift += applied.tagDrift;
        });
        written += changed.length;
        tagDriftRepaired += drift;
        // Saved after the page is written: a crash repeats at most this page, which is idempotent.
        const atEnd = page.nextCursor === '';
        await this.deps.runs.saveProgress(run.id, { batchIndex: atEnd ? batchIndex + 1 : batchIndex, cursor: page.nextCursor, items: page.items.length, tagDriftRepaired: drift });
        pages++;
        pairs += page.items.length;
        readStartedAt = now();
      }
    }
    await this.deps.runs.finish(run.id, now());
    const report = { resumed, pages, pairs, written, tagDriftRepaired, seconds: (Date.now() - started) / 1000 };
    this.deps.log.info(report, 'WeCom contact sync finished');
    return report;
  }
}
