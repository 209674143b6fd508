import crypto from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongoose } from '../platform/db/database';

/** The engine URI the jest global setup started (or MONGODB_URI when a real MongoDB is configured). */
export function testEngineUri(): string {
  const uri = process.env.ZHIKE_TEST_MONGODB_URI;
  if (!uri) throw new Error('ZHIKE_TEST_MONGODB_URI is not set: run the tests through jest (server/jest.config.cjs)');
  return uri;
}

/** A fresh database per test file, so files run in parallel without seeing each other's documents. */
export async function openTestDatabase(label: string): Promise<{ connection: Connection; drop(): Promise<void> }> {
  const dbName = `t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${crypto.randomBytes(4).toString('hex')}`;
  const connection = await connectMongoose(testEngineUri(), dbName, { embedded: !process.env.MONGODB_URI });
  return {
    connection,
    drop: async () => {
      // A test may have closed the connection on purpose; the engine's temp data dir is removed at teardown anyway.
      if (connection.readyState === 1) await connection.dropDatabase();
      await connection.close();
    },
  };
}
