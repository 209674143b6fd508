import type { StaffRole } from '@zhike/shared/auth';
import {
  SaveScriptCategoryRequest,
  SaveScriptRequest,
  SearchScriptsQuery,
  UpdateScriptRequest,
  type ScriptCategory,
  type ScriptContent,
  type ScriptScope,
  type ScriptView,
} from '@zhike/shared/scripts';
import { AppError } from '../../platform/http/app-error';
import type { AssetService } from '../assets';
import { ScriptSearchIndex, searchTerms } from './script-search-index';
import type { ScriptCategoryRecord, ScriptRecord, ScriptRepository } from './script.repository';
import { unknownVariables } from './script-variables';

/**
 * How long an instance trusts its in-memory library and favourites without asking the database whether
 * another instance wrote: its own writes show at once, other instances' within this bound.
 */
export const FRESHNESS_MS = 1000;

export interface ScriptEditor {
  corpId: string;
  userid: string;
  role: StaffRole;
}

type SaveScriptInput = ReturnType<typeof SaveScriptRequest.parse>;
type UpdateScriptInput = ReturnType<typeof UpdateScriptRequest.parse>;

/** The script library: shared scripts managed by admins, personal ones by their owner, searched in memory. */
export class ScriptService {
  private readonly indexes = new Map<string, { revision: number; checkedAt: number; index: ScriptSearchIndex }>();
  private readonly favourites = new Map<string, { loadedAt: number; ids: Set<string> }>();

