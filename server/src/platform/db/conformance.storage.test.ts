import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Schema, Types, type Connection } from 'mongoose';
import { connectMongoose } from './database';
import { startEmbeddedEngine } from './embedded-engine';
import { duplicateKeyError, openConformanceDb, spawnEngineToCrash, type ConformanceDb } from './conformance/harness';

// What is stored comes back unchanged: UTC dates, integer fen, Chinese and emoji text — and it survives
// a restart of the embedded engine.

const customerSchema = new Schema(
  {
    openid: { type: String, required: true },
    name: String,
    note: String,
    balanceFen: Number,
    lifetimeFen: Number,
    firstSeenAt: Date,
    attrs: { type: Map, of: String },
  },
  { versionKey: false },
);
customerSchema.index({ openid: 1 }, { unique: true });

const TEXTS = {
  name: '张三丰',
  note: '客户说：“下周三 14:00 到店”😀👍 家庭👨‍👩‍👧 中国🇨🇳 生僻字𠮷 ｆｕｌｌ－ｗｉｄｔｈ é (e\u0301)',
};

describe('database conformance: stored values round-trip', () => {
  let db: ConformanceDb;
  let Customer: ReturnType<typeof model>;
  const model = (connection: Connection) => connection.model('Customer', customerSchema);

  beforeAll(async () => {
    db = await openConformanceDb('roundtrip');
    Customer = model(db.app);
    await Customer.createIndexes();
  });
  afterAll(() => db.drop());

  it('dates come back as the same UTC instant, to the millisecond (before 1970 and far ahead too)', async () => {
    const instants = ['2025-03-01T08:00:00.456+08:00', '1969-12-31T23:59:59.123Z', '2099-12-31T23:59:59.999Z'];
    for (const [i, iso] of instants.entries()) await Customer.create({ openid: `d${i}`, firstSeenAt: new Date(iso) });
    const found = await Customer.find({ openid: /^d/ }).sort({ openid: 1 }).lean();
    expect(found.map((c) => c.firstSeenAt!.toISOString())).toEqual(['2025-03-01T00:00:00.456Z', '1969-12-31T23:59:59.123Z', '2099-12-31T23:59:59.999Z']);
    const raw = await db.app.collection('customers').findOne({ openid: 'd0' });
    expect(raw!.firstSeenAt).toBeInstanceOf(Date);
    expect(await Customer.countDocuments({ firstSeenAt: new Date('2025-03-01T00:00:00.456Z') })).toBe(1);
  });

  it('fen stay integers: stored as BSON int32, promoted to int64 past 2^31 by $inc and $sum, read back as exact numbers', async () => {
    await Customer.create({ openid: 'fen', balanceFen: 1999, lifetimeFen: 2147483647 });
    const raw = await db.app.collection('customers').findOne({ openid: 'fen' }, { promoteValues: false });
    expect([raw!.balanceFen._bsontype, raw!.balanceFen.valueOf()]).toEqual(['Int32', 1999]);
    await Customer.updateOne({ openid: 'fen' }, { $inc: { balanceFen: -999, lifetimeFen: 1 } });
    const after = await db.app.collection('customers').findOne({ openid: 'fen' }, { promoteValues: false });
    expect([after!.balanceFen._bsontype, after!.lifetimeFen._bsontype]).toEqual(['Int32', 'Long']);
    expect(await Customer.findOne({ openid: 'fen' }, { _id: 0, balanceFen: 1, lifetimeFen: 1 }).lean()).toEqual({ balanceFen: 1000, lifetimeFen: 2147483648 });
    await Customer.create({ openid: 'fen-2', lifetimeFen: 2147483647 });
    const [sum] = await Customer.aggregate<{ total: number }>([{ $match: { openid: /^fen/ } }, { $group: { _id: null, total: { $sum: '$lifetimeFen' } } }]);
    expect(sum!.total).toBe(4294967295);
    expect(Number.isInteger(sum!.total)).toBe(true);
  });

  it('Chinese text, emoji (ZWJ sequences, flags), supplementary-plane characters and Chinese map keys round-trip', async () => {
    await Customer.create({ openid: 'o-文字', ...TEXTS, attrs: new Map([['微信昵称', '小张 🐼'], ['来源', '海报']]) });
    const found = await Customer.findOne({ name: '张三丰' }).lean();
    expect(found).toMatchObject({ openid: 'o-文字', ...TEXTS });
    expect(found!.attrs).toEqual({ 微信昵称: '小张 🐼', 来源: '海报' });
    expect(found!._id).toBeInstanceOf(Types.ObjectId);
    expect(await Customer.countDocuments({ 'attrs.微信昵称': '小张 🐼' })).toBe(1);
  });
});

