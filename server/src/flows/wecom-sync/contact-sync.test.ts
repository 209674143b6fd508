import { addSyntheticContacts } from '../../integrations/sandbox/world';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('ContactSyncService.fullSync against the WeCom sandbox', () => {
  jest.setTimeout(90_000);
  let app: TestApp;
  const count = async (collection: string, filter = {}) => app.connection.collection(collection).countDocuments(filter);

  beforeAll(async () => {
    app = await createTestApp('contactsync');
    await app.services.staff.syncDirectory();
    addSyntheticContacts(app.sandbox.world, 180, 7);
  });
  afterAll(() => app.close());

  it('imports every (customer, member) pair once, and a second run changes nothing', async () => {
    const pairsInWorld = app.sandbox.world.contacts.reduce((sum, c) => sum + c.follows.length, 0);
    const first = await app.services.contactSync.fullSync();
    expect(first).toMatchObject({ resumed: false, pairs: pairsInWorld, written: pairsInWorld });
    expect(await count('customers')).toBe(app.sandbox.world.contacts.length);
    expect(await count('follows')).toBe(pairsInWorld);
    const snapshot = await app.connection.collection('follows').find({}, { projection: { _id: 0, syncedAt: 0 } }).sort({ externalUserId: 1, userid: 1 }).toArray();

    const second = await app.services.contactSync.fullSync();
    expect(second).toMatchObject({ pairs: pairsInWorld, written: 0 });
    expect(await count('customers')).toBe(app.sandbox.world.contacts.length);
    expect(await app.connection.collection('follows').find({}, { projection: { _id: 0, syncedAt: 0 } }).sort({ externalUserId: 1, userid: 1 }).toArray()).toEqual(snapshot);
  });

  it('resumes an interrupted sync from the saved cursor instead of starting over', async () => {
    const pairsInWorld = app.sandbox.world.contacts.reduce((sum, c) => sum + c.follows.length, 0);
    // The third page request fails for good: the run stops with two pages written and saved (a crash mid-sync).
    const path = '/cgi-bin/externalcontact/batch/get_by_user';
    const calls = () => app.sandbox.wecom.callsTo(path);
    const before = calls();
    const realFetch = global.fetch;
    global.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      if (String(input).includes(path) && calls() - before === 2) app.sandbox.wecom.faults.inject(path, { kind: 'errcode', errcode: 40058 });
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      await expect(app.services.contactSync.fullSync()).rejects.toMatchObject({ errcode: 40058 });
    } finally {
      global.fetch = realFetch;
    }
    const interrupted = await app.connection.collection('sync_runs').findOne({ finishedAt: { $exists: false } });
    expect(interrupted).toMatchObject({ pages: 2 });

    const resumed = await app.services.contactSync.fullSync();
    expect(resumed.resumed).toBe(true);
    expect(resumed.pairs).toBe(pairsInWorld - 200);
    const pages = Math.ceil(pairsInWorld / 100); // one batch: every member fits in one batch/get_by_user call
    expect(calls() - before).toBe(3 + (pages - 2)); // two good pages and the failed one, then only the rest
    expect(await count('follows')).toBe(pairsInWorld);
  });
});

describe('ContactSyncService.fullSync after changes in WeCom', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('contactresync');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
  });
  afterAll(() => app.close());

  it('writes only the pairs WeCom changed since the last run', async () => {
    app.sandbox.wecom.contacts.editFollow('wm_demo_wang', 'lilei', { remark: '王总（VIP）' });
    app.sandbox.wecom.contacts.markTag({ userid: 'hanmeimei', externalUserId: 'wm_demo_chen', add: ['et_level_b'] }, 'api');
    const report = await app.services.contactSync.fullSync();
    expect(report.written).toBe(2);
    expect(await app.connection.collection('follows').findOne({ externalUserId: 'wm_demo_wang', userid: 'lilei' })).toMatchObject({ remark: '王总（VIP）' });
    expect((await app.connection.collection('follows').findOne({ externalUserId: 'wm_demo_chen', userid: 'hanmeimei' }))?.wecomTagIds).toContain('et_level_b');
  });
});