  constructor(
    private readonly scripts: ScriptRepository,
    private readonly assets: Pick<AssetService, 'requireAsset'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async search(viewer: ScriptEditor, query: ReturnType<typeof SearchScriptsQuery.parse>): Promise<{ items: ScriptView[]; total: number }> {
    const [index, favourites, categoryIds] = await Promise.all([
      this.indexFor(viewer.corpId),
      this.favouriteIds(viewer),
      query.categoryId ? this.categoryWithChildren(viewer.corpId, query.categoryId) : undefined,
    ]);
    const matches = index.search({
      viewerUserid: viewer.userid,
      terms: searchTerms(query.q),
      categoryIds,
      type: query.type,
      scope: query.scope,
      onlyIds: query.favourites ? favourites : undefined,
      includeRetired: query.includeRetired && viewer.role === 'admin',
    });
    const page = matches.slice(query.offset, query.offset + query.limit);
    return { items: page.map((record) => toScriptView(record, favourites.has(record.id))), total: matches.length };
  }

  /** A script the viewer may send: shared, or their own; retired ones are no longer sent. */
  async findSendable(viewer: Pick<ScriptEditor, 'corpId' | 'userid'>, scriptId: string): Promise<ScriptRecord> {
    const script = (await this.indexFor(viewer.corpId)).get(scriptId) ?? (await this.scripts.findById(viewer.corpId, scriptId));
    if (!script || (script.scope === 'personal' && script.ownerUserid !== viewer.userid)) throw new AppError('NOT_FOUND', '话术不存在');
    if (script.retiredAt) throw new AppError('CONFLICT', '该话术已下架，不能再发送');
    return script;
  }

  /** Every visible, active script, for ranking recommendations. */
  async listSendable(viewer: Pick<ScriptEditor, 'corpId' | 'userid'>): Promise<ScriptRecord[]> {
    return (await this.indexFor(viewer.corpId)).search({ viewerUserid: viewer.userid, terms: [] });
  }

  async titles(corpId: string): Promise<Map<string, string>> {
    return new Map((await this.indexFor(corpId)).all().map((script) => [script.id, script.title]));
  }

  async favouriteIds(viewer: Pick<ScriptEditor, 'corpId' | 'userid'>): Promise<Set<string>> {
    const key = `${viewer.corpId}:${viewer.userid}`;
    const cached = this.favourites.get(key);
    if (cached && Date.now() - cached.loadedAt < FRESHNESS_MS) return cached.ids;
    const ids = await this.scripts.favouriteScriptIds(viewer.corpId, viewer.userid);
    this.favourites.set(key, { loadedAt: Date.now(), ids });
    return ids;
  }

  async create(editor: ScriptEditor, input: SaveScriptInput): Promise<ScriptView> {
    this.requireMayEdit(editor, input.scope, editor.userid);
    await this.requireCategory(editor, input.categoryId, input.scope);
    await this.validateContent(editor.corpId, input.content);
    const now = this.now();
    const created = await this.scripts.create({
      corpId: editor.corpId,
      scope: input.scope,
      ...(input.scope === 'personal' ? { ownerUserid: editor.userid } : {}),
      categoryId: input.categoryId,
      title: input.title,
      content: input.content,
      keywords: input.keywords,
      stages: input.stages,
      tagIds: input.tagIds,
      usageCount: 0,
      version: 1,
      createdBy: editor.userid,
      updatedBy: editor.userid,
      createdAt: now,
      updatedAt: now,
    });
    await this.indexed(editor.corpId, created);
    return toScriptView(created, false);
  }

  async update(editor: ScriptEditor, scriptId: string, input: UpdateScriptInput): Promise<ScriptView> {
    const current = await this.requireEditable(editor, scriptId);
    await this.requireCategory(editor, input.categoryId, current.scope);
    await this.validateContent(editor.corpId, input.content);
    const { expectedVersion, ...fields } = input;
    const updated = await this.scripts.updateAtVersion(editor.corpId, scriptId, expectedVersion, { ...fields, updatedBy: editor.userid, updatedAt: this.now() });
    if (!updated) throw new AppError('CONFLICT', '这条话术刚被其他人修改过，请刷新后再改', [{ field: 'body.expectedVersion', issue: `当前版本为 ${current.version}` }]);
    await this.indexed(editor.corpId, updated);
    return toScriptView(updated, (await this.scripts.favouriteScriptIds(editor.corpId, editor.userid)).has(scriptId));
  }

  async retire(editor: ScriptEditor, scriptId: string): Promise<ScriptView> {
    const current = await this.requireEditable(editor, scriptId);
    if (current.retiredAt) return toScriptView(current, false);
    const retired = await this.scripts.updateAtVersion(editor.corpId, scriptId, current.version, { retiredAt: this.now(), updatedBy: editor.userid, updatedAt: this.now() });
    if (!retired) throw new AppError('CONFLICT', '这条话术刚被其他人修改过，请刷新后再试');
    await this.indexed(editor.corpId, retired);
    return toScriptView(retired, false);
  }

  async findOne(viewer: ScriptEditor, scriptId: string): Promise<ScriptView> {
    const script = await this.findVisible(viewer, scriptId);
    return toScriptView(script, (await this.scripts.favouriteScriptIds(viewer.corpId, viewer.userid)).has(scriptId));
  }

  async setFavourite(viewer: ScriptEditor, scriptId: string, favourite: boolean): Promise<ScriptView> {
    const script = await this.findVisible(viewer, scriptId);
    await this.scripts.setFavourite(viewer.corpId, viewer.userid, scriptId, favourite);
    this.favourites.delete(`${viewer.corpId}:${viewer.userid}`);
    return toScriptView(script, favourite);
  }

  /** Counts a send that WeCom confirmed (usage ranks search results and recommendations). */
  async recordUse(corpId: string, scriptId: string): Promise<void> {
    await this.scripts.incrementUsage(corpId, scriptId);
    const cached = this.indexes.get(corpId)?.index.get(scriptId);
    if (cached) cached.usageCount += 1;
  }

  async listCategories(viewer: ScriptEditor): Promise<ScriptCategory[]> {
    return (await this.scripts.listCategories(viewer.corpId))
      .filter((category) => category.scope === 'shared' || category.ownerUserid === viewer.userid)
      .map(toCategoryView);
  }

  async createCategory(editor: ScriptEditor, input: ReturnType<typeof SaveScriptCategoryRequest.parse>): Promise<ScriptCategory> {
    this.requireMayEdit(editor, input.scope, editor.userid);
    if (input.parentId) await this.requireParent(editor, input.parentId, input.scope);
    const created = await this.scripts.createCategory({
      corpId: editor.corpId,
      scope: input.scope,
      ...(input.scope === 'personal' ? { ownerUserid: editor.userid } : {}),
      name: input.name,
      parentId: input.parentId,
      order: input.order,
      createdAt: this.now(),
    });
    return toCategoryView(created);
  }

  async updateCategory(editor: ScriptEditor, categoryId: string, input: ReturnType<typeof SaveScriptCategoryRequest.parse>): Promise<ScriptCategory> {
    const current = await this.requireEditableCategory(editor, categoryId);
    if (input.scope !== current.scope) throw new AppError('VALIDATION_FAILED', '分类的范围不能修改', [{ field: 'body.scope', issue: `应为 ${current.scope}` }]);
    if (input.parentId) {
      if (input.parentId === categoryId) throw new AppError('VALIDATION_FAILED', '分类不能放在自己下面', [{ field: 'body.parentId', issue: '不能是自己' }]);
      const children = (await this.scripts.listCategories(editor.corpId)).filter((category) => category.parentId === categoryId);
      if (children.length) throw new AppError('VALIDATION_FAILED', '含有子分类的分类不能再放到其他分类下（分类只有两级）', [{ field: 'body.parentId', issue: '只支持两级分类' }]);
      await this.requireParent(editor, input.parentId, current.scope);
    }
    const updated = await this.scripts.updateCategory(editor.corpId, categoryId, { name: input.name, parentId: input.parentId, order: input.order });
    return toCategoryView(updated!);
  }

  async retireCategory(editor: ScriptEditor, categoryId: string): Promise<ScriptCategory> {
    await this.requireEditableCategory(editor, categoryId);
    const ids = await this.categoryWithChildren(editor.corpId, categoryId);
    const inUse = (await this.indexFor(editor.corpId)).all().filter((script) => !script.retiredAt && ids.has(script.categoryId)).length;
    if (inUse) throw new AppError('CONFLICT', `该分类下还有 ${inUse} 条话术，请先移走或下架`, [{ field: 'params.categoryId', issue: `${inUse} 条话术` }]);
    for (const id of ids) await this.scripts.updateCategory(editor.corpId, id, { retiredAt: this.now() });
    return toCategoryView((await this.scripts.findCategory(editor.corpId, categoryId))!);
  }

  private async findVisible(viewer: ScriptEditor, scriptId: string): Promise<ScriptRecord> {
    const script = await this.scripts.findById(viewer.corpId, scriptId);
    if (!script || (script.scope === 'personal' && script.ownerUserid !== viewer.userid)) throw new AppError('NOT_FOUND', '话术不存在');
    return script;
  }

  private async requireEditable(editor: ScriptEditor, scriptId: string): Promise<ScriptRecord> {
    const script = await this.findVisible(editor, scriptId);
    this.requireMayEdit(editor, script.scope, script.ownerUserid);
    return script;
  }

  private requireMayEdit(editor: ScriptEditor, scope: ScriptScope, ownerUserid: string | undefined): void {
    if (scope === 'shared' && editor.role !== 'admin') throw new AppError('FORBIDDEN', '公共话术只能由管理员维护');
    if (scope === 'personal' && ownerUserid !== editor.userid) throw new AppError('FORBIDDEN', '只能修改自己的个人话术');
  }

  private async requireEditableCategory(editor: ScriptEditor, categoryId: string): Promise<ScriptCategoryRecord> {
    const category = await this.scripts.findCategory(editor.corpId, categoryId);
    if (!category || category.retiredAt || (category.scope === 'personal' && category.ownerUserid !== editor.userid)) throw new AppError('NOT_FOUND', '分类不存在');
    this.requireMayEdit(editor, category.scope, category.ownerUserid);
    return category;
  }

  private async requireCategory(editor: ScriptEditor, categoryId: string, scope: ScriptScope): Promise<void> {
    const category = await this.scripts.findCategory(editor.corpId, categoryId);
    const usable = category && !category.retiredAt && category.scope === scope && (scope === 'shared' || category.ownerUserid === editor.userid);
    if (!usable) throw new AppError('VALIDATION_FAILED', scope === 'shared' ? '请选择一个公共分类' : '请选择一个自己的分类', [{ field: 'body.categoryId', issue: '分类不存在或不可用' }]);
  }

  private async requireParent(editor: ScriptEditor, parentId: string, scope: ScriptScope): Promise<void> {
    const parent = await this.scripts.findCategory(editor.corpId, parentId);
    if (!parent || parent.retiredAt || parent.scope !== scope || (scope === 'personal' && parent.ownerUserid !== editor.userid)) {
      throw new AppError('VALIDATION_FAILED', '上级分类不存在', [{ field: 'body.parentId', issue: '分类不存在' }]);
    }
    if (parent.parentId) throw new AppError('VALIDATION_FAILED', '分类只支持两级', [{ field: 'body.parentId', issue: '上级分类本身是子分类' }]);
  }

  private async categoryWithChildren(corpId: string, categoryId: string): Promise<Set<string>> {
    const categories = await this.scripts.listCategories(corpId);
    return new Set([categoryId, ...categories.filter((category) => category.parentId === categoryId).map((category) => category.id)]);
  }

  /** Unknown variables and missing or mistyped assets are refused before anything is saved. */
  private async validateContent(corpId: string, content: ScriptContent): Promise<void> {
    const texts: [string, string][] =
      content.type === 'text'
        ? [['body.content.text', content.text]]
        : content.type === 'link'
          ? [['body.content.title', content.title], ['body.content.desc', content.desc]]
          : content.type === 'miniprogram'
            ? [['body.content.title', content.title]]
            : [];
    const problems = texts.flatMap(([field, text]) => {
      const unknown = unknownVariables(text);
      return unknown.length ? [{ field, issue: `未知变量：${unknown.map((name) => `{{${name}}}`).join('、')}` }] : [];
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', '话术中有不认识的变量，请从变量列表中选择', problems);
    if (content.type === 'image') await this.assets.requireAsset(corpId, content.assetId, 'body.content.assetId', 'image');
    if (content.type === 'file') await this.assets.requireAsset(corpId, content.assetId, 'body.content.assetId', 'file');
    if (content.type === 'link' && content.imageAssetId) await this.assets.requireAsset(corpId, content.imageAssetId, 'body.content.imageAssetId', 'image');
    if (content.type === 'miniprogram') await this.assets.requireAsset(corpId, content.imageAssetId, 'body.content.imageAssetId', 'image');
  }

  /** The corp's index, reloaded when another instance (or a crash-restarted one) wrote since it was built. */
  private async indexFor(corpId: string): Promise<ScriptSearchIndex> {
    const cached = this.indexes.get(corpId);
    if (cached && Date.now() - cached.checkedAt < FRESHNESS_MS) return cached.index;
    const revision = await this.scripts.revision(corpId);
    if (cached && cached.revision === revision) {
      cached.checkedAt = Date.now();
      return cached.index;
    }
    const index = new ScriptSearchIndex(await this.scripts.listForCorp(corpId));
    this.indexes.set(corpId, { revision, checkedAt: Date.now(), index });
    return index;
  }

  /** Announces a write to every instance; this one patches its index instead of reloading when it was current. */
  private async indexed(corpId: string, record: ScriptRecord): Promise<void> {
    const revision = await this.scripts.bumpRevision(corpId);
    const cached = this.indexes.get(corpId);
    if (cached && cached.revision === revision - 1) {
      cached.index.upsert(record);
      cached.revision = revision;
    } else {
      this.indexes.delete(corpId);
    }
  }
}

export function toScriptView(record: ScriptRecord, favourite: boolean): ScriptView {
  return {
    id: record.id,
    scope: record.scope,
    categoryId: record.categoryId,
    title: record.title,
    content: record.content,
    keywords: record.keywords,
    stages: record.stages,
    tagIds: record.tagIds,
    usageCount: record.usageCount,
    favourite,
    ...(record.ownerUserid ? { ownerUserid: record.ownerUserid } : {}),
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
    retired: Boolean(record.retiredAt),
  };
}

function toCategoryView(record: ScriptCategoryRecord): ScriptCategory {
  return { id: record.id, name: record.name, scope: record.scope, parentId: record.parentId, order: record.order };
}
