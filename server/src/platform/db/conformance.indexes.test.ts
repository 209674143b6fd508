import { Schema, type Connection } from 'mongoose';
import { byEngine, duplicateKeyError, openConformanceDb, type ConformanceDb } from './conformance/harness';

// Schemas declared the way the app declares them: explicit indexes on the schema, built with
// `await Model.createIndexes()` before the first write (autoIndex is off).

const eventSchema = new Schema({ clientEventId: { type: String, required: true }, type: String }, { versionKey: false });
eventSchema.index({ clientEventId: 1 }, { unique: true });

const staffSchema = new Schema({ corpId: String, userid: String, name: String }, { versionKey: false });
staffSchema.index({ corpId: 1, userid: 1 }, { unique: true });

const customerSchema = new Schema(
  { name: String, identifiers: { openid: String, unionid: String } },
  { versionKey: false },
);
// `sparse` is what the app declares for "unique when present"; see the sparse/partial tests below.
customerSchema.index({ 'identifiers.openid': 1 }, { unique: true, sparse: true });

function models(connection: Connection) {
  return {
    Event: connection.model('Event', eventSchema),
    Staff: connection.model('Staff', staffSchema),
    Customer: connection.model('Customer', customerSchema),
  };
}

describe('database conformance: unique indexes', () => {
  let db: ConformanceDb;
  let m: ReturnType<typeof models>;

  beforeAll(async () => {
    db = await openConformanceDb('unique');
    m = models(db.app);
    for (const model of Object.values(m)) await model.createIndexes();
  });
  afterAll(() => db.drop());

  it('a single-field unique index rejects a duplicate with E11000 (code 11000)', async () => {
    await m.Event.create({ clientEventId: 'evt-1', type: 'view' });
    const error = await duplicateKeyError(m.Event.create({ clientEventId: 'evt-1', type: 'share' }));
    // The error names the collection on both engines; only MongoDB says which index and key collided.
    expect(error.message.startsWith(`E11000 duplicate key error collection: ${db.app.name}.events`)).toBe(true);
    expect({ keyPattern: error.keyPattern, keyValue: error.keyValue }).toEqual(
      byEngine(db.engine, {
        ferretdb: { keyPattern: undefined, keyValue: undefined },
        mongodb: { keyPattern: { clientEventId: 1 }, keyValue: { clientEventId: 'evt-1' } },
      }),
    );
    expect(await m.Event.countDocuments({ clientEventId: 'evt-1' })).toBe(1);
  });

  it('a compound unique index rejects only the full duplicate key', async () => {
    await m.Staff.create({ corpId: 'corp-a', userid: 'zhangsan', name: '张三' });
    await m.Staff.create({ corpId: 'corp-a', userid: 'lisi', name: '李四' });
    await m.Staff.create({ corpId: 'corp-b', userid: 'zhangsan', name: '张三（B 公司）' });
    await duplicateKeyError(m.Staff.create({ corpId: 'corp-a', userid: 'zhangsan', name: '重复' }));
    expect(await m.Staff.countDocuments({})).toBe(3);
  });

  it('a unique index on a nested field (identifiers.openid) rejects a duplicate', async () => {
    await m.Customer.create({ name: '王五', identifiers: { openid: 'o-wangwu', unionid: 'u-1' } });
    await m.Customer.create({ name: '赵六', identifiers: { openid: 'o-zhaoliu', unionid: 'u-1' } });
    await duplicateKeyError(m.Customer.create({ name: '冒名', identifiers: { openid: 'o-wangwu' } }));
    // An update (not an upsert's insert) that would create the duplicate is refused and changes nothing, but
    // FerretDB reports it as InternalError (code 1) with SQLite's message, which names the index; MongoDB as E11000.
    const update = m.Customer.updateOne({ name: '赵六' }, { $set: { 'identifiers.openid': 'o-wangwu' } }).exec();
    if (db.engine === 'mongodb') await duplicateKeyError(update);
    else
      await expect(update).rejects.toMatchObject({
        code: 1,
        codeName: 'InternalError',
        message: expect.stringMatching(/constraint failed: UNIQUE constraint failed: index '\w+_identifiers\.openid_1' \(2067\)$/),
      });
    expect((await m.Customer.findOne({ name: '赵六' }).lean())?.identifiers?.openid).toBe('o-zhaoliu');
  });

  it('a sparse unique index lets any number of documents lack the field, but an explicit null counts as a value', async () => {
    await m.Customer.create({ name: '无 openid 一' });
    await m.Customer.create({ name: '无 openid 二', identifiers: { unionid: 'u-2' } });
    await m.Customer.create({ name: '无 openid 三' });
    expect(await m.Customer.countDocuments({ 'identifiers.openid': { $exists: false } })).toBe(3);
    // So the app never stores null in a sparse unique field: it leaves it out or `$unset`s it.
    await m.Customer.collection.insertOne({ name: 'null 一', identifiers: { openid: null } });
    await duplicateKeyError(m.Customer.collection.insertOne({ name: 'null 二', identifiers: { openid: null } }));
  });

  it('quirk pinned: FerretDB accepts `sparse` but ignores it (not in listIndexes); absent values never collide there', async () => {
    const index = (await m.Customer.listIndexes()).find((i) => i.name === 'identifiers.openid_1');
    expect({ unique: index?.unique, sparse: index?.sparse }).toEqual(
      byEngine(db.engine, { ferretdb: { unique: true, sparse: undefined }, mongodb: { unique: true, sparse: true } }),
    );
    // Without `sparse`, MongoDB indexes a missing field as null, so a second document lacking it collides;
    // FerretDB never does. Portable rule: declare `sparse: true` wherever absent values must not collide.
    const plain = db.app.collection('plain_unique');
    await plain.createIndex({ openid: 1 }, { unique: true });
    await plain.insertOne({ name: 'a' });
    const second = plain.insertOne({ name: 'b' });
    if (db.engine === 'mongodb') await duplicateKeyError(second);
    else await expect(second).resolves.toMatchObject({ acknowledged: true });
    // Same for a compound unique key with a missing component: always write every component.
    const compound = db.app.collection('compound_unique');
    await compound.createIndex({ corpId: 1, userid: 1 }, { unique: true });
    await compound.insertOne({ corpId: 'corp-a' });
    const again = compound.insertOne({ corpId: 'corp-a' });
    if (db.engine === 'mongodb') await duplicateKeyError(again);
    else await expect(again).resolves.toMatchObject({ acknowledged: true });
  });

  it('partialFilterExpression: MongoDB builds it, FerretDB refuses it (use `sparse: true` instead)', async () => {
    const schema = new Schema({ phone: String }, { versionKey: false });
    schema.index({ phone: 1 }, { unique: true, partialFilterExpression: { phone: { $type: 'string' } } });
    const Contact = db.app.model('Contact', schema);
    const build = Contact.createIndexes();
    if (db.engine === 'mongodb') await expect(build).resolves.toBeUndefined();
    else await expect(build).rejects.toMatchObject({ code: 238, codeName: 'NotImplemented', message: 'Index option "partialFilterExpression" is not implemented yet' });
  });
});

