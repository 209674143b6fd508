import { z } from 'zod';
import { AssetId } from '../scripts';

const Coordinate = z.number().int().min(0).max(2500);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, '颜色格式为 #RRGGBB');

/** Drawn in order, later layers on top. Text may hold the script variables ({{客户称呼}} …). */
export const PosterLayer = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string().trim().min(1, '文字不能为空').max(200, '文字最多 200 字'),
    x: Coordinate,
    y: Coordinate,
    fontSize: z.number().int().min(12, '字号至少 12').max(160, '字号最多 160'),
    color: Colour.default('#333333'),
    align: z.enum(['left', 'center', 'right']).default('left'),
    bold: z.boolean().default(false),
    /** Wider text is wrapped onto further lines. */
    maxWidth: z.number().int().min(20).max(2500).optional(),
  }),
  z.strictObject({
    type: z.literal('image'),
    source: z.enum(['salesperson_avatar', 'customer_avatar', 'asset']),
    assetId: AssetId.optional(),
    x: Coordinate,
    y: Coordinate,
    width: z.number().int().min(8).max(2500),
    height: z.number().int().min(8).max(2500),
    shape: z.enum(['square', 'circle']).default('square'),
  }),
  z.strictObject({
    type: z.literal('qr'),
    x: Coordinate,
    y: Coordinate,
    size: z.number().int().min(80, '二维码至少 80 像素').max(1280),
  }),
]);
export type PosterLayer = z.infer<typeof PosterLayer>;

export const PosterTemplateFields = z.strictObject({
  name: z.string().trim().min(1, '名称不能为空').max(30, '名称最多 30 字'),
  /** Scans are counted per campaign too (e.g. "双11"). */
  campaign: z.string().trim().max(30).default(''),
  width: z.number().int().min(200, '宽度至少 200').max(1500, '宽度最多 1500'),
  height: z.number().int().min(200, '高度至少 200').max(2500, '高度最多 2500'),
  backgroundAssetId: AssetId,
  /** Where the mini-program code leads (no leading slash, no query). */
  qrPage: z.string().regex(/^pages\/[A-Za-z0-9_/-]+$/, '请填写小程序页面路径，如 pages/index/index').default('pages/index/index'),
  /** How long a personalised code keeps resolving after it is made. */
  scanValidDays: z.number().int().min(1).max(365).default(90),
  layers: z.array(PosterLayer).min(1, '至少需要一个图层').max(20, '图层最多 20 个'),
});
export type PosterTemplateFields = z.input<typeof PosterTemplateFields>;

export const SavePosterTemplateRequest = PosterTemplateFields;
export const UpdatePosterTemplateRequest = PosterTemplateFields.extend({ expectedVersion: z.number().int().min(1) });
export type UpdatePosterTemplateRequest = z.input<typeof UpdatePosterTemplateRequest>;

export const PosterTemplateView = z
  .object({
    id: z.string(),
    name: z.string(),
    campaign: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    backgroundAssetId: z.string(),
    qrPage: z.string(),
    scanValidDays: z.number().int(),
    layers: z.array(PosterLayer),
    version: z.number().int(),
    retired: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PosterTemplate' });
export type PosterTemplateView = z.infer<typeof PosterTemplateView>;

export const PosterTemplateIdParams = z.strictObject({ templateId: z.string().regex(/^[a-f0-9]{24}$/, '海报模板 ID 格式不正确') });
export const PosterTemplateResponse = z.object({ template: PosterTemplateView }).meta({ id: 'PosterTemplateResponse' });
export const PosterTemplatesResponse = z.object({ templates: z.array(PosterTemplateView) }).meta({ id: 'PosterTemplatesResponse' });
export type PosterTemplatesResponse = z.infer<typeof PosterTemplatesResponse>;
