import { createTestApp, type TestApp } from '../../testing/test-app';
import { seedDemoFanActivity } from './demo-fan-activity.seed';

describe('seedDemoFanActivity', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('demofans');
    await app.services.staff.syncDirectory();
    await app.services.contactSync.fullSync();
  });
  afterAll(() => app.close());

  it('gives the demo fans a few days of activity, 王 → 赵 as a referral, and changes nothing the second time', async () => {
    const first = await seedDemoFanActivity(app.services);
    expect(first).toMatchObject({ accepted: 19, duplicates: 0, referral: true });
    const counts = async () =>
      Object.fromEntries(await Promise.all(['fan_events', 'timeline', 'referrals', 'intent_rollups', 'customers'].map(async (name) => [name, await app.connection.collection(name).countDocuments()])));
    const customers = async () => (await app.connection.collection('customers').find({}).sort({ _id: 1 }).toArray()).map((c) => JSON.stringify(c));
    const before = { counts: await counts(), customers: await customers() };
    const second = await seedDemoFanActivity(app.services);
    expect(second).toMatchObject({ accepted: 0, duplicates: 19, referral: true });
    expect({ counts: await counts(), customers: await customers() }).toEqual(before);
    const wang = (await app.connection.collection('customers').findOne({ 'identifiers.openid': 'o_demo_wang' }))!;
    const timeline = await app.connection.collection('timeline').find({ customerId: String(wang._id) }).toArray();
    expect(timeline.map((t) => t.kind).sort()).toEqual(['contact_added', 'contact_added', 'content_shared', 'invited_customer', 'page_viewed', 'page_viewed', 'page_viewed', 'page_viewed']);
  });
});
