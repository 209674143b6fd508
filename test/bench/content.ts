// `npm run bench` (content part): script search over 10k scripts, and poster rendering cold and cached,
// each against a baseline measured in the same run (a database regex search; the uncached render).
import { performance } from 'node:perf_hooks';
import { Types } from 'mongoose';
import { drawPosterBackground, drawProductImage } from '../../server/src/demo/demo-artwork';
import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../server/src/testing/staff-login';
import { machineLine, startBenchApp } from './bench-app';

const SCRIPTS = Number(process.env.BENCH_SCRIPTS ?? 10_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 500);
const COLD_POSTERS = Number(process.env.BENCH_COLD_POSTERS ?? 40);
const CACHED_POSTERS = Number(process.env.BENCH_CACHED_POSTERS ?? 500);

const WORDS = ['精华', '面膜', '香氛', '会员', '双11', '复购', '到店', '试用', '新品', '礼盒', '优惠', '积分', '防晒', '保湿', '口红', '护手霜'];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const describe = (samples: number[]) => `p50 ${percentile(samples, 50).toFixed(2)} ms  p99 ${percentile(samples, 99).toFixed(2)} ms  (n=${samples.length})`;

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  return result;
}

async function main(): Promise<void> {
  const { app, engineLabel, stop } = await startBenchApp('content');
  await app.services.staff.syncDirectory();
  const corpId = app.config.wecom.corpId;
  const admin = { corpId, userid: 'chenjing', role: 'admin' as const };
  const viewer = { corpId, userid: 'lilei', role: 'salesperson' as const };
  console.log(machineLine(engineLabel));

  // Script search: 10k scripts written straight to the collection (the service path would take minutes on the embedded engine).
  const category = await app.services.scripts.createCategory(admin, { scope: 'shared', name: '基准', parentId: null, order: 0 });
  const now = new Date();
  const documents = Array.from({ length: SCRIPTS }, (_, index) => {
    const a = WORDS[index % WORDS.length]!;
    const b = WORDS[(index * 7 + 3) % WORDS.length]!;
    return {
      _id: new Types.ObjectId(),
      corpId,
      scope: 'shared',
      categoryId: category.id,
      title: `${a}${b}话术 ${index}`,
      content: { type: 'text', text: `{{客户称呼}}您好，${a}和${b}的第 ${index} 条说明，欢迎到店体验。` },
      keywords: [a],
      stages: [],
      tagIds: [],
      usageCount: index % 50,
      version: 1,
      createdBy: 'chenjing',
      updatedBy: 'chenjing',
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let start = 0; start < documents.length; start += 1000) await app.connection.collection('scripts').insertMany(documents.slice(start, start + 1000));
  await app.connection.collection('script_revisions').updateOne({ _id: `scripts:${corpId}` as never }, { $inc: { value: 1 } }, { upsert: true });

  const queries = Array.from({ length: SEARCHES }, (_, index) => (index % 3 === 0 ? `${WORDS[index % WORDS.length]} ${WORDS[(index + 5) % WORDS.length]}` : WORDS[index % WORDS.length]!));
  const firstLoad: number[] = [];
  await timed(firstLoad, () => app.services.scripts.search(viewer, { q: '精华', limit: 30, offset: 0 }));
  const indexed: number[] = [];
  for (const q of queries) await timed(indexed, () => app.services.scripts.search(viewer, { q, limit: 30, offset: 0 }));
  const regex: number[] = [];
  for (const q of queries.slice(0, 50)) {
    const terms = q.split(' ');
    await timed(regex, () =>
      app.connection
        .collection('scripts')
        .find({ corpId, $and: terms.map((term) => ({ $or: [{ title: { $regex: term } }, { 'content.text': { $regex: term } }] })) })
        .limit(30)
        .toArray(),
    );
  }
  console.log(`script search over ${SCRIPTS} scripts`);
  console.log(`  first search (loads the index)       ${firstLoad[0]!.toFixed(0)} ms`);
  console.log(`  ScriptService.search (in-memory)     ${describe(indexed)}`);
  console.log(`  baseline: database $regex find       ${describe(regex)}`);

  // Posters: a 750×1200 template with a photo layer, the salesperson's avatar disc, text and the code.
  const upload = async (name: string, bytes: Buffer) => (await app.services.assets.upload({ corpId, uploadedBy: 'chenjing', filename: name, contentType: 'image/png', bytes })).id;
  const template = await app.services.posters.createTemplate(admin, {
    name: '基准海报',
    campaign: '基准',
    width: 750,
    height: 1200,
    backgroundAssetId: await upload('bg.png', await drawPosterBackground()),
    qrPage: 'pages/index/index',
    scanValidDays: 90,
    layers: [
      { type: 'text', text: '{{客户称呼}}，{{销售姓名}}为您预留了专属优惠', x: 375, y: 230, fontSize: 30, color: '#7a2e2e', align: 'center', bold: false, maxWidth: 620 },
      { type: 'image', source: 'asset', assetId: await upload('p.png', await drawProductImage('精华护肤套装', '28 天焕亮肌肤', ['#f7b2a5', '#e86a6a'])), x: 135, y: 330, width: 480, height: 360, shape: 'square' },
      { type: 'image', source: 'salesperson_avatar', x: 80, y: 920, width: 120, height: 120, shape: 'circle' },
      { type: 'qr', x: 480, y: 890, size: 200 },
    ],
  });
  const personalise = (customerIndex: number) =>
    app.services.posters.personalise({
      corpId,
      templateId: template.id,
      salesperson: { userid: 'lilei', name: '李雷' },
      customer: { id: `bench-customer-${customerIndex}`, name: `客户${customerIndex}` },
      variables: { 客户称呼: `客户${customerIndex}`, 销售姓名: '李雷' },
    });
  await personalise(-1); // fonts, background and product image loaded once, as on a running server
  const cold: number[] = [];
  for (let index = 0; index < COLD_POSTERS; index += 1) await timed(cold, () => personalise(index));
  const cached: number[] = [];
  for (let index = 0; index < CACHED_POSTERS; index += 1) await timed(cached, () => personalise(index % COLD_POSTERS));
  console.log('poster 750×1200 (text, photo, avatar, mini-program code)');
  console.log(`  cold: new customer (scene, code from WeChat sandbox, draw)  ${describe(cold)}`);
  console.log(`  cached: same (template, salesperson, customer)            ${describe(cached)}`);

  // The same through the API a sidebar calls: session, data-permission check and staff lookup on top.
  await app.services.tagLibrary.syncFromWeCom();
  await app.services.contactSync.fullSync();
  const cookie = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
  const path = `/api/customers/by-external-userid/wm_demo_wang/posters/${template.id}`;
  const httpCold: number[] = [];
  await timed(httpCold, () => request(app.callback).get(path).set('cookie', cookie));
  const httpCached: number[] = [];
  for (let index = 0; index < 200; index += 1) await timed(httpCached, () => request(app.callback).get(path).set('cookie', cookie));
  console.log(`  GET ${path.replace(template.id, ':templateId')}`);
  console.log(`    first (cold)   ${httpCold[0]!.toFixed(1)} ms`);
  console.log(`    cached         ${describe(httpCached)}`);
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
