import type { ExternalContactClient } from '../../integrations/wecom/external-contact-client';
import type { CorpTagRecord, CorpTagRepository } from './corp-tag.repository';

/** The corp tag library as WeCom has it, mirrored locally so profiles resolve tag names without a WeCom call. */
export class TagLibraryService {
  constructor(
    private readonly corpId: string,
    private readonly repository: CorpTagRepository,
    private readonly wecom: Pick<ExternalContactClient, 'getCorpTagList'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async syncFromWeCom(): Promise<{ tags: number }> {
    const groups = await this.wecom.getCorpTagList();
    const tags = groups.flatMap((group) =>
      group.tag
        .filter((tag) => !tag.deleted)
        .map((tag) => ({ tagId: tag.id, groupId: group.group_id, groupName: group.group_name, groupOrder: group.order, name: tag.name, order: tag.order })),
    );
    await this.repository.mirrorWeComLibrary(this.corpId, tags, this.now());
    return { tags: tags.length };
  }

  list(): Promise<CorpTagRecord[]> {
    return this.repository.listActive(this.corpId);
  }
}
