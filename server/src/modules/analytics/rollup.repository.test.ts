import { openTestDatabase } from '../../testing/test-database';
import { monthsBetween, RollupRepository } from './rollup.repository';

describe('RollupRepository', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let rollups: RollupRepository;

  beforeAll(async () => {
    database = await openTestDatabase('rollups');
    rollups = new RollupRepository(database.connection);
  });
  afterAll(() => database.drop());

  it('lists the months a range touches, across a year end', () => {
    expect(monthsBetween('2026-11-15', '2027-01-03')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(monthsBetween('2026-11-15', '2026-11-15')).toEqual(['2026-11-01']);
  });

  it('creates a row with its key fields on the first increment, adds dotted counters after, and ignores zeros', async () => {
    const key = { day: '2026-12-31', channelKey: 'organic', departmentId: 0 };
    await rollups.increment('funnel', '2026-12-31|organic|0', key, { entered: 1, 'reached.visitor': 1, 'lagHours.fan.3': 0 });
    await rollups.increment('funnel', '2026-12-31|organic|0', key, { entered: 1, 'lagHours.contact.5': 2, 'reached.visitor': -1 });
    await rollups.increment('funnel', '2026-12-30|organic|0', { ...key, day: '2026-12-30' }, { entered: 0 });
    expect(await database.connection.collection('analytics_funnel_202612').find().toArray()).toEqual([
      { _id: '2026-12-31|organic|0', day: '2026-12-31', channelKey: 'organic', departmentId: 0, entered: 2, reached: { visitor: 0 }, lagHours: { contact: { '5': 2 } } },
    ]);
  });

  it('reads the days of a range from the month collections it touches; a month never written reads as empty', async () => {
    await rollups.increment('sales', '2026-11-30|lilei', { day: '2026-11-30', userid: 'lilei' }, { newContacts: 1 });
    await rollups.increment('sales', '2026-12-31|lilei', { day: '2026-12-31', userid: 'lilei' }, { newContacts: 2 });
    await rollups.increment('sales', '2027-01-01|lilei', { day: '2027-01-01', userid: 'lilei' }, { newContacts: 3 });
    await rollups.increment('sales', '2027-01-02|lilei', { day: '2027-01-02', userid: 'lilei' }, { newContacts: 4 });
    const rows = await rollups.readDays<{ day: string; newContacts: number }>('sales', '2026-12-01', '2027-01-01');
    expect(rows.map((row) => [row.day, row.newContacts])).toEqual([
      ['2026-12-31', 2],
      ['2027-01-01', 3],
    ]);
    expect(await rollups.readDays('sales', '2025-01-01', '2025-02-28')).toEqual([]);
  });

  it('ranks inviters by converted, then invited, within the departments asked for', async () => {
    await rollups.incrementReferrer('amy', { invited: 3, converted: 1, revenueFen: 9_900 });
    await rollups.incrementReferrer('bob', { invited: 5, converted: 1, revenueFen: 100 });
    await rollups.incrementReferrer('cat', { invited: 1, converted: 2, activated: 2, revenueFen: 500 }, '陈小猫');
    await rollups.setReferrerDepartment('amy', 2);
    await rollups.setReferrerDepartment('bob', 3);
    await rollups.setReferrerDepartment('nobody', 3);
    expect((await rollups.topReferrers('all', 10)).map((row) => row._id)).toEqual(['cat', 'bob', 'amy']);
    expect(await rollups.topReferrers([2, 3], 1)).toEqual([{ _id: 'bob', name: null, departmentId: 3, invited: 5, activated: 0, converted: 1, revenueFen: 100 }]);
    expect(await rollups.findReferrer('cat')).toEqual({ _id: 'cat', name: '陈小猫', departmentId: 0, invited: 1, activated: 2, converted: 2, revenueFen: 500 });
    expect(await rollups.findReferrer('nobody')).toBeNull();
  });

  it('drops every rollup collection and the inviters’ totals, and nothing else', async () => {
    await database.connection.collection('analytics_journeys_00').insertOne({ _id: 'kept' as never });
    await rollups.dropAll();
    const names = (await database.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name);
    expect(names.filter((name) => name.startsWith('analytics_'))).toEqual(['analytics_journeys_00']);
    expect(await rollups.readDays('sales', '2026-11-01', '2027-01-31')).toEqual([]);
  });
});
