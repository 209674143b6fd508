import { openTestDatabase } from '../../testing/test-database';

describe('test database', () => {
  it('round-trips a document through the configured engine', async () => {
    const db = await openTestDatabase('smoke');
    try {
      await db.connection.collection('smoke').insertOne({ hello: '世界' });
      expect(await db.connection.collection('smoke').findOne({}, { projection: { _id: 0 } })).toEqual({ hello: '世界' });
    } finally {
      await db.drop();
    }
  });
});
