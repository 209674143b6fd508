import crypto from 'node:crypto';
import type { CreateLocalTagRequest } from '@zhike/shared/tags';
import { AppError } from '../../platform/http/app-error';
import type { CorpTagRecord, CorpTagRepository } from './corp-tag.repository';

/** Local groups list after WeCom's (whose order values are ≥ 0, larger first). */
const LOCAL_GROUP_ORDER = -1;

const newId = (prefix: string) => `${prefix}${crypto.randomBytes(9).toString('base64url')}`;

/**
 * Local-only tags (仅知客): an admin's tags beyond WeCom's quota of corp tags. They sit in their own groups,
 * are put on customers like corp tags, and are never written to WeCom; a sync leaves them alone. Retired,
 * not deleted, so old timeline entries keep their names.
 */
export class LocalTagService {
  constructor(
    private readonly corpId: string,
    private readonly repository: CorpTagRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(request: CreateLocalTagRequest): Promise<CorpTagRecord> {
    const group = await this.repository.findLiveGroupByName(this.corpId, request.groupName);
    // One name, one group in the picker: a WeCom group and a local one with the same name would read as one.
    if (group?.source === 'wecom') {
      throw new AppError('CONFLICT', '企业微信中已有同名标签组，知客标签请放在另一个组里', [{ field: 'body.groupName', issue: `「${request.groupName}」是企业微信标签组` }]);
    }
    const siblings = group ? await this.repository.listLiveInGroup(this.corpId, group.groupId) : [];
    // Checked, not indexed: admins add tags rarely and one at a time, and a name index would also block renames.
    this.refuseDuplicateName(siblings, request.name, 'body.name');
    return this.repository.insertLocal({
      corpId: this.corpId,
      tagId: newId('lt_'),
      groupId: group?.groupId ?? newId('lg_'),
      groupName: request.groupName,
      groupOrder: LOCAL_GROUP_ORDER,
      name: request.name,
      // Newest last within the group (the library lists larger orders first).
      order: Math.min(0, ...siblings.map((t) => t.order)) - 1,
      syncedAt: this.now(),
    });
  }

  async rename(tagId: string, name: string): Promise<CorpTagRecord> {
    const tag = await this.requireLocal(tagId);
    this.refuseDuplicateName((await this.repository.listLiveInGroup(this.corpId, tag.groupId)).filter((t) => t.tagId !== tagId), name, 'body.name');
    return (await this.repository.updateLocal(this.corpId, tagId, { name }, this.now())) ?? this.notFound(tagId);
  }

  /** Off the library and every customer's 360; followers keep the id, so history still names it. */
  async retire(tagId: string): Promise<CorpTagRecord> {
    await this.requireLocal(tagId);
    const at = this.now();
    return (await this.repository.updateLocal(this.corpId, tagId, { deletedAt: at }, at)) ?? this.notFound(tagId);
  }

  private async requireLocal(tagId: string): Promise<CorpTagRecord> {
    const [tag] = await this.repository.findByTagIds(this.corpId, [tagId]);
    if (!tag || tag.deletedAt) return this.notFound(tagId);
    if (tag.source === 'wecom') throw new AppError('CONFLICT', '这是企业微信标签，请在企业微信管理后台修改', [{ field: 'params.tagId', issue: '企业微信标签' }]);
    return tag;
  }

  private refuseDuplicateName(siblings: CorpTagRecord[], name: string, field: string): void {
    if (siblings.some((t) => t.name === name)) throw new AppError('CONFLICT', '这个组里已有同名标签', [{ field, issue: `「${name}」已存在` }]);
  }

  private notFound(tagId: string): never {
    throw new AppError('NOT_FOUND', '没有找到这个标签', [{ field: 'params.tagId', issue: `未知标签 ${tagId}` }]);
  }
}
