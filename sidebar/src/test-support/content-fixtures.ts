import type { PreparedContentSend } from '@zhike/shared/content';
import type { PosterTemplateView } from '@zhike/shared/posters';
import type { ScriptCategory, ScriptView } from '@zhike/shared/scripts';

export const CONTENT_EXTERNAL_USERID = 'wmWANG0001';
export const RECOMMENDED_PATH = `/api/customers/by-external-userid/${CONTENT_EXTERNAL_USERID}/recommended-scripts`;
export const SEND_PATH = '/api/content/sends';
export const outcomePath = (sendId: string) => `/api/content/sends/${sendId}/outcome`;
export const posterPath = (templateId: string) => `/api/customers/by-external-userid/${CONTENT_EXTERNAL_USERID}/posters/${templateId}`;

const id = (n: number) => n.toString(16).padStart(24, '0');
const UPDATED = '2026-05-20T02:00:00.000Z';

export const CATEGORY_GREETING: ScriptCategory = { id: id(0xc1), name: '开场白', scope: 'shared', parentId: null, order: 1 };
export const CATEGORY_PRODUCT: ScriptCategory = { id: id(0xc2), name: '产品介绍', scope: 'shared', parentId: null, order: 2 };
export const CATEGORY_PRICE: ScriptCategory = { id: id(0xc3), name: '报价', scope: 'shared', parentId: CATEGORY_PRODUCT.id, order: 1 };
export const CATEGORY_CASES: ScriptCategory = { id: id(0xc4), name: '案例', scope: 'shared', parentId: CATEGORY_PRODUCT.id, order: 2 };
export const CATEGORY_MINE: ScriptCategory = { id: id(0xc5), name: '我的话术', scope: 'personal', parentId: null, order: 0 };
export const SCRIPT_CATEGORIES: ScriptCategory[] = [CATEGORY_CASES, CATEGORY_MINE, CATEGORY_PRICE, CATEGORY_PRODUCT, CATEGORY_GREETING];

function script(n: number, overrides: Partial<ScriptView> & Pick<ScriptView, 'title' | 'content'>): ScriptView {
  return {
    id: id(n),
    scope: 'shared',
    categoryId: CATEGORY_GREETING.id,
    keywords: [],
    stages: [],
    tagIds: [],
    usageCount: 0,
    favourite: false,
    version: 1,
    updatedAt: UPDATED,
    retired: false,
    ...overrides,
  };
}

export const SCRIPT_HELLO = script(0x51, { title: '首次问候', content: { type: 'text', text: '{{客户称呼}}您好，我是{{销售姓名}}，有问题随时找我。' }, usageCount: 12 });
export const SCRIPT_BROCHURE = script(0x52, {
  title: '产品手册',
  categoryId: CATEGORY_PRODUCT.id,
  content: { type: 'link', url: 'https://zhike.example.com/brochure', title: '知客产品手册', desc: '三分钟看懂知客' },
  favourite: true,
});
export const SCRIPT_MINIPROGRAM = script(0x53, {
  title: '新品小程序',
  categoryId: CATEGORY_PRODUCT.id,
  content: { type: 'miniprogram', title: '春季新品', page: 'pages/product/detail', imageAssetId: id(0xa1) },
});
export const SCRIPT_PRICE_SHEET = script(0x54, { title: '报价单', categoryId: CATEGORY_PRICE.id, content: { type: 'file', assetId: id(0xa2) } });
export const SCRIPT_QR = script(0x55, { title: '我的名片', scope: 'personal', categoryId: CATEGORY_MINE.id, content: { type: 'image', assetId: id(0xa3) }, ownerUserid: 'lina' });
export const ALL_SCRIPTS = [SCRIPT_HELLO, SCRIPT_BROCHURE, SCRIPT_MINIPROGRAM, SCRIPT_PRICE_SHEET, SCRIPT_QR];

export const RECOMMENDED = [
  { script: SCRIPT_BROCHURE, reason: '意向阶段 · 浏览过《知客产品手册》' },
  { script: SCRIPT_HELLO, reason: '新客户 · 还没有发过消息' },
];

export const POSTER_SPRING: PosterTemplateView = {
  id: id(0xb1),
  name: '春季新品',
  campaign: '春季上新',
  width: 750,
  height: 1334,
  backgroundAssetId: id(0xa4),
  qrPage: 'pages/index/index',
  scanValidDays: 90,
  layers: [{ type: 'qr', x: 275, y: 1000, size: 200 }],
  version: 2,
  retired: false,
  updatedAt: UPDATED,
};
export const POSTER_INVITE: PosterTemplateView = { ...POSTER_SPRING, id: id(0xb2), name: '老带新邀请', campaign: '' };
export const POSTER_RETIRED: PosterTemplateView = { ...POSTER_SPRING, id: id(0xb3), name: '去年双11', retired: true };

export const SEND_ID = id(0xe1);

export function preparedText(content: string, missingVariables: string[] = []): PreparedContentSend {
  return { sendId: SEND_ID, status: 'prepared', title: SCRIPT_HELLO.title, message: { msgtype: 'text', text: { content } }, missingVariables };
}

export const PREPARED_POSTER: PreparedContentSend = {
  sendId: SEND_ID,
  status: 'prepared',
  title: POSTER_SPRING.name,
  message: { msgtype: 'image', image: { mediaid: 'MEDIA_poster_0001' } },
  missingVariables: [],
};