describe('database conformance: expiring documents (TTL)', () => {
  let db: ConformanceDb;
  beforeAll(async () => {
    db = await openConformanceDb('ttl');
  });
  afterAll(() => db.drop());

  it('expireAfterSeconds: MongoDB builds the TTL index; FerretDB refuses it but still builds the schema\'s other indexes', async () => {
    const schema = new Schema({ tokenHash: String, expiresAt: Date }, { versionKey: false });
    schema.index({ tokenHash: 1 }, { unique: true });
    schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const TtlSession = db.app.model('TtlSession', schema);
    const build = TtlSession.createIndexes();
    if (db.engine === 'mongodb') await expect(build).resolves.toBeUndefined();
    else await expect(build).rejects.toMatchObject({ code: 238, codeName: 'NotImplemented', message: 'Index option "expireAfterSeconds" is not implemented yet' });
    // mongoose builds the indexes one by one and carries on past a failure; the unique one is in force.
    expect((await TtlSession.listIndexes()).map((i) => i.name).sort()).toEqual(
      byEngine(db.engine, { ferretdb: ['_id_', 'tokenHash_1'], mongodb: ['_id_', 'expiresAt_1', 'tokenHash_1'] }),
    );
    await TtlSession.create({ tokenHash: 'h1', expiresAt: new Date() });
    await duplicateKeyError(TtlSession.create({ tokenHash: 'h1', expiresAt: new Date() }));
  });

  it('the portable alternative: a plain index on expiresAt, reads filter `expiresAt > now`, a sweeper deletes the expired', async () => {
    const schema = new Schema({ tokenHash: String, expiresAt: Date }, { versionKey: false });
    schema.index({ tokenHash: 1 }, { unique: true });
    schema.index({ expiresAt: 1 });
    const Session = db.app.model('Session', schema);
    await Session.createIndexes();
    const now = new Date('2025-06-01T12:00:00.000Z');
    await Session.insertMany([
      { tokenHash: 'expired', expiresAt: new Date('2025-06-01T11:59:59.999Z') },
      { tokenHash: 'exactly-now', expiresAt: now },
      { tokenHash: 'live', expiresAt: new Date('2025-06-01T12:00:00.001Z') },
      { tokenHash: 'later', expiresAt: new Date('2025-06-08T12:00:00.000Z') },
    ]);
    const live = await Session.find({ expiresAt: { $gt: now } }).sort({ expiresAt: 1 }).lean();
    expect(live.map((s) => s.tokenHash)).toEqual(['live', 'later']);
    expect(await Session.findOne({ tokenHash: 'expired', expiresAt: { $gt: now } }).lean()).toBeNull();
    expect((await Session.deleteMany({ expiresAt: { $lte: now } })).deletedCount).toBe(2);
    expect(await Session.countDocuments({})).toBe(2);
  });
});
