import request from 'supertest';
import { seedDemoCatalog } from '../../demo/demo-catalog.seed';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { CatalogRepository } from './catalog.repository';

describe('the store catalogue', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp('catalog');
    const deps = { corpId: app.config.wecom.corpId, catalog: new CatalogRepository(app.connection), assets: app.services.assets, now: new Date('2026-11-25T04:00:00Z') };
    expect(await seedDemoCatalog(deps)).toEqual({ products: 4, articles: 2 });
    expect(await seedDemoCatalog(deps)).toEqual({ products: 0, articles: 0 });
  });
  afterAll(() => app.close());

  it('lists products on sale, featured first, with prices in fen and image addresses anyone can load', async () => {
    const response = await request(app.callback).get('/api/catalog/products');
    expect(response.status).toBe(200);
    expect(response.body.items.map((p: { name: string; priceFen: number }) => [p.name, p.priceFen])).toEqual([
      ['精华护肤套装', 39_900],
      ['晨露香氛', 29_900],
      ['水润保湿面膜', 12_900],
      ['修护手霜礼盒', 9_900],
    ]);
    const first = response.body.items[0];
    expect(first).toMatchObject({ originalPriceFen: 49_900, badges: ['热卖', '老客专享'], onSale: true });
    expect(first.skus.map((sku: { name: string; priceFen: number; stock: number }) => [sku.name, sku.priceFen, sku.stock])).toEqual([
      ['标准装', 39_900, 200],
      ['礼盒装', 45_900, 50],
    ]);
    const image = await request(app.callback).get(new URL(first.coverUrl).pathname);
    expect(image.headers['content-type']).toBe('image/png');
    const detail = await request(app.callback).get(`/api/catalog/products/${first.id}`);
    expect(detail.body.product.description[0]).toBe('精华 30ml + 面霜 50g，早晚两步焕亮。');
  });

  it('lists articles newest first, each naming the products it talks about', async () => {
    const response = await request(app.callback).get('/api/catalog/articles');
    expect(response.body.items.map((a: { title: string; publishedAt: string }) => [a.title, a.publishedAt])).toEqual([
      ['秋冬换季，护肤三步走', '2026-11-23T04:00:00.000Z'],
      ['送礼不踩雷：香氛与手霜怎么选', '2026-11-20T04:00:00.000Z'],
    ]);
    expect(response.body.items[0].productIds).toHaveLength(2);
  });

  it('answers 404 for an unknown product and 400 for a malformed id', async () => {
    expect((await request(app.callback).get('/api/catalog/products/0123456789abcdef01234567')).status).toBe(404);
    const malformed = await request(app.callback).get('/api/catalog/products/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('params.productId');
  });
});
