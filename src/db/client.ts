import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { DurableNodeFS } from './durable-fs.ts';
import { takeTurn } from './turns.ts';

export type Schema = typeof schema;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, Schema, any>;

/** Runs a raw SQL query (reports, tests) and returns its rows, typed by the caller. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const embedded = new WeakSet<object>();

/**
 * Runs independent queries: side by side on PostgreSQL (a pool of connections), one after another on the embedded
 * engine, where statements queue on one connection: sent together, they would make a query of another request
 * wait for all of them instead of for the one statement running.
 */
export async function runQueries<T extends readonly (() => Promise<unknown>)[]>(db: Db, queries: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!embedded.has(db)) return (await Promise.all(queries.map((q) => q()))) as Results;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as Results;
}

export type Database = {
  db: Db;
  /** The embedded instance, when the engine is PGlite (dumps, tests). */
  pglite?: PGlite;
  /** fsync counters of the embedded database on disk. */
  durability?: DurableNodeFS['stats'];
  engine: 'pglite' | 'postgres';
  /** PostgreSQL's pool (the read replica falls back to it). */
  pool?: pg.Pool;
  /** Runs a statement with no parameters (maintenance, dumps); returns its rows. */
  exec(statement: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

export type OpenOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** What holds the embedded database, shown to a second process that tries to open it. */
  holder?: string;
  /** PGlite only: start from a data directory tarball (tests' template). */
  loadDataDir?: Blob;
  /** PGlite only: keep everything in memory. */
  inMemory?: boolean;
};

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database (one process at a time). */
/**
 * Settings of every PostgreSQL session. No JIT: it compiles a plan to machine code when its estimated cost is high,
 * and for the reports' queries the compiling (over a second for the national trend) costs far more than it saves.
 * work_mem 16 MB: the status intervals of the whole country (40,000 rows) sort in memory instead of spilling to
 * disk (national trend 500 → 220 ms; bench/README.md). A report runs a handful of sorts; ten connections at most.
 */
const SESSION_SETTINGS = '-c jit=off -c work_mem=16MB';

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: SESSION_SETTINGS });
  pool.on('error', () => {}); // an idle client lost; the next query reconnects
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    pool,
    async exec(statement) {
      const result = await pool.query(statement);
      return result.rows as Record<string, unknown>[];
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * A pool on a hot standby (DATABASE_READ_URL): the primary's session settings, read-only (a standby refuses
 * writes anyway; this also holds when the URL points at a server that would accept them), named so that the
 * standby's pg_stat_activity shows which connections serve the app's reads. Fails fast when the standby is
 * unreachable: the read goes to the primary instead of waiting.
 */
export function openReadPool(url: string, options: { max: number; applicationName: string }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    application_name: options.applicationName,
    options: `${SESSION_SETTINGS} -c default_transaction_read_only=on`,
    connectionTimeoutMillis: 3000,
    keepAlive: true,
  });
  return pool;
}

async function openPglite(options: OpenOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (!options.inMemory) {
    dataDir = path.resolve(options.dataDir ?? './data');
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir, options.holder ?? 'coop');
  }
  try {
    // The embedded engine's modules load only when it is used: a command on PostgreSQL does without them (~0.5 s).
    const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { DurableNodeFS }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('./durable-fs.ts'),
    ]);
    const fs = dataDir ? new DurableNodeFS(path.join(dataDir, 'pg')) : undefined;
    const client = await PGlite.create({
      ...(fs ? { fs } : {}),
      extensions: { pg_trgm },
      loadDataDir: options.loadDataDir,
    });
    if (fs) {
      // PGlite defers its post-COMMIT sync while a transaction holds its lock; sync explicitly once the
      // transaction has committed, before the caller sees the result.
      const transaction = client.transaction.bind(client);
      client.transaction = async (work) => {
        const result = await transaction(work);
        await fs.syncToFs();
        return result;
      };
    }
    // PGlite runs a statement synchronously on this thread, and a request's next statement is sent from a promise
    // continuation, before Node reads any other request: a dashboard's eleven statements would run back to back
    // while a search sent meanwhile waits for all of them. Yielding to the event loop before each statement lets the
    // requests that arrived take their turn between two statements, interactive ones before a report's (turns.ts).
    const query = client.query.bind(client);
    client.query = ((...args: Parameters<typeof query>) => takeTurn(() => query(...args))) as typeof client.query;
    // The embedded database reads its pages from memory, not from a disk: a random page costs about what a
    // sequential one does. With the default (4) the planner scans all 35,000 organisations rather than use the
    // search's trigram index for a broad word, three times slower (bench/README.md).
    await client.exec('set random_page_cost = 1.1');
    // As on PostgreSQL (SESSION_SETTINGS): the reports' sorts in memory.
    await client.exec("set work_mem = '16MB'");
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    embedded.add(db);
    return {
      db,
      pglite: client,
      durability: fs?.stats,
      engine: 'pglite',
      async exec(statement) {
        const results = await client.exec(statement);
        return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
      },
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Applies the migrations that have not run yet (forward only). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePg(database.db as any, { migrationsFolder });
  }
}
