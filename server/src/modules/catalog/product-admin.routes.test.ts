import request from 'supertest';
import { samplePng } from '../../testing/sample-images';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

interface SkuBody {
  id?: string;
  name: string;
  priceFen: number;
  stock: number;
  onSale?: boolean;
}

describe('商品管理 (product admin routes)', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const as = (userid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
    post: (path: string, body: object) => request(app.callback).post(path).set('cookie', cookies[userid]!).send(body),
    put: (path: string, body: object) => request(app.callback).put(path).set('cookie', cookies[userid]!).send(body),
  });
  const upload = async (bytes: Buffer, type: string, filename: string): Promise<string> =>
    (await request(app.callback).put('/api/assets').query({ filename }).set('cookie', cookies.chenjing!).set('content-type', type).send(bytes)).body.asset.id;
  let cover: string;
  let detail: string;
  let pdf: string;

  const product = (skus: SkuBody[], extra: object = {}) => ({
    name: '山茶花精华',
    subtitle: '30ml',
    coverAssetId: cover,
    imageAssetIds: [detail],
    badges: ['新品'],
    description: ['第一段', '第二段'],
    featuredRank: 50,
    skus,
    ...extra,
  });

  beforeAll(async () => {
    app = await createTestApp('product-admin');
    await app.services.staff.syncDirectory();
    for (const userid of ['chenjing', 'lilei']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
    cover = await upload(await samplePng(64, 64, '#e86a6a'), 'image/png', 'cover.png');
    detail = await upload(await samplePng(64, 64, '#5b8def'), 'image/png', 'detail.png');
    pdf = await upload(Buffer.from('%PDF-1.4 manual'), 'application/pdf', 'manual.pdf');
  });
  afterAll(() => app.close());

  it('creates a product whose shown price is its cheapest SKU on sale, listed for admins and sold in the store', async () => {
    const created = await as('chenjing').post('/api/admin/products', product([{ name: '标准装', priceFen: 25_900, stock: 10 }, { name: '礼盒装', priceFen: 29_900, stock: 5 }], { originalPriceFen: 32_900 }));
    expect(created.status).toBe(201);
    expect(created.body.product).toMatchObject({ name: '山茶花精华', priceFen: 25_900, originalPriceFen: 32_900, coverAssetId: cover, imageAssetIds: [detail], featuredRank: 50, onSale: true });
    expect(created.body.product.coverUrl).toMatch(/^http:\/\/zhike\.test\/files\/[a-f0-9]{32}$/);
    expect(created.body.product.skus.map((sku: SkuBody) => [sku.name, sku.priceFen, sku.stock, sku.onSale])).toEqual([
      ['标准装', 25_900, 10, true],
      ['礼盒装', 29_900, 5, true],
    ]);

    const listed = await as('chenjing').get('/api/admin/products');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.product.id);
    const store = await request(app.callback).get('/api/catalog/products');
    expect(store.body.items.map((item: { name: string }) => item.name)).toContain('山茶花精华');
  });

  it('updates SKUs in place, adds new ones, and takes a SKU left out off sale instead of deleting it', async () => {
    const created = (await as('chenjing').post('/api/admin/products', product([{ name: '小样', priceFen: 4_900, stock: 30 }, { name: '正装', priceFen: 19_900, stock: 8 }], { originalPriceFen: 9_900 }))).body.product;
    const [sample, full] = created.skus as Required<SkuBody>[];

    const saved = await as('chenjing').put(`/api/admin/products/${created.id}`, product([{ id: full!.id, name: '正装 50ml', priceFen: 18_900, stock: 12 }, { name: '家庭装', priceFen: 29_900, stock: 3 }], { name: '山茶花精华（新版）' }));
    expect(saved.status).toBe(200);
    const skus = saved.body.product.skus as Required<SkuBody>[];
    expect(skus.map((sku) => [sku.id === full!.id ? 'same id' : sku.id === sample!.id ? 'sample' : 'new', sku.name, sku.priceFen, sku.stock, sku.onSale])).toEqual([
      ['sample', '小样', 4_900, 30, false],
      ['same id', '正装 50ml', 18_900, 12, true],
      ['new', '家庭装', 29_900, 3, true],
    ]);
    // The off-sale sample no longer sets the price; the crossed-out price was left out, so it is gone.
    expect(saved.body.product.priceFen).toBe(18_900);
    expect(saved.body.product).not.toHaveProperty('originalPriceFen');
    expect(saved.body.product.name).toBe('山茶花精华（新版）');
  });

  it('switches a product off sale without touching its stock; off-sale products stay in the admin list only', async () => {
    const created = (await as('chenjing').post('/api/admin/products', product([{ name: '单支', priceFen: 9_900, stock: 7 }], { name: '下架测试' }))).body.product;
    const off = await as('chenjing').put(`/api/admin/products/${created.id}/on-sale`, { onSale: false });
    expect(off.status).toBe(200);
    expect(off.body.product).toMatchObject({ onSale: false, skus: [{ name: '单支', stock: 7, onSale: true }] });
    expect((await request(app.callback).get('/api/catalog/products')).body.items.map((item: { name: string }) => item.name)).not.toContain('下架测试');
    const admin = (await as('chenjing').get('/api/admin/products')).body.items.find((item: { id: string }) => item.id === created.id);
    expect(admin.onSale).toBe(false);
  });

  it('answers 400 naming each bad field, and saves nothing', async () => {
    const before = (await as('chenjing').get('/api/admin/products')).body.items.length;
    const response = await as('chenjing').post(
      '/api/admin/products',
      product(
        [
          { name: '标准装', priceFen: 9_900, stock: 1 },
          { name: '标准装', priceFen: 12_900, stock: 1 },
        ],
        { coverAssetId: pdf, imageAssetIds: [detail, '0123456789abcdef01234567'], originalPriceFen: 5_000 },
      ),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: 'body.originalPriceFen', issue: '划线价不能低于最低售价 99.00 元' },
      { field: 'body.skus.1.name', issue: '规格名称重复' },
      { field: 'body.coverAssetId', issue: '素材类型为 application/pdf' },
      { field: 'body.imageAssetIds.1', issue: '素材不存在' },
    ]);
    const schema = await as('chenjing').post('/api/admin/products', product([{ name: '标准装', priceFen: 0, stock: -1 }]));
    expect(schema.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.skus.0.priceFen', 'body.skus.0.stock']);
    expect((await as('chenjing').get('/api/admin/products')).body.items).toHaveLength(before);
  });

  it('refuses a SKU id of another product, so an edit cannot move someone else’s SKU', async () => {
    const one = (await as('chenjing').post('/api/admin/products', product([{ name: 'A', priceFen: 100, stock: 1 }], { name: '甲' }))).body.product;
    const other = (await as('chenjing').post('/api/admin/products', product([{ name: 'B', priceFen: 200, stock: 1 }], { name: '乙' }))).body.product;
    const response = await as('chenjing').put(`/api/admin/products/${one.id}`, product([{ id: other.skus[0].id, name: 'B', priceFen: 1, stock: 99 }], { name: '甲' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.skus.0.id', issue: '规格不属于这个商品，请刷新后重试' }]);
    const untouched = (await request(app.callback).get(`/api/catalog/products/${other.id}`)).body.product.skus[0];
    expect([untouched.priceFen, untouched.stock]).toEqual([200, 1]);
  });

  it('is for admins only, and answers 404 for an unknown product', async () => {
    expect((await as('lilei').get('/api/admin/products')).status).toBe(403);
    expect((await as('lilei').post('/api/admin/products', product([{ name: 'A', priceFen: 100, stock: 1 }]))).status).toBe(403);
    expect((await request(app.callback).get('/api/admin/products')).status).toBe(401);
    expect((await as('chenjing').put('/api/admin/products/0123456789abcdef01234567', product([{ name: 'A', priceFen: 100, stock: 1 }]))).status).toBe(404);
  });

  it('gives the cover address of a product for cards (代客下单), and nothing for an unknown one', async () => {
    const created = (await as('chenjing').post('/api/admin/products', product([{ name: 'A', priceFen: 100, stock: 1 }], { name: '卡片封面' }))).body.product;
    expect(await app.services.catalog.coverUrlOf(created.id)).toBe(created.coverUrl);
    expect(await app.services.catalog.coverUrlOf('0123456789abcdef01234567')).toBe('');
  });
});
