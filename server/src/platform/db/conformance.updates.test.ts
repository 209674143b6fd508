import { Schema, type Model } from 'mongoose';
import { byEngine, openConformanceDb, type ConformanceDb } from './conformance/harness';

// Update operators the app uses, and the ones it must avoid because FerretDB 1.24 ignores or refuses them.

interface Profile {
  key: string;
  tags?: string[];
  recent?: number[];
  links?: { k: number; v: string }[];
  lowFen?: number;
  highFen?: number;
  firstSeenAt?: Date;
  lastSeenAt?: Date;
  source?: string;
  visits?: number;
  note?: string;
}

const profileSchema = new Schema<Profile>(
  {
    key: { type: String, required: true },
    tags: { type: [String], default: undefined },
    recent: { type: [Number], default: undefined },
    links: { type: [{ _id: false, k: Number, v: String }], default: undefined },
    lowFen: Number,
    highFen: Number,
    firstSeenAt: Date,
    lastSeenAt: Date,
    source: String,
    visits: Number,
    note: String,
  },
  { versionKey: false },
);
profileSchema.index({ key: 1 }, { unique: true });

describe('database conformance: update operators', () => {
  let db: ConformanceDb;
  let Profile: Model<Profile>;
  const get = async (key: string) => (await Profile.findOne({ key }, { _id: 0 }).lean())!;
  const fresh = async (doc: Profile) => {
    await Profile.create(doc);
  };

  beforeAll(async () => {
    db = await openConformanceDb('updates');
    Profile = db.app.model<Profile>('Profile', profileSchema);
    await Profile.createIndexes();
  });
  afterAll(() => db.drop());

  it('$setOnInsert applies only when the upsert inserts; $inc and $set apply both times', async () => {
    const upsert = (source: string) =>
      Profile.updateOne({ key: 'soi' }, { $setOnInsert: { source, firstSeenAt: new Date('2025-01-01T00:00:00Z') }, $inc: { visits: 1 }, $set: { note: source } }, { upsert: true });
    expect(await upsert('poster')).toMatchObject({ upsertedCount: 1, matchedCount: 0 });
    expect(await upsert('share')).toMatchObject({ upsertedCount: 0, matchedCount: 1, modifiedCount: 1 });
    expect(await get('soi')).toEqual({ key: 'soi', source: 'poster', firstSeenAt: new Date('2025-01-01T00:00:00Z'), visits: 2, note: 'share' });
  });

  it('$addToSet adds only missing values (single and $each)', async () => {
    await fresh({ key: 'ats', tags: ['vip'] });
    await Profile.updateOne({ key: 'ats' }, { $addToSet: { tags: 'vip' } });
    await Profile.updateOne({ key: 'ats' }, { $addToSet: { tags: { $each: ['新客', 'vip', '高意向'] } } });
    expect((await get('ats')).tags).toEqual(['vip', '新客', '高意向']);
  });

  it('$push appends a value or an $each list (creating the array when missing)', async () => {
    await fresh({ key: 'push' });
    await Profile.updateOne({ key: 'push' }, { $push: { recent: 1 } });
    await Profile.updateOne({ key: 'push' }, { $push: { recent: { $each: [2, 3] } } });
    expect((await get('push')).recent).toEqual([1, 2, 3]);
  });

  it('quirk pinned: FerretDB silently ignores the $push modifiers $slice, $sort and $position', async () => {
    await fresh({ key: 'slice', recent: [1, 2] });
    await Profile.updateOne({ key: 'slice' }, { $push: { recent: { $each: [3, 4, 5], $slice: -3 } } });
    expect((await get('slice')).recent).toEqual(byEngine(db.engine, { mongodb: [3, 4, 5], ferretdb: [1, 2, 3, 4, 5] }));
    await fresh({ key: 'sort', recent: [20, 10] });
    await Profile.updateOne({ key: 'sort' }, { $push: { recent: { $each: [15], $sort: 1 } } });
    expect((await get('sort')).recent).toEqual(byEngine(db.engine, { mongodb: [10, 15, 20], ferretdb: [20, 10, 15] }));
    await fresh({ key: 'position', recent: [10, 20] });
    await Profile.updateOne({ key: 'position' }, { $push: { recent: { $each: [0], $position: 0 } } });
    expect((await get('position')).recent).toEqual(byEngine(db.engine, { mongodb: [0, 10, 20], ferretdb: [10, 20, 0] }));
  });

  it('keep-the-last-3 without $slice: $push, then $pop the oldest while index 3 exists', async () => {
    await fresh({ key: 'last3', recent: [] });
    for (const value of [1, 2, 3, 4, 5]) {
      await Profile.updateOne({ key: 'last3' }, { $push: { recent: value } });
      await Profile.updateOne({ key: 'last3', 'recent.3': { $exists: true } }, { $pop: { recent: -1 } });
    }
    expect((await get('last3')).recent).toEqual([3, 4, 5]);
  });

  it('$pull removes elements equal to a value; $pullAll removes a list of values', async () => {
    await fresh({ key: 'pull', tags: ['a', 'b', 'a', 'c'], links: [{ k: 1, v: 'x' }, { k: 2, v: 'y' }] });
    await Profile.updateOne({ key: 'pull' }, { $pull: { tags: 'a' } });
    await Profile.updateOne({ key: 'pull' }, { $pull: { links: { k: 1, v: 'x' } } });
    expect(await get('pull')).toMatchObject({ tags: ['b', 'c'], links: [{ k: 2, v: 'y' }] });
    await Profile.updateOne({ key: 'pull' }, { $pullAll: { tags: ['b', 'c'] } });
    expect((await get('pull')).tags).toEqual([]);
  });

  it('quirk pinned: FerretDB $pull with a condition or a partial sub-document matches nothing (silently)', async () => {
    await fresh({ key: 'pullq', recent: [5, 8, 9], links: [{ k: 1, v: 'x' }, { k: 2, v: 'y' }] });
    await Profile.updateOne({ key: 'pullq' }, { $pull: { recent: { $gte: 8 } } });
    await Profile.updateOne({ key: 'pullq' }, { $pull: { links: { k: 1 } } });
    expect(await get('pullq')).toMatchObject(
      byEngine(db.engine, {
        mongodb: { recent: [5], links: [{ k: 2, v: 'y' }] },
        ferretdb: { recent: [5, 8, 9], links: [{ k: 1, v: 'x' }, { k: 2, v: 'y' }] },
      }),
    );
  });

  it('$min / $max keep the lowest and highest number or date', async () => {
    await fresh({ key: 'minmax', lowFen: 500, highFen: 500 });
    const day = (d: string) => new Date(`2025-03-${d}T00:00:00Z`);
    await Profile.updateOne({ key: 'minmax' }, { $min: { lowFen: 300, firstSeenAt: day('10') }, $max: { highFen: 900, lastSeenAt: day('10') } });
    await Profile.updateOne({ key: 'minmax' }, { $min: { lowFen: 400, firstSeenAt: day('05') }, $max: { highFen: 800, lastSeenAt: day('05') } });
    await Profile.updateOne({ key: 'minmax' }, { $min: { firstSeenAt: day('20') }, $max: { lastSeenAt: day('20') } });
    expect(await get('minmax')).toEqual({ key: 'minmax', lowFen: 300, highFen: 900, firstSeenAt: day('05'), lastSeenAt: day('20') });
  });

  it('findOneAndUpdate with a sort claims the oldest matching document first (queue leases)', async () => {
    await Profile.insertMany([3, 1, 2].map((n) => ({ key: `job-${n}`, source: 'queue', visits: n })));
    const claim = () => Profile.findOneAndUpdate({ source: 'queue', note: { $exists: false } }, { $set: { note: 'leased' } }, { sort: { visits: 1 }, returnDocument: 'after' }).lean();
    expect([(await claim())?.key, (await claim())?.key, (await claim())?.key, await claim()]).toEqual(['job-1', 'job-2', 'job-3', null]);
  });

  it('refused by FerretDB: findOneAndUpdate with a projection, the positional $ operator, arrayFilters', async () => {
    await fresh({ key: 'refused', links: [{ k: 1, v: 'x' }, { k: 2, v: 'y' }] });
    const projected = () => Profile.findOneAndUpdate({ key: 'refused' }, { $set: { note: 'p' } }, { projection: { note: 1 }, returnDocument: 'after' }).lean().exec();
    const positional = () => Profile.updateOne({ key: 'refused', 'links.k': 2 }, { $set: { 'links.$.v': 'z' } }).exec();
    const filtered = () => Profile.updateOne({ key: 'refused' }, { $set: { 'links.$[e].v': 'w' } }, { arrayFilters: [{ 'e.k': 2 }] }).exec();
    if (db.engine === 'mongodb') {
      await expect(projected()).resolves.toEqual({ _id: expect.anything(), note: 'p' });
      await expect(positional()).resolves.toMatchObject({ modifiedCount: 1 });
      await expect(filtered()).resolves.toMatchObject({ modifiedCount: 1 });
      expect((await get('refused')).links).toEqual([{ k: 1, v: 'x' }, { k: 2, v: 'w' }]);
      return;
    }
    await expect(projected()).rejects.toMatchObject({
      code: 238,
      message: expect.stringMatching(/^findAndModify: support for field "fields" with value .* is not implemented yet$/),
    });
    await expect(positional()).rejects.toMatchObject({ code: 28, message: expect.stringContaining("Cannot create field '$' in element {links: [") });
    await expect(filtered()).rejects.toMatchObject({
      code: 238,
      message: expect.stringMatching(/support for field "arrayFilters" with value .* is not implemented yet$/),
    });
    expect((await get('refused')).links).toEqual([{ k: 1, v: 'x' }, { k: 2, v: 'y' }]);
  });
});
