import { openTestDatabase } from '../../testing/test-database';
import { outdatedAnalyticsLayout } from './analytics-upgrade';
import { JourneyRepository } from './journey.repository';
import { RollupBuffer } from './rollup-increments';
import { RollupRepository } from './rollup.repository';

describe('outdatedAnalyticsLayout: what start-up rebuilds after an upgrade', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let journeys: JourneyRepository;
  let rollups: RollupRepository;
  const check = () => outdatedAnalyticsLayout({ journeys, rollups });

  beforeAll(async () => {
    database = await openTestDatabase('analytics_upgrade');
    journeys = new JourneyRepository(database.connection);
    rollups = new RollupRepository(database.connection);
  });
  afterAll(() => database.drop());

  it('finds nothing to rebuild in an empty database', async () => {
    expect(await check()).toBeNull();
  });

  it('names the months whose rows were written before the day summaries, and journeys kept before the buckets', async () => {
    // As an older version wrote them: the rows alone.
    await database.connection.collection('analytics_sales_202611').insertOne({ _id: '2026-11-24|lilei', day: '2026-11-24', userid: 'lilei', newContacts: 1 } as never);
    await database.connection.collection('analytics_funnel_202612').insertOne({ _id: '2026-12-01|organic|2', day: '2026-12-01', channelKey: 'organic', departmentId: 2, entered: 1 } as never);
    expect(await check()).toBe('rollups without day summaries for 202611, 202612');
    await database.connection.collection('analytics_journeys').insertOne({ _id: 'c1', customerId: 'c1' } as never);
    expect(await check()).toBe('journeys kept in the collection of before the buckets');
  });

  it('is satisfied once a rebuild has emptied the old journeys and written rows with their summaries', async () => {
    await journeys.deleteAll();
    await rollups.dropAll();
    const buffer = new RollupBuffer();
    buffer.add({ family: 'sales', id: '2026-11-24|lilei', keyFields: { day: '2026-11-24', userid: 'lilei' }, counts: { newContacts: 1 } });
    buffer.add({ family: 'funnel', id: '2026-12-01|organic|2', keyFields: { day: '2026-12-01', channelKey: 'organic', departmentId: 2 }, counts: { entered: 1 } });
    await rollups.insertRows(buffer.rollups());
    expect(await check()).toBeNull();
  });
});
