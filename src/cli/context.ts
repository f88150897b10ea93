import { loadConfig, type Config } from '../server/config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { loadReferenceData } from '../server/modules/tenants/tenants.service.ts';

/** Opens the configured database (migrated, reference data loaded), runs `work`, closes it. */
export async function withDatabase<T>(holder: string, work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openPreparedDatabase(config, holder);
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

export async function openPreparedDatabase(config: Config, holder: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder });
  try {
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}
