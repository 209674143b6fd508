import { Schema, type Model, type PipelineStage } from 'mongoose';
import { byEngine, openConformanceDb, type ConformanceDb } from './conformance/harness';

// Reads the app and its analytics rely on: indexed finds and the aggregation stages FerretDB 1.24 implements.

interface Event {
  eventId: string;
  type: 'view' | 'pay';
  salesId: string;
  amountFen: number;
  at: Date;
  tags?: string[];
  title: string;
}

const eventSchema = new Schema<Event>(
  {
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    salesId: { type: String, required: true },
    amountFen: { type: Number, required: true },
    at: { type: Date, required: true },
    tags: { type: [String], default: undefined },
    title: { type: String, required: true },
  },
  { versionKey: false },
);
eventSchema.index({ eventId: 1 }, { unique: true });
eventSchema.index({ salesId: 1, at: -1 });
eventSchema.index({ type: 1, at: -1 });

const t = (iso: string) => new Date(`2025-03-${iso}Z`);
const EVENTS: Event[] = [
  { eventId: 'e1', type: 'view', salesId: 's1', amountFen: 0, at: t('01T00:00:00'), tags: ['a', 'b'], title: '春季新品发布会' },
  { eventId: 'e2', type: 'view', salesId: 's2', amountFen: 0, at: t('02T00:00:00'), tags: ['a'], title: '夏季促销 🎉' },
  { eventId: 'e3', type: 'pay', salesId: 's1', amountFen: 1999, at: t('03T00:00:00'), tags: [], title: '新品预定' },
  { eventId: 'e4', type: 'pay', salesId: 's1', amountFen: 10001, at: t('04T00:00:00'), tags: ['b', 'c'], title: 'Spring sale' },
  { eventId: 'e5', type: 'pay', salesId: 's2', amountFen: 500, at: t('05T00:00:00'), title: '秋季' },
  { eventId: 'e6', type: 'view', salesId: 's3', amountFen: 0, at: t('05T23:59:59.999'), tags: ['c'], title: '冬季清仓' },
];