const externalEngine = Boolean(process.env.MONGODB_URI);
const restartTitle = externalEngine
  ? 'SKIPPED: MONGODB_URI is set, so there is no embedded engine to restart'
  : 'documents and unique indexes survive stopping and restarting the embedded engine on the same data dir';

describe('database conformance: durability across an embedded engine restart', () => {
  (externalEngine ? it.skip : it)(restartTitle, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-conformance-restart-'));
    try {
      let engine = await startEmbeddedEngine({ dataDir });
      let connection = await connectMongoose(engine.uri, 'durability');
      let Customer = connection.model('Customer', customerSchema);
      await Customer.createIndexes();
      const id = new Types.ObjectId();
      await Customer.create({ _id: id, openid: 'o-持久', ...TEXTS, balanceFen: 123456, firstSeenAt: new Date('2025-05-20T13:14:00.520Z') });
      await Customer.updateOne({ _id: id }, { $inc: { balanceFen: 1 } });
      await connection.close();
      await engine.stop();

      engine = await startEmbeddedEngine({ dataDir });
      connection = await connectMongoose(engine.uri, 'durability');
      Customer = connection.model('Customer', customerSchema);
      try {
        expect(await Customer.findById(id, { _id: 0, attrs: 0 }).lean()).toEqual({
          openid: 'o-持久',
          ...TEXTS,
          balanceFen: 123457,
          firstSeenAt: new Date('2025-05-20T13:14:00.520Z'),
        });
        expect((await Customer.listIndexes()).map((i) => i.name).sort()).toEqual(['_id_', 'openid_1']);
        await duplicateKeyError(Customer.create({ openid: 'o-持久' }));
      } finally {
        await connection.close();
        await engine.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  (externalEngine ? it.skip : it)(
    externalEngine ? 'SKIPPED: MONGODB_URI is set, so there is no embedded engine to kill' : 'acknowledged writes survive the engine being killed (SIGKILL) right after them',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-conformance-crash-'));
      try {
        const crashing = await spawnEngineToCrash(dataDir);
        let connection = await connectMongoose(crashing.uri, 'durability');
        let Customer = connection.model('Customer', customerSchema);
        await Customer.createIndexes();
        await Customer.insertMany(Array.from({ length: 50 }, (_, i) => ({ openid: `crash-${i}`, balanceFen: i })));
        await Customer.updateOne({ openid: 'crash-7' }, { $inc: { balanceFen: 1000 } });
        await Customer.updateOne({ openid: 'crash-new' }, { $setOnInsert: { name: '刚注册' } }, { upsert: true });
        await crashing.crash();
        await connection.close();

        const engine = await startEmbeddedEngine({ dataDir });
        connection = await connectMongoose(engine.uri, 'durability');
        Customer = connection.model('Customer', customerSchema);
        try {
          expect(await Customer.countDocuments({})).toBe(51);
          expect((await Customer.findOne({ openid: 'crash-7' }).lean())?.balanceFen).toBe(1007);
          expect((await Customer.findOne({ openid: 'crash-new' }).lean())?.name).toBe('刚注册');
          await duplicateKeyError(Customer.create({ openid: 'crash-0' }));
        } finally {
          await connection.close();
          await engine.stop();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
