import type { StaffProfile } from '@zhike/shared/auth';
import type { AssetView, ContentStatsRow } from '@zhike/shared/content';
import type { PosterTemplateView } from '@zhike/shared/posters';
import type { ScriptCategory, ScriptView } from '@zhike/shared/scripts';

export const ADMIN_CHEN: StaffProfile = { id: '665f1c2e9b1d8a0012340001', corpId: 'wwdemo0001', userid: 'chenjing', name: '陈静', role: 'admin', departmentIds: [1] };

export const CATEGORY_OPENING: ScriptCategory = { id: 'a00000000000000000000001', name: '开场白', scope: 'shared', parentId: null, order: 0 };
export const CATEGORY_PRODUCTS: ScriptCategory = { id: 'a00000000000000000000002', name: '产品介绍', scope: 'shared', parentId: null, order: 1 };
export const CATEGORY_PRODUCT_PDF: ScriptCategory = { id: 'a00000000000000000000003', name: '产品手册', scope: 'shared', parentId: CATEGORY_PRODUCTS.id, order: 0 };
export const CATEGORIES = [CATEGORY_PRODUCTS, CATEGORY_PRODUCT_PDF, CATEGORY_OPENING];

export const GREETING: ScriptView = {
  id: 'b00000000000000000000001',
  scope: 'shared',
  categoryId: CATEGORY_OPENING.id,
  title: '首次问候',
  content: { type: 'text', text: '{{客户称呼}}您好，我是{{销售姓名}}' },
  keywords: ['问候'],
  stages: ['new'],
  tagIds: [],
  usageCount: 12,
  favourite: false,
  version: 3,
  updatedAt: '2026-05-20T02:30:00.000Z',
  retired: false,
};

export const SPRING_POSTER: PosterTemplateView = {
  id: 'c00000000000000000000001',
  name: '春季新品',
  campaign: '春季上新',
  width: 750,
  height: 1334,
  backgroundAssetId: 'd00000000000000000000001',
  qrPage: 'pages/index/index',
  scanValidDays: 90,
  layers: [
    { type: 'text', text: '{{客户称呼}}，送你一份好礼', x: 60, y: 120, fontSize: 36, color: '#333333', align: 'left', bold: true },
    { type: 'image', source: 'salesperson_avatar', x: 60, y: 1100, width: 120, height: 120, shape: 'circle' },
    { type: 'text', text: '{{销售姓名}} 为你推荐', x: 200, y: 1130, fontSize: 28, color: '#666666', align: 'left', bold: false },
    { type: 'qr', x: 490, y: 1034, size: 200 },
  ],
  version: 2,
  retired: false,
  updatedAt: '2026-05-18T08:00:00.000Z',
};

export const UPLOADED_IMAGE: AssetView = { id: 'd00000000000000000000009', filename: 'cover.png', contentType: 'image/png', size: 20480, width: 500, height: 400, url: '/api/assets/d00000000000000000000009' };

export function statsRow(row: Partial<ContentStatsRow> & Pick<ContentStatsRow, 'contentId' | 'title'>): ContentStatsRow {
  return { kind: 'script', sends: 0, opens: 0, uniqueOpens: 0, sendsOpened: 0, openRate: 0, scans: 0, contactsAdded: 0, orders: 0, revenueFen: 0, ...row };
}
