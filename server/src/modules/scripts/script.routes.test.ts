import request from 'supertest';
import { samplePng } from '../../testing/sample-images';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('the script library', () => {
  let app: TestApp;
  const cookies: Record<string, string> = {};
  const as = (userid: string) => ({
    get: (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!),
    post: (path: string, body: object = {}) => request(app.callback).post(path).set('cookie', cookies[userid]!).send(body),
    put: (path: string, body: object) => request(app.callback).put(path).set('cookie', cookies[userid]!).send(body),
  });
  let sharedCategory: string;
  let subCategory: string;
  let personalCategory: string;

  beforeAll(async () => {
    app = await createTestApp('scripts');
    await app.services.staff.syncDirectory();
    for (const userid of ['chenjing', 'lilei', 'hanmeimei']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
    sharedCategory = (await as('chenjing').post('/api/scripts/categories', { scope: 'shared', name: '产品介绍' })).body.category.id;
    subCategory = (await as('chenjing').post('/api/scripts/categories', { scope: 'shared', name: '护肤系列', parentId: sharedCategory })).body.category.id;
    personalCategory = (await as('lilei').post('/api/scripts/categories', { scope: 'personal', name: '我的常用' })).body.category.id;
  });
  afterAll(() => app.close());

  const textScript = (categoryId: string, title: string, text: string, scope = 'shared') => ({ scope, categoryId, title, content: { type: 'text', text } });
  const textEdit = (categoryId: string, title: string, text: string, expectedVersion: number) => ({ categoryId, title, content: { type: 'text', text }, expectedVersion });

  it('lets admins write shared scripts and everyone their personal ones, and nobody else’s', async () => {
    const shared = await as('chenjing').post('/api/scripts', { ...textScript(subCategory, '新品补水面膜', '{{客户称呼}}您好，补水面膜今天到货'), keywords: ['面膜'] });
    expect(shared.status).toBe(201);
    expect(shared.body.script).toMatchObject({ scope: 'shared', title: '新品补水面膜', version: 1, usageCount: 0, favourite: false });

    const bySalesperson = await as('lilei').post('/api/scripts', textScript(sharedCategory, '越权', '不应保存'));
    expect(bySalesperson.status).toBe(403);
    expect(bySalesperson.body.error.message).toBe('公共话术只能由管理员维护');

    const personal = await as('lilei').post('/api/scripts', textScript(personalCategory, '我的开场白', '我是{{销售姓名}}，很高兴认识您', 'personal'));
    expect(personal.status).toBe(201);
    expect(personal.body.script.ownerUserid).toBe('lilei');

    const intoOthersCategory = await as('hanmeimei').post('/api/scripts', textScript(personalCategory, '借用分类', '内容', 'personal'));
    expect(intoOthersCategory.status).toBe(400);
    expect(intoOthersCategory.body.error.details).toEqual([{ field: 'body.categoryId', issue: '分类不存在或不可用' }]);
    const edit = await as('hanmeimei').put(`/api/scripts/${personal.body.script.id}`, textEdit(personalCategory, 'x', 'y', 1));
    expect(edit.status).toBe(404);
  });

  it('finds scripts by any word of title, content or keyword, shared and own personal only, title matches first', async () => {
    await as('chenjing').post('/api/scripts', textScript(sharedCategory, '售后回访', '您上次购买的补水面膜用得怎么样？'));
    const mask = await as('lilei').get('/api/scripts').query({ q: '面膜' });
    expect(mask.body.items.map((s: { title: string }) => s.title)).toEqual(['新品补水面膜', '售后回访']);
    expect(mask.body.total).toBe(2);
    expect((await as('lilei').get('/api/scripts').query({ q: '补水 回访' })).body.items.map((s: { title: string }) => s.title)).toEqual(['售后回访']);
    expect((await as('lilei').get('/api/scripts').query({ q: '很高兴' })).body.items.map((s: { title: string }) => s.title)).toEqual(['我的开场白']);
    expect((await as('hanmeimei').get('/api/scripts').query({ q: '很高兴' })).body.items).toEqual([]);
    const inParent = await as('lilei').get('/api/scripts').query({ categoryId: sharedCategory });
    expect(inParent.body.items.map((s: { title: string }) => s.title).sort()).toEqual(['售后回访', '新品补水面膜']);
  });

  it('refuses unknown variables naming the field, and saves nothing', async () => {
    const response = await as('chenjing').post('/api/scripts', {
      scope: 'shared',
      categoryId: sharedCategory,
      title: '活动通知',
      content: { type: 'link', url: 'https://example.com/sale', title: '{{客户称呼}}专享', desc: '凭{{优惠码}}到店' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body.content.desc', issue: '未知变量：{{优惠码}}' }] });
    expect((await as('chenjing').get('/api/scripts').query({ q: '活动通知' })).body.total).toBe(0);
  });

  it('refuses an edit based on an old version, so a colleague’s change is not overwritten', async () => {
    const created = (await as('chenjing').post('/api/scripts', textScript(sharedCategory, '节日问候', '节日快乐'))).body.script;
    const first = await as('chenjing').put(`/api/scripts/${created.id}`, textEdit(sharedCategory, '节日问候', '{{客户称呼}}，节日快乐', 1));
    expect(first.body.script).toMatchObject({ version: 2, content: { type: 'text', text: '{{客户称呼}}，节日快乐' } });
    const stale = await as('chenjing').put(`/api/scripts/${created.id}`, textEdit(sharedCategory, '节日问候', '旧的改动', 1));
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: 'body.expectedVersion', issue: '当前版本为 2' }]);
    const reloaded = await as('chenjing').get(`/api/scripts/${created.id}`);
    expect(reloaded.body.script).toMatchObject({ version: 2, content: { text: '{{客户称呼}}，节日快乐' } });
    expect((await as('chenjing').get('/api/scripts/categories')).body.categories.map((c: { name: string }) => c.name)).toEqual(['产品介绍', '护肤系列']);
  });

  it('keeps favourites per salesperson and hides retired scripts', async () => {
    const target = (await as('lilei').get('/api/scripts').query({ q: '售后回访' })).body.items[0];
    expect((await as('lilei').put(`/api/scripts/${target.id}/favourite`, { favourite: true })).body.script.favourite).toBe(true);
    expect((await as('lilei').get('/api/scripts').query({ favourites: 'true' })).body.items.map((s: { id: string }) => s.id)).toEqual([target.id]);
    expect((await as('hanmeimei').get('/api/scripts').query({ favourites: 'true' })).body.items).toEqual([]);

    expect((await as('chenjing').post(`/api/scripts/${target.id}/retire`)).body.script.retired).toBe(true);
    expect((await as('lilei').get('/api/scripts').query({ q: '售后回访' })).body.items).toEqual([]);
    expect((await as('chenjing').get('/api/scripts').query({ q: '售后回访', includeRetired: 'true' })).body.items).toHaveLength(1);
  });

  it('refuses to retire a category that still holds scripts', async () => {
    const response = await as('chenjing').post(`/api/scripts/categories/${sharedCategory}/retire`);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('该分类下还有 2 条话术，请先移走或下架');
  });

  it('uploads images once per content, and refuses fakes, other types and oversized files', async () => {
    const png = await samplePng(120, 80);
    const upload = (bytes: Buffer, type: string) =>
      request(app.callback).put('/api/assets').query({ filename: '海报.png' }).set('cookie', cookies.lilei!).set('content-type', type).send(bytes);
    const first = await upload(png, 'image/png');
    expect(first.status).toBe(201);
    expect(first.body.asset).toMatchObject({ filename: '海报.png', contentType: 'image/png', width: 120, height: 80, size: png.length });
    expect((await upload(png, 'image/png')).body.asset.id).toBe(first.body.asset.id);
    const byId = await as('lilei').get(`/api/assets/${first.body.asset.id}`);
    expect(byId.status).toBe(302);
    expect(byId.headers.location).toBe(first.body.asset.url);
    const served = await request(app.callback).get(new URL(first.body.asset.url).pathname);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.body as Buffer, png)).toBe(0);

    expect((await upload(Buffer.from('GIF89a not really'), 'image/gif')).status).toBe(415);
    const disguised = await upload(Buffer.from('%PDF-1.7 pretending'), 'image/png');
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.details).toEqual([{ field: 'body', issue: '声明为 image/png，内容是 application/pdf' }]);
    const huge = await upload(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('文件过大，图片上限为 2 MB');

    const missingAsset = await as('lilei').post('/api/scripts', { scope: 'personal', categoryId: personalCategory, title: '产品图', content: { type: 'image', assetId: 'aaaaaaaaaaaaaaaaaaaaaaaa' } });
    expect(missingAsset.body.error.details).toEqual([{ field: 'body.content.assetId', issue: '素材不存在' }]);
  });
});
