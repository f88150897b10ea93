/** `coop db migrate` and `coop db maintain`, and the demo load: each leaves the planner statistics to plan with. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { openTestDatabase } from '../test/harness.ts';
import { runCoop } from './cli-process.ts';
import { prepareDemo } from './serve.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables of the schema that the planner knows nothing about (never analysed nor vacuumed). */
const unanalysed = async (database: Pick<Database, 'exec'>) =>
  (await database.exec(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0 order by 1`)).map((r) => r.relname);
const estimatedRows = async (database: Pick<Database, 'exec'>, table: string) =>
  Number((await database.exec(`select reltuples::float8 as n from pg_class where oid = '${table}'::regclass`))[0]!.n);
const statisticRows = async (database: Pick<Database, 'exec'>, table: string) =>
  Number((await database.exec(`select count(*)::int as n from pg_stats where schemaname = current_schema() and tablename = '${table}'`))[0]!.n);

/** An empty database of the engine under test, with how to reach it from `coop` and from here. */
async function emptyDatabase(name: string) {
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    // The test database is a copy of the migrated template: empty it to see what a first migrate does.
    await database.exec('drop schema if exists drizzle cascade; drop schema public cascade; create schema public');
    await database.close();
    return { env: { DATABASE_URL: database.url! }, open: () => openDatabase({ databaseUrl: database.url }), drop: () => database.drop() };
  }
  const dataDir = path.join(dir, name);
  return { env: { COOP_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir, holder: 'test' }), drop: async () => {} };
}

describe('coop db', { timeout: 180_000 }, () => {
  it('migrate analyses every table after the migrations changed the schema; maintain analyses and vacuums each table and says so', async () => {
    const target = await emptyDatabase('migrate');
    try {
      const migrated = await runCoop(['db', 'migrate'], target.env);
      expect(migrated.code, migrated.stderr).toBe(0);
      const database = await target.open();
      expect(await unanalysed(database)).toEqual([]);
      expect(await estimatedRows(database, 'admin_units')).toBeGreaterThan(1000); // the reference data loaded
      await database.close();

      const json = await runCoop(['db', 'maintain', '--json'], target.env);
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as { engine: string; ms: number; tables: Array<{ table: string; analyzed: boolean; vacuumed: boolean; ms: number }> };
      expect(report.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
      expect(report.tables.find((t) => t.table === 'organisations')).toMatchObject({ analyzed: true, vacuumed: true });
      expect(report.tables.length).toBeGreaterThan(10);
      expect(report.tables.every((t) => t.analyzed && t.vacuumed && Number.isInteger(t.ms))).toBe(true);

      const readable = await runCoop(['db', 'maintain'], target.env);
      expect(readable.code, readable.stderr).toBe(0);
      expect(readable.stdout).toMatch(/^Đã phân tích thống kê \(ANALYZE\) và dọn dẹp \(VACUUM\) \d+ bảng trong \d+ ms/);
      expect(readable.stdout).toMatch(/\n {2}organisations +\d+ ms/);
    } finally {
      await target.drop();
    }
  });

  it('the demo load of `coop start` leaves the planner statistics of the demo province', async () => {
    const database = await openTestDatabase();
    try {
      expect(await statisticRows(database, 'organisations')).toBe(0);
      await prepareDemo(database);
      const organisations = Number((await database.exec('select count(*)::int as n from organisations'))[0]!.n);
      expect(organisations).toBeGreaterThan(1000);
      expect(await estimatedRows(database, 'organisations')).toBe(organisations);
      expect(await statisticRows(database, 'organisations')).toBeGreaterThan(5);
      expect(await unanalysed(database)).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
