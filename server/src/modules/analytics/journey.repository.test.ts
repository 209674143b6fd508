import { ensureIndexes } from '../../platform/db/database';
import { openTestDatabase } from '../../testing/test-database';
import type { CustomerJourneyDocument } from './analytics.model';
import { journeyCollectionName, JourneyRepository } from './journey.repository';
import { emptyJourney } from './journey-reducer';

describe('JourneyRepository', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let journeys: JourneyRepository;

  beforeAll(async () => {
    database = await openTestDatabase('journeys');
    journeys = new JourneyRepository(database.connection);
    await ensureIndexes(database.connection);
  });
  afterAll(() => database.drop());

  const journey = (customerId: string, changes: Partial<CustomerJourneyDocument> = {}): CustomerJourneyDocument => ({ ...emptyJourney('ww1', customerId), updatedAt: new Date('2026-11-25T00:00:00Z'), ...changes });

  it('stores a new journey once, then only over the version it was read at', async () => {
    expect(await journeys.saveAtVersion(journey('c1'), null)).toBe(true);
    expect(await journeys.saveAtVersion(journey('c1', { paidOrders: 9 }), null)).toBe(false);
    expect(await journeys.find('c1')).toMatchObject({ paidOrders: 0, version: 1 });

    expect(await journeys.saveAtVersion(journey('c1', { paidOrders: 1 }), 1)).toBe(true);
    // A second writer that read version 1 too loses, and must read again.
    expect(await journeys.saveAtVersion(journey('c1', { paidOrders: 5 }), 1)).toBe(false);
    expect(await journeys.find('c1')).toMatchObject({ paidOrders: 1, version: 2 });
  });

  it('keeps userids with dots and dotted counters as they were given, and leaves absent facts out', async () => {
    const stored = journey('c2', {
      steps: { visitor: new Date('2026-11-24T01:00:00Z') },
      ownerUserid: 'li.lei',
      touchedBy: { 'li.lei': new Date('2026-11-24T02:00:00Z') },
      contactedAt: { 'li.lei': new Date('2026-11-24T01:30:00Z') },
      contribution: { funnel: { key: { day: '2026-11-24', channelKey: 'organic', departmentId: 0 }, counts: { entered: 1, 'reached.visitor': 1, 'lagHours.fan.3': 1 } } },
    });
    await journeys.saveAtVersion(stored, null);
    expect(await journeys.find('c2')).toEqual({ ...stored, version: 1 });
    const raw = await database.connection.collection(journeyCollectionName('c2')).findOne({ _id: 'c2' as never });
    expect(raw).not.toHaveProperty('firstTouchAt');
    expect(raw).not.toHaveProperty('referrerId');
  });

  it('finds several at once, a few or many, and walks all of them a batch at a time', async () => {
    await journeys.insertMany(Array.from({ length: 250 }, (_, index) => ({ ...journey(`m${index}`), version: 1 })));
    expect((await journeys.findMany(['c1', 'c2', 'absent', 'c1'])).map((found) => found.customerId).sort()).toEqual(['c1', 'c2']);
    const many = Array.from({ length: 240 }, (_, index) => `m${index}`);
    expect((await journeys.findMany(many)).length).toBe(240);
    // Spread over the buckets: no collection holds more than a small share of them.
    expect(journeyCollectionName('m0')).toMatch(/^analytics_journeys_[0-9a-f]{2}$/);
    const perBucket = new Map<string, number>();
    for (const name of many.map(journeyCollectionName)) perBucket.set(name, (perBucket.get(name) ?? 0) + 1);
    expect(perBucket.size).toBeGreaterThan(40);
    expect(Math.max(...perBucket.values())).toBeLessThan(15);

    const batches: number[] = [];
    await journeys.forEachJourney((batch) => void batches.push(batch.length), 100);
    expect(batches).toEqual([100, 100, 52]);

    await journeys.deleteAll();
    expect(await journeys.findMany(['c1'])).toEqual([]);
  });
});
