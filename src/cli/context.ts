import { loadConfig, type Config } from '../server/config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { analyzeTables, appliedMigrations } from '../db/maintenance.ts';
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
    const before = await appliedMigrations(database.exec);
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    // A migration may rewrite or fill tables (and a first start creates them all and loads the reference data):
    // the planner needs fresh statistics, which the embedded engine would never gather by itself.
    if ((await appliedMigrations(database.exec)) !== before) await analyzeTables(database.exec);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}
