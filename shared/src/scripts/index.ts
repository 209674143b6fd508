import { z } from 'zod';
import { RequestId } from '../timeline';

/**
 * Variables a script may use, written `{{客户称呼}}` or with a fallback `{{客户称呼|朋友}}`. A value that is
 * unknown for this customer is replaced by the fallback, else by the variable's default below; `\{{` writes
 * a literal `{{`.
 */
export const SCRIPT_VARIABLES = {
  客户称呼: { description: '备注名，没有时用微信昵称', defaultFallback: '您' },
  客户昵称: { description: '客户的微信昵称', defaultFallback: '' },
  销售姓名: { description: '发送者的姓名', defaultFallback: '' },
  销售职位: { description: '发送者的职位', defaultFallback: '' },
  今天: { description: '发送当天的日期，如 11月25日', defaultFallback: '' },
} as const satisfies Record<string, { description: string; defaultFallback: string }>;
export type ScriptVariable = keyof typeof SCRIPT_VARIABLES;

export const ScriptScope = z.enum(['shared', 'personal']).describe('shared: managed by admins, seen by everyone; personal: one salesperson’s own');
export type ScriptScope = z.infer<typeof ScriptScope>;

export const ScriptType = z.enum(['text', 'image', 'link', 'miniprogram', 'file']);
export type ScriptType = z.infer<typeof ScriptType>;

export const SCRIPT_TYPE_LABELS: Record<ScriptType, string> = {
  text: '文本',
  image: '图片',
  link: '链接',
  miniprogram: '小程序',
  file: '文件',
};

export const AssetId = z.string().regex(/^[a-f0-9]{24}$/, '素材 ID 格式不正确').describe('An uploaded asset (image or file)');
const Title = z.string().trim().min(1, '标题不能为空').max(64, '标题最多 64 字');

/** What a script sends; text fields may hold variables. */
export const ScriptContent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string().trim().min(1, '内容不能为空').max(2000, '内容最多 2000 字') }),
  z.strictObject({ type: z.literal('image'), assetId: AssetId }),
  z.strictObject({
    type: z.literal('link'),
    url: z.url({ protocol: /^https?$/, error: '请填写 http(s) 开头的链接' }).max(1000),
    title: Title,
    desc: z.string().trim().max(128, '摘要最多 128 字').default(''),
    imageAssetId: AssetId.optional(),
  }),
  z.strictObject({
    type: z.literal('miniprogram'),
    title: Title,
    /** A page of our mini-program, without the leading slash or query: `pages/index/index`. */
    page: z.string().regex(/^pages\/[A-Za-z0-9_/-]+$/, '请填写小程序页面路径，如 pages/index/index'),
    imageAssetId: AssetId,
  }),
  z.strictObject({ type: z.literal('file'), assetId: AssetId }),
]);
export type ScriptContent = z.infer<typeof ScriptContent>;

export const ScriptCategory = z.object({
  id: z.string(),
  name: z.string(),
  scope: ScriptScope,
  /** Categories nest one level: a sub-category names its parent. */
  parentId: z.string().nullable(),
  order: z.number().int(),
});
export type ScriptCategory = z.infer<typeof ScriptCategory>;

export const ScriptView = z
  .object({
    id: z.string(),
    scope: ScriptScope,
    categoryId: z.string(),
    title: z.string(),
    content: ScriptContent,
    keywords: z.array(z.string()),
    /** Pipeline stages and tags the script suits; they feed the recommendations. */
    stages: z.array(z.string()),
    tagIds: z.array(z.string()),
    usageCount: z.number().int(),
    favourite: z.boolean(),
    ownerUserid: z.string().optional(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
    retired: z.boolean(),
  })
  .meta({ id: 'Script' });
export type ScriptView = z.infer<typeof ScriptView>;

const IdList = z.array(z.string().min(1).max(64)).max(20).default([]);

export const SaveScriptRequest = z.strictObject({
  scope: ScriptScope,
  categoryId: z.string().regex(/^[a-f0-9]{24}$/, '请选择分类'),
  title: Title,
  content: ScriptContent,
  keywords: z.array(z.string().trim().min(1).max(20)).max(10, '关键词最多 10 个').default([]),
  stages: IdList,
  tagIds: IdList,
});
export type SaveScriptRequest = z.input<typeof SaveScriptRequest>;

export const UpdateScriptRequest = SaveScriptRequest.omit({ scope: true }).extend({
  /** The version the editor loaded: saving over a colleague's newer edit is refused (409). */
  expectedVersion: z.number().int().min(1),
});
export type UpdateScriptRequest = z.input<typeof UpdateScriptRequest>;

export const SaveScriptCategoryRequest = z.strictObject({
  scope: ScriptScope,
  name: z.string().trim().min(1, '名称不能为空').max(20, '名称最多 20 字'),
  parentId: z.string().regex(/^[a-f0-9]{24}$/).nullable().default(null),
  order: z.number().int().min(0).max(9999).default(0),
});
export type SaveScriptCategoryRequest = z.input<typeof SaveScriptCategoryRequest>;

export const ScriptIdParams = z.strictObject({ scriptId: z.string().regex(/^[a-f0-9]{24}$/, '话术 ID 格式不正确') });
export const CategoryIdParams = z.strictObject({ categoryId: z.string().regex(/^[a-f0-9]{24}$/, '分类 ID 格式不正确') });

export const SearchScriptsQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  categoryId: z.string().regex(/^[a-f0-9]{24}$/).optional(),
  type: ScriptType.optional(),
  scope: ScriptScope.optional(),
  favourites: z.stringbool().optional(),
  includeRetired: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SearchScriptsQuery = z.input<typeof SearchScriptsQuery>;

export const ScriptSearchResponse = z.object({ items: z.array(ScriptView), total: z.number().int() }).meta({ id: 'ScriptSearchResponse' });
export type ScriptSearchResponse = z.infer<typeof ScriptSearchResponse>;

export const ScriptCategoriesResponse = z.object({ categories: z.array(ScriptCategory) }).meta({ id: 'ScriptCategoriesResponse' });
export type ScriptCategoriesResponse = z.infer<typeof ScriptCategoriesResponse>;

export const ScriptResponse = z.object({ script: ScriptView }).meta({ id: 'ScriptResponse' });
export type ScriptResponse = z.infer<typeof ScriptResponse>;

export const ScriptCategoryResponse = z.object({ category: ScriptCategory }).meta({ id: 'ScriptCategoryResponse' });

export const RecommendedScript = z.object({
  script: ScriptView,
  /** One line in Chinese: why this one, e.g. "意向阶段 · 浏览过《产品手册》". */
  reason: z.string(),
});
export type RecommendedScript = z.infer<typeof RecommendedScript>;

export const RecommendedScriptsResponse = z.object({ items: z.array(RecommendedScript) }).meta({ id: 'RecommendedScriptsResponse' });
export type RecommendedScriptsResponse = z.infer<typeof RecommendedScriptsResponse>;

export const FavouriteRequest = z.strictObject({ favourite: z.boolean(), requestId: RequestId.optional() });
