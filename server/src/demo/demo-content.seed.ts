import type { StaffRole } from '@zhike/shared/auth';
import type { AssetService } from '../modules/assets';
import type { PosterService } from '../modules/posters';
import type { ScriptService } from '../modules/scripts';
import { brochurePdf, drawPosterBackground, drawProductImage } from './demo-artwork';

interface DemoEditor {
  corpId: string;
  userid: string;
  role: StaffRole;
}

/**
 * The demo's script library and poster: categories of each kind, every script type, variables, and a
 * 双11 poster. Seeded once (a library that already has categories is left alone).
 */
export async function seedDemoContent(services: { scripts: ScriptService; posters: PosterService; assets: AssetService }, editor: DemoEditor): Promise<{ scripts: number; posters: number }> {
  if ((await services.scripts.listCategories(editor)).length) return { scripts: 0, posters: 0 };
  const upload = async (filename: string, contentType: string, bytes: Buffer) =>
    (await services.assets.upload({ corpId: editor.corpId, uploadedBy: editor.userid, filename, contentType, bytes })).id;
  const category = async (name: string, parentId: string | null = null) => (await services.scripts.createCategory(editor, { scope: 'shared', name, parentId, order: 0 })).id;

  const opening = await category('开场与跟进');
  const products = await category('产品介绍');
  const skincare = await category('护肤系列', products);
  const fragrance = await category('香氛系列', products);
  const promotion = await category('活动促销');
  const serum = await upload('精华套装.png', 'image/png', await drawProductImage('精华护肤套装', '28 天焕亮肌肤', ['#f7b2a5', '#e86a6a']));
  const perfume = await upload('晨露香氛.png', 'image/png', await drawProductImage('晨露香氛', '清新木质调', ['#a8d8ea', '#5b8def']));
  const brochure = await upload('2026 护肤手册.pdf', 'application/pdf', brochurePdf());

  const scripts: Parameters<ScriptService['create']>[1][] = [
    { scope: 'shared', categoryId: opening, title: '首次问候', content: { type: 'text', text: '{{客户称呼}}您好，我是{{销售职位|品牌顾问}}{{销售姓名}}，之后您的护肤问题都可以找我～' }, keywords: ['问候', '开场'], stages: ['new'], tagIds: [] },
    { scope: 'shared', categoryId: opening, title: '到店邀约', content: { type: 'text', text: '{{客户称呼}}，这周末门店有新品体验，{{今天}}起可预约，帮您留个位置？' }, keywords: ['邀约', '到店'], stages: ['contacted', 'interested'], tagIds: [] },
    { scope: 'shared', categoryId: skincare, title: '精华套装介绍', content: { type: 'link', url: 'https://www.example.com/products/serum-set', title: '{{客户称呼}}，精华护肤套装了解一下', desc: '28 天焕亮肌肤，老客专享价', imageAssetId: serum }, keywords: ['精华', '护肤'], stages: ['interested'], tagIds: ['et_product_skincare'] },
    { scope: 'shared', categoryId: skincare, title: '精华套装实拍', content: { type: 'image', assetId: serum }, keywords: ['精华', '图片'], stages: [], tagIds: ['et_product_skincare'] },
    { scope: 'shared', categoryId: skincare, title: '护肤手册 PDF', content: { type: 'file', assetId: brochure }, keywords: ['手册', '资料'], stages: ['contacted'], tagIds: [] },
    { scope: 'shared', categoryId: fragrance, title: '晨露香氛小程序', content: { type: 'miniprogram', title: '晨露香氛 · 新品首发', page: 'pages/index/index', imageAssetId: perfume }, keywords: ['香氛', '新品'], stages: ['interested'], tagIds: ['et_product_fragrance'] },
    { scope: 'shared', categoryId: promotion, title: '双11 预告', content: { type: 'text', text: '{{客户称呼}}，双11 老客专享：满 500 减 80，{{销售姓名}}可以帮您提前锁价。' }, keywords: ['双11', '优惠'], stages: ['interested', 'won'], tagIds: ['et_level_a'] },
    { scope: 'shared', categoryId: promotion, title: '复购关怀', content: { type: 'text', text: '{{客户称呼}}，上次的精华用得怎么样？快用完的话我给您留一套老客价的。' }, keywords: ['复购', '回访'], stages: ['won', 'repeat'], tagIds: ['et_purchase_yes'] },
  ];
  for (const script of scripts) await services.scripts.create(editor, script);

  await services.posters.createTemplate(editor, {
    name: '双11 邀请函',
    campaign: '双11',
    width: 750,
    height: 1200,
    backgroundAssetId: await upload('双11 背景.png', 'image/png', await drawPosterBackground()),
    qrPage: 'pages/index/index',
    scanValidDays: 90,
    layers: [
      { type: 'text', text: '双11 老客专享', x: 375, y: 120, fontSize: 64, color: '#ffffff', align: 'center', bold: true },
      { type: 'text', text: '{{客户称呼}}，{{销售姓名}}为您预留了专属优惠', x: 375, y: 230, fontSize: 30, color: '#7a2e2e', align: 'center', bold: false, maxWidth: 620 },
      { type: 'image', source: 'asset', assetId: serum, x: 135, y: 330, width: 480, height: 360, shape: 'square' },
      { type: 'image', source: 'salesperson_avatar', x: 80, y: 920, width: 120, height: 120, shape: 'circle' },
      { type: 'text', text: '{{销售姓名}}', x: 80, y: 1060, fontSize: 30, color: '#333333', align: 'left', bold: true },
      { type: 'text', text: '长按识别小程序码\n领取专属优惠', x: 230, y: 960, fontSize: 26, color: '#555555', align: 'left', bold: false },
      { type: 'qr', x: 480, y: 890, size: 200 },
    ],
  });
  return { scripts: scripts.length, posters: 1 };
}