describe('database conformance: queries and aggregation', () => {
  let db: ConformanceDb;
  let Events: Model<Event>;
  const ids = async (filter: object, sort: Record<string, 1 | -1> = { at: 1 }) =>
    (await Events.find(filter).sort(sort).lean()).map((e) => e.eventId);
  const agg = <T>(pipeline: PipelineStage[]) => Events.aggregate<T>(pipeline).exec();

  beforeAll(async () => {
    db = await openConformanceDb('queries');
    Events = db.app.model<Event>('Event', eventSchema);
    await Events.createIndexes();
    await Events.insertMany(EVENTS);
  });
  afterAll(() => db.drop());

  it('find with sort, skip and limit; $in / $nin; countDocuments', async () => {
    expect((await Events.find({}).sort({ at: -1 }).skip(1).limit(2).lean()).map((e) => e.title)).toEqual(['秋季', 'Spring sale']);
    expect(await ids({ salesId: { $in: ['s2', 's3'] } })).toEqual(['e2', 'e5', 'e6']);
    expect(await ids({ salesId: { $nin: ['s1'] }, type: 'view' })).toEqual(['e2', 'e6']);
    expect(await Events.countDocuments({ type: 'pay' })).toBe(3);
    expect(await Events.countDocuments({ type: 'pay', amountFen: { $gte: 1999 } })).toBe(2);
    expect(await ids({ salesId: 's1' }, { salesId: 1, at: -1 })).toEqual(['e4', 'e3', 'e1']);
  });

  it('quirk pinned: FerretDB answers only filters naming a plain _id from an index; every other filter reads the whole collection', async () => {
    const events = db.app.collection('events');
    const { _id } = (await events.findOne({ eventId: 'e3' }))!;
    const plans = {
      uniqueField: await events.find({ eventId: 'e3' }).explain(),
      idOnly: await events.find({ _id }).explain(),
      idAndCondition: await events.find({ _id, type: 'pay' }).explain(),
    };
    if (db.engine === 'mongodb') {
      for (const plan of Object.values(plans)) expect(JSON.stringify(plan.queryPlanner.winningPlan)).toMatch(/IXSCAN|IDHACK|EXPRESS/);
      return;
    }
    // A filter naming a plain _id is narrowed to that document through the _id index (upstream narrows only a
    // bare { _id }, and by an expression its index does not match: our build's edits, engine-binary.ts). Every
    // other filter (and every sort) is applied in Go to every document of the collection, so its cost grows
    // with the collection whatever indexes exist. Unique indexes are still enforced.
    expect(Object.values(plans).map((plan) => plan.filterPushdown)).toEqual([false, true, true]);
    expect(Object.values(plans).map((plan) => (plan.queryPlanner.Plan as string[]).join('\n').includes('USING INDEX'))).toEqual([false, true, true]);
  });

  it('applies the rest of a filter that names an _id: finds, counts, updates and deletes only on a match', async () => {
    const events = db.app.collection('events');
    const { _id } = (await events.findOne({ eventId: 'e3' }))!;
    expect((await events.find({ _id, type: 'pay' }).toArray()).map((e) => e.eventId)).toEqual(['e3']);
    expect(await events.find({ _id, type: 'view' }).toArray()).toEqual([]);
    expect(await events.countDocuments({ _id, amountFen: { $gt: 5000 } })).toBe(0);
    // A compare-and-set with a stale condition changes nothing; with the current one it applies.
    expect((await events.updateOne({ _id, amountFen: 1 }, { $set: { title: '改了' } })).matchedCount).toBe(0);
    expect((await events.updateOne({ _id, amountFen: 1999 }, { $set: { title: '新品预定（改）' } })).modifiedCount).toBe(1);
    expect((await events.findOne({ _id }))!.title).toBe('新品预定（改）');
    expect((await events.deleteOne({ _id, type: 'view' })).deletedCount).toBe(0);
    await events.updateOne({ _id }, { $set: { title: '新品预定' } });
  });

  it('date range queries are half-open and millisecond-exact', async () => {
    expect(await ids({ at: { $gte: t('02T00:00:00'), $lt: t('05T00:00:00') } })).toEqual(['e2', 'e3', 'e4']);
    expect(await ids({ at: { $gte: t('05T00:00:00'), $lte: t('05T23:59:59.999') } })).toEqual(['e5', 'e6']);
    expect(await ids({ at: { $gt: t('05T23:59:59.998') } })).toEqual(['e6']);
    expect(await Events.countDocuments({ at: { $lt: t('01T00:00:00') } })).toBe(0);
  });

  it('$regex on Chinese text and emoji (contains, anchored, one-character wildcard, case-insensitive ASCII)', async () => {
    expect(await ids({ title: { $regex: '新品' } })).toEqual(['e1', 'e3']);
    expect(await ids({ title: /^新品/ })).toEqual(['e3']);
    expect(await ids({ title: /🎉$/ })).toEqual(['e2']);
    expect(await ids({ title: /^.季/ })).toEqual(['e1', 'e2', 'e5', 'e6']);
    expect(await ids({ title: { $regex: 'spring', $options: 'i' } })).toEqual(['e4']);
  });

  it('strings sort by code point (binary), Chinese included', async () => {
    expect((await Events.find({}).sort({ title: 1 }).lean()).map((e) => e.title)).toEqual([
      'Spring sale',
      '冬季清仓',
      '夏季促销 🎉',
      '新品预定',
      '春季新品发布会',
      '秋季',
    ]);
  });

  it('$match + $group with $sum: 1 (count) + $sort', async () => {
    expect(await agg([{ $match: { type: 'pay' } }, { $group: { _id: '$salesId', orders: { $sum: 1 } } }, { $sort: { _id: 1 } }])).toEqual([
      { _id: 's1', orders: 2 },
      { _id: 's2', orders: 1 },
    ]);
    expect(await agg([{ $group: { _id: '$type', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }])).toEqual([
      { _id: 'pay', n: 3 },
      { _id: 'view', n: 3 },
    ]);
  });

  it('$group with $sum of a field (fen stay integers), compound _id, $skip and $limit', async () => {
    expect(await agg([{ $match: { type: 'pay' } }, { $group: { _id: '$salesId', totalFen: { $sum: '$amountFen' } } }, { $sort: { totalFen: -1 } }])).toEqual([
      { _id: 's1', totalFen: 12000 },
      { _id: 's2', totalFen: 500 },
    ]);
    expect(await agg([{ $group: { _id: { salesId: '$salesId', type: '$type' }, n: { $sum: 1 } } }, { $sort: { '_id.salesId': 1, '_id.type': 1 } }, { $skip: 1 }, { $limit: 2 }])).toEqual([
      { _id: { salesId: 's1', type: 'view' }, n: 1 },
      { _id: { salesId: 's2', type: 'pay' }, n: 1 },
    ]);
  });

  it('quirk pinned: FerretDB fills only the FIRST accumulator of a $group; the others come back 0', async () => {
    const both = await agg([{ $match: { type: 'pay' } }, { $group: { _id: '$salesId', orders: { $sum: 1 }, totalFen: { $sum: '$amountFen' } } }, { $sort: { _id: 1 } }]);
    expect(both).toEqual(
      byEngine(db.engine, {
        mongodb: [{ _id: 's1', orders: 2, totalFen: 12000 }, { _id: 's2', orders: 1, totalFen: 500 }],
        ferretdb: [{ _id: 's1', orders: 2, totalFen: 0 }, { _id: 's2', orders: 1, totalFen: 0 }],
      }),
    );
  });

  it('$unwind + $group, $count, $project (inclusion and exclusion), $addFields with a constant', async () => {
    expect(await agg([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 2 },
    ]);
    expect(await agg([{ $match: { amountFen: { $gt: 0 } } }, { $count: 'paid' }])).toEqual([{ paid: 3 }]);
    expect(await agg([{ $match: { type: 'pay' } }, { $sort: { at: 1 } }, { $project: { _id: 0, eventId: 1, amountFen: 1 } }])).toEqual([
      { eventId: 'e3', amountFen: 1999 },
      { eventId: 'e4', amountFen: 10001 },
      { eventId: 'e5', amountFen: 500 },
    ]);
    expect(await agg([{ $match: { eventId: 'e5' } }, { $project: { _id: 0, at: 0, tags: 0, title: 0 } }, { $addFields: { source: 'poster' } }])).toEqual([
      { eventId: 'e5', type: 'pay', salesId: 's2', amountFen: 500, source: 'poster' },
    ]);
  });

  it('quirk pinned: FerretDB treats a "$field" path in $project / $addFields as a literal string', async () => {
    const renamed = await agg([{ $match: { eventId: 'e3' } }, { $project: { _id: 0, name: '$title' } }]);
    expect(renamed).toEqual(byEngine(db.engine, { mongodb: [{ name: '新品预定' }], ferretdb: [{ name: '$title' }] }));
  });

  it('refused by FerretDB: the stages, accumulators and expressions outside its list', async () => {
    const pipelines: Record<string, PipelineStage[]> = {
      $lookup: [{ $lookup: { from: 'customers', localField: 'salesId', foreignField: 'salesId', as: 'c' } }],
      $facet: [{ $facet: { all: [{ $match: {} }] } }],
      $bucket: [{ $bucket: { groupBy: '$amountFen', boundaries: [0, 1000, 100000] } }],
      $sortByCount: [{ $sortByCount: '$salesId' }],
      $replaceRoot: [{ $replaceRoot: { newRoot: { x: '$title' } } }],
      '$group $avg': [{ $group: { _id: null, x: { $avg: '$amountFen' } } }],
      '$group $max': [{ $group: { _id: null, x: { $max: '$amountFen' } } }],
      '$group $first': [{ $group: { _id: null, x: { $first: '$amountFen' } } }],
      '$group $push': [{ $group: { _id: null, x: { $push: '$amountFen' } } }],
      '$group $addToSet': [{ $group: { _id: null, x: { $addToSet: '$salesId' } } }],
      '$group _id $dateToString': [{ $group: { _id: { $dateToString: { format: '%Y-%m-%d', date: '$at' } }, n: { $sum: 1 } } }],
      '$project $add': [{ $project: { x: { $add: ['$amountFen', 1] } } }],
      '$project $cond': [{ $project: { x: { $cond: [true, 1, 0] } } }],
      '$match $expr': [{ $match: { $expr: { $gt: ['$amountFen', 0] } } }],
      '$unwind {path, preserveNullAndEmptyArrays}': [{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true } }],
    };
    const outcome: Record<string, string> = {};
    for (const [name, pipeline] of Object.entries(pipelines)) {
      outcome[name] = await agg(pipeline).then(
        () => 'ok',
        (e: { code?: number; message: string }) => `${e.code}: ${e.message.replace(/ with value .* is not/, ' with value … is not')}`,
      );
    }
    const notImplemented = (what: string) => `238: ${what} is not implemented yet`;
    expect(outcome).toEqual(
      db.engine === 'mongodb'
        ? Object.fromEntries(Object.keys(pipelines).map((name) => [name, 'ok']))
        : {
            $lookup: notImplemented('`aggregate` stage "$lookup"'),
            $facet: notImplemented('`aggregate` stage "$facet"'),
            $bucket: notImplemented('`aggregate` stage "$bucket"'),
            $sortByCount: notImplemented('`aggregate` stage "$sortByCount"'),
            $replaceRoot: notImplemented('`aggregate` stage "$replaceRoot"'),
            '$group $avg': notImplemented('$group accumulator "$avg"'),
            '$group $max': notImplemented('$group accumulator "$max"'),
            '$group $first': notImplemented('$group accumulator "$first"'),
            '$group $push': notImplemented('$group accumulator "$push"'),
            '$group $addToSet': notImplemented('$group accumulator "$addToSet"'),
            '$group _id $dateToString': notImplemented('Invalid $group :: caused by :: The operator $dateToString'),
            '$project $add': notImplemented('Invalid $project :: caused by :: The operator $add'),
            '$project $cond': notImplemented('Invalid $project :: caused by :: The operator $cond'),
            '$match $expr': notImplemented('Invalid $match :: caused by :: The operator $gt'),
            '$unwind {path, preserveNullAndEmptyArrays}': notImplemented('$unwind: support for field "$unwind" with value …'),
          },
    );
    // find() with $expr goes through the same matcher.
    const exprFind = Events.find({ $expr: { $gt: ['$amountFen', 0] } }).lean().exec();
    if (db.engine === 'mongodb') await expect(exprFind).resolves.toHaveLength(3);
    else await expect(exprFind).rejects.toMatchObject({ code: 238, message: 'Invalid $match :: caused by :: The operator $gt is not implemented yet' });
  });
});
