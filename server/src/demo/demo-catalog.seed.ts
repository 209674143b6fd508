import type { AssetService } from '../modules/assets';
import type { CatalogRepository } from '../modules/catalog';
import { drawProductImage } from './demo-artwork';

const DAY_MS = 24 * 60 * 60 * 1000;

const PRODUCTS = [
  { name: '精华护肤套装', subtitle: '28 天焕亮肌肤', colours: ['#f7b2a5', '#e86a6a'], priceFen: 39_900, originalPriceFen: 49_900, skus: [['标准装', 39_900, 200], ['礼盒装', 45_900, 50]], badges: ['热卖', '老客专享'], featuredRank: 30, description: ['精华 30ml + 面霜 50g，早晚两步焕亮。', '烟酰胺与积雪草复配，温和不刺激，敏感肌可用。', '不满意 7 天无理由退换。'] },
  { name: '晨露香氛', subtitle: '清新木质调 50ml', colours: ['#a8d8ea', '#5b8def'], priceFen: 29_900, skus: [['50ml', 29_900, 120], ['100ml', 49_900, 40]], badges: ['新品'], featuredRank: 20, description: ['前调佛手柑，中调白茶，后调雪松。', '留香 6–8 小时，通勤与约会皆宜。'] },
  { name: '水润保湿面膜', subtitle: '10 片装', colours: ['#c3f0ca', '#3fb27f'], priceFen: 12_900, originalPriceFen: 15_900, skus: [['10 片装', 12_900, 500]], badges: ['限时优惠'], featuredRank: 10, description: ['玻尿酸精华浸润，一片补水一整天。', '独立包装，出差旅行随身带。'] },
  { name: '修护手霜礼盒', subtitle: '三支装 · 节日礼赠', colours: ['#f9e0ae', '#e6a23c'], priceFen: 9_900, skus: [['三支装', 9_900, 300]], badges: ['送礼首选'], featuredRank: 5, description: ['乳木果油滋润不黏腻，三种香型。', '附赠手写贺卡，可代写祝福。'] },
] as const;

/** The demo store: four products (with their SKUs and stock) with drawn images, and two articles about them. Seeded once. */
export async function seedDemoCatalog(deps: { corpId: string; catalog: CatalogRepository; assets: AssetService; now?: Date }): Promise<{ products: number; articles: number }> {
  if (await deps.catalog.countProducts(deps.corpId)) return { products: 0, articles: 0 };
  const now = deps.now ?? new Date();
  const ids: string[] = [];
  for (const product of PRODUCTS) {
    const image = await deps.assets.upload({
      corpId: deps.corpId,
      uploadedBy: 'demo',
      filename: `${product.name}.png`,
      contentType: 'image/png',
      bytes: await drawProductImage(product.name, product.subtitle, [...product.colours]),
    });
    const { colours: _colours, skus, ...fields } = product;
    const created = await deps.catalog.createProduct({ corpId: deps.corpId, ...fields, badges: [...fields.badges], description: [...fields.description], coverAssetId: image.id, imageAssetIds: [image.id], onSale: true, createdAt: now, updatedAt: now });
    for (const [name, priceFen, stock] of skus) await deps.catalog.createSku({ corpId: deps.corpId, productId: created.id, name, priceFen, stock, onSale: true });
    ids.push(created.id);
  }
  const cover = async (title: string, colours: [string, string]) =>
    (await deps.assets.upload({ corpId: deps.corpId, uploadedBy: 'demo', filename: `${title}.png`, contentType: 'image/png', bytes: await drawProductImage(title, '知客优选 · 护肤课堂', colours) })).id;
  await deps.catalog.createArticle({
    corpId: deps.corpId,
    title: '秋冬换季，护肤三步走',
    summary: '干燥、泛红、暗沉？顾问教你三步稳住肌肤状态。',
    coverAssetId: await cover('换季护肤', ['#ffd1dc', '#ff8fab']),
    body: ['第一步：温和清洁，洗完脸不紧绷才是刚刚好。', '第二步：精华打底，烟酰胺提亮，积雪草舒缓。', '第三步：面霜锁水，干皮晚上可以厚涂当睡眠面膜。'],
    productIds: [ids[0]!, ids[2]!],
    publishedAt: new Date(now.getTime() - 2 * DAY_MS),
  });
  await deps.catalog.createArticle({
    corpId: deps.corpId,
    title: '送礼不踩雷：香氛与手霜怎么选',
    summary: '不知道对方喜好？这份清单照着买就对了。',
    coverAssetId: await cover('送礼指南', ['#d7c4f2', '#8f6ed5']),
    body: ['香氛选清新木质调，男女都合适。', '手霜礼盒实用不出错，附赠贺卡更有心意。'],
    productIds: [ids[1]!, ids[3]!],
    publishedAt: new Date(now.getTime() - 5 * DAY_MS),
  });
  return { products: PRODUCTS.length, articles: 2 };
}
