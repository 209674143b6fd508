import { ensureIndexes } from '../../platform/db/database';
import { openTestDatabase } from '../../testing/test-database';
import { samplePng } from '../../testing/sample-images';
import { AssetRepository, AssetService } from '../assets';
import { PosterRepository } from './poster.repository';
import { PosterService } from './poster.service';
import { RemoteImageLoader } from './remote-images';

describe('poster scenes', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let service: PosterService;
  let drawn: string[];
  let templateId: string;
  let now: Date;
  const codes = { requested: [] as string[], getUnlimitedWxaCode: async ({ scene }: { scene: string }) => (codes.requested.push(scene), { contentType: 'image/png', bytes: await samplePng(430, 430, '#000000') }) };

  beforeAll(async () => {
    database = await openTestDatabase('scenes');
    const assets = new AssetService(new AssetRepository(database.connection), 'https://zhike.example');
    drawn = ['pCOLLIDE0001', 'pCOLLIDE0001', 'pFRESH000002', 'pFRESH000003', 'pFRESH000004'];
    now = new Date('2026-11-25T02:00:00Z');
    service = new PosterService({
      posters: new PosterRepository(database.connection),
      assets,
      codes,
      avatars: new RemoteImageLoader({ fetch: async () => new Response(null, { status: 404 }) }),
      now: () => now,
      newScene: () => drawn.shift()!,
    });
    await ensureIndexes(database.connection);
    const background = await assets.upload({ corpId: 'ww1', uploadedBy: 'admin', filename: 'bg.png', contentType: 'image/png', bytes: await samplePng(300, 400) });
    templateId = (
      await service.createTemplate({ corpId: 'ww1', userid: 'admin' }, { name: '春季新品', campaign: '春季', width: 300, height: 400, backgroundAssetId: background.id, qrPage: 'pages/index/index', scanValidDays: 30, layers: [{ type: 'qr', x: 50, y: 150, size: 200 }] })
    ).id;
  });
  afterAll(() => database.drop());

  const personalise = (customerId: string) =>
    service.personalise({ corpId: 'ww1', templateId, salesperson: { userid: 'lilei', name: '李雷' }, customer: { id: customerId, name: '客户' }, variables: {} });

  it('draws another code when the one drawn is taken, and keeps one code per salesperson and customer', async () => {
    const first = await personalise('customer-a');
    const second = await personalise('customer-b');
    expect([first.scene.scene, second.scene.scene]).toEqual(['pCOLLIDE0001', 'pFRESH000002']);
    expect((await personalise('customer-a')).scene.scene).toBe('pCOLLIDE0001');
    expect(codes.requested).toEqual(['pCOLLIDE0001', 'pFRESH000002']);
  });

  it('resolves a code to its poster until it lapses, then answers 410, and a fresh poster gets a new code', async () => {
    const resolved = await service.resolveScene('pFRESH000002');
    expect(resolved.template.name).toBe('春季新品');
    expect(resolved.scene).toMatchObject({ userid: 'lilei', customerId: 'customer-b', campaign: '春季' });
    await expect(service.resolveScene('pNOTISSUED01')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });

    now = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000);
    await expect(service.resolveScene('pFRESH000002')).rejects.toMatchObject({ code: 'SCENE_EXPIRED', status: 410 });
    expect((await personalise('customer-b')).scene.scene).toBe('pFRESH000003');
  });
});
