/** The embedded engine's autovacuum: which tables are analysed and vacuumed, and when. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import { analyzeTables, dueWork, maintainChangedTables, startDatabaseMaintainer, type Statements, type TableState } from './maintenance.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let run: Statements;
let client: pg.Client | undefined;
beforeAll(async () => {
  database = await openTestDatabase();
  if (database.url) {
    // A session's change counters reach the shared statistics when it flushes them; the embedded engine is one
    // session, and here on PostgreSQL one connection writes and reads them too, so the flush is ours to force.
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    run = async (statement) => (await client!.query(statement)).rows as Record<string, unknown>[];
  } else {
    run = database.exec;
  }
  // autovacuum (PostgreSQL) must not analyse the probe behind the test's back.
  await run('create table maintenance_probe (id int primary key, note text) with (autovacuum_enabled = false)');
});
afterAll(async () => {
  await client?.end();
  await database.drop();
});

const probe = async () => {
  const [row] = await run(`select c.reltuples::float8 as reltuples, s.n_mod_since_analyze::int as modified, s.vacuum_count::int as vacuums
                             from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'maintenance_probe'`);
  return { reltuples: Number(row!.reltuples), modified: Number(row!.modified), vacuums: Number(row!.vacuums) };
};
const touched = (report: Awaited<ReturnType<typeof maintainChangedTables>>) => report.tables.find((t) => t.table === 'maintenance_probe');

describe('autovacuum thresholds', () => {
  const state = (over: Partial<TableState>): TableState => ({
    table: 't', reltuples: 1_000, relpages: 10, pages: 10, modifiedSinceAnalyze: 0, deadRows: 0, insertedSinceVacuum: 0, ...over,
  });

  it('analyses past 50 + 10 % of the rows changed, vacuums past 50 + 20 % dead or 1,000 + 20 % inserted', () => {
    expect(dueWork(state({ modifiedSinceAnalyze: 150 }))).toEqual({ analyze: false, vacuum: false });
    expect(dueWork(state({ modifiedSinceAnalyze: 151 }))).toEqual({ analyze: true, vacuum: false });
    expect(dueWork(state({ deadRows: 250 })).vacuum).toBe(false);
    expect(dueWork(state({ deadRows: 251 })).vacuum).toBe(true);
    expect(dueWork(state({ insertedSinceVacuum: 1_201 })).vacuum).toBe(true);
    // A table never analysed counts as empty: 51 changes are enough.
    expect(dueWork(state({ reltuples: -1, modifiedSinceAnalyze: 51 })).analyze).toBe(true);
  });

  it('after a restart (the counters are gone) analyses a never-analysed table with pages, or one whose size moved', () => {
    expect(dueWork(state({ reltuples: -1, pages: 3 })).analyze).toBe(false);
    expect(dueWork(state({ reltuples: -1, pages: 3 }), { afterRestart: true }).analyze).toBe(true);
    expect(dueWork(state({ reltuples: -1, pages: 0 }), { afterRestart: true }).analyze).toBe(false);
    expect(dueWork(state({ pages: 12 }), { afterRestart: true }).analyze).toBe(false);
    expect(dueWork(state({ pages: 13 }), { afterRestart: true }).analyze).toBe(true);
  });
});

describe('maintaining the changed tables', () => {
  it('analyses a table once enough of it changed, and not before; vacuums it once enough rows died', async () => {
    await run(`insert into maintenance_probe select g, 'một' from generate_series(1, 1000) g`);
    await analyzeTables(run, ['maintenance_probe']);
    expect((await probe()).reltuples).toBe(1000);

    await run(`update maintenance_probe set note = 'hai' where id <= 140`); // 140 ≤ 50 + 10 % of 1,000
    expect(touched(await maintainChangedTables(run))).toBeUndefined();
    expect((await probe()).modified).toBe(140);

    await run(`update maintenance_probe set note = 'ba' where id between 141 and 160`); // 160 > 150
    expect(touched(await maintainChangedTables(run))).toMatchObject({ analyzed: true, vacuumed: false });
    expect((await probe()).modified).toBe(0);

    await run(`delete from maintenance_probe where id > 700`); // 160 + 300 dead > 50 + 20 % of 1,000
    expect(touched(await maintainChangedTables(run))).toMatchObject({ analyzed: true, vacuumed: true });
    // (Whether the dead rows are gone depends on other sessions' snapshots: PostgreSQL keeps them while any may see them.)
    expect(await probe()).toEqual({ reltuples: 700, modified: 0, vacuums: 1 });
    expect(touched(await maintainChangedTables(run))?.analyzed ?? false).toBe(false);
  });
});

describe('the background maintainer', () => {
  it('on the embedded engine analyses a table in the background after enough changes and logs what it did; on PostgreSQL leaves it to autovacuum', async () => {
    const logged: Array<{ obj: object; msg: string }> = [];
    const log = { info: (obj: object, msg: string) => logged.push({ obj, msg }), warn: (obj: object, msg: string) => logged.push({ obj, msg }) };
    await run(`insert into maintenance_probe select g, 'bốn' from generate_series(1001, 1500) g`);
    const maintainer = startDatabaseMaintainer(database, { intervalMs: 50, log });
    try {
      if (database.engine === 'postgres') {
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(logged).toEqual([]);
        return;
      }
      await expect.poll(() => logged.find((l) => l.msg === 'database maintained' && JSON.stringify(l.obj).includes('maintenance_probe')), { timeout: 30_000 }).toBeTruthy();
      expect(logged.filter((l) => l.msg !== 'database maintained')).toEqual([]);
      const entry = logged.find((l) => JSON.stringify(l.obj).includes('maintenance_probe'))!.obj as { tables: Array<{ table: string; analyzed: boolean }>; ms: number };
      expect(entry.tables.find((t) => t.table === 'maintenance_probe')).toMatchObject({ analyzed: true });
      expect(typeof entry.ms).toBe('number');
      expect((await probe()).reltuples).toBe(1200);
    } finally {
      await maintainer.stop();
    }
  });
});
