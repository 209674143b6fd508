import mongoose, { type Connection } from 'mongoose';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded-engine';

export interface Database {
  connection: Connection;
  /** 'embedded' when this process started FerretDB itself. */
  engine: 'embedded' | 'external';
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A MongoDB URI; without it the embedded engine is started under dataDir. */
  uri?: string;
  dataDir: string;
  dbName: string;
  log?: (line: string) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedEngine | undefined;
  let uri = options.uri;
  if (!uri) {
    embedded = await startEmbeddedEngine({ dataDir: options.dataDir, log: options.log });
    uri = embedded.uri;
  }
  const connection = await connectMongoose(uri, options.dbName, { embedded: Boolean(embedded) });
  return {
    connection,
    engine: embedded ? 'embedded' : 'external',
    ping: () => pingDatabase(connection),
    close: async () => {
      await connection.close();
      await embedded?.stop();
    },
  };
}

/**
 * `embedded`: FerretDB 1.24 applies an update as read-modify-write without re-checking its filter, so two
 * connections updating one document race (the conformance suite measures lost `$inc`s and two winners of a
 * conditional update). One connection makes it see one command at a time, which restores single-document
 * atomicity for this process. A real MongoDB keeps the driver's pool.
 */
export async function connectMongoose(uri: string, dbName?: string, options: { embedded?: boolean } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    ...(options.embedded ? { maxPoolSize: 1 } : {}),
    serverSelectionTimeoutMS: 5_000,
    // Indexes are declared on the schemas and built before a repository is used (see ensureIndexes).
    autoIndex: false,
    autoCreate: true,
  });
  return connection.asPromise();
}

export async function pingDatabase(connection: Connection): Promise<boolean> {
  try {
    const db = connection.db;
    if (!db || connection.readyState !== 1) return false;
    await db.command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}

/** Builds every declared index (unique ones included) so that duplicate writes are rejected from the first request. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) await model.createIndexes();
}
