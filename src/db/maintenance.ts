/**
 * Statistics and vacuuming of the database, table by table.
 *
 * PostgreSQL's autovacuum keeps the planner's statistics fresh and clears dead rows; the embedded engine (PGlite)
 * runs no autovacuum, and a database that was never analysed is planned blind (the demo province's public
 * dashboard took 2.6 s a call instead of 0.1 s until one ANALYZE). So we analyse after the bulk writes we make
 * ourselves (a demo load, an import, a restore, a migration), and on the embedded engine the server runs
 * `startDatabaseMaintainer`, which does what autovacuum's thresholds would. One table per statement, so that no
 * statement holds the embedded database (which runs one statement at a time) for long.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client.ts';

/** Runs one statement without parameters and returns its rows. */
export type Statements = (statement: string) => Promise<Record<string, unknown>[]>;

export type TableMaintenance = { table: string; analyzed: boolean; vacuumed: boolean; ms: number };
export type MaintenanceReport = { tables: TableMaintenance[]; ms: number };

/** What the statistics say about a table since it was last analysed and vacuumed. */
export type TableState = {
  table: string;
  /** The planner's row estimate from the last ANALYZE or VACUUM; negative when the table was never analysed. */
  reltuples: number;
  /** Pages at the last ANALYZE or VACUUM, and now. */
  relpages: number;
  pages: number;
  modifiedSinceAnalyze: number;
  deadRows: number;
  insertedSinceVacuum: number;
};

// autovacuum's defaults (PostgreSQL 13 to 18): a table is analysed after 50 + 10 % of its rows changed, vacuumed
// after 50 + 20 % of them died or 1,000 + 20 % were inserted.
export const THRESHOLDS = {
  analyze: { base: 50, scale: 0.1 },
  vacuum: { base: 50, scale: 0.2 },
  vacuumInsert: { base: 1_000, scale: 0.2 },
};

/** Statements through Drizzle (services that hold only a Db). */
export function statementsOf(db: Db): Statements {
  return async (statement) => ((await db.execute(sql.raw(statement))) as unknown as { rows: Record<string, unknown>[] }).rows;
}

const FLUSH = 'select pg_stat_force_next_flush()';
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the application's schema with their counters (read after the session's counters are flushed). */
export async function readTableStates(run: Statements): Promise<TableState[]> {
  // A session sends its counters to the shared statistics at most once a second; the embedded engine is one
  // session, so without this the changes of the last second would be missed (or counted after the ANALYZE).
  await run(FLUSH);
  const rows = await run(`
    select s.relname as "table", c.reltuples::float8 as reltuples, c.relpages::int as relpages,
           (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as pages,
           s.n_mod_since_analyze::float8 as modified, s.n_dead_tup::float8 as dead, s.n_ins_since_vacuum::float8 as inserted
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     where s.schemaname = current_schema()
     order by s.relname`);
  return rows.map((r) => ({
    table: String(r.table),
    reltuples: Number(r.reltuples),
    relpages: Number(r.relpages),
    pages: Number(r.pages),
    modifiedSinceAnalyze: Number(r.modified),
    deadRows: Number(r.dead),
    insertedSinceVacuum: Number(r.inserted),
  }));
}

/**
 * What autovacuum would do to this table now. `afterRestart`: the embedded engine forgets its counters when it
 * closes, so at start a table is also analysed when it was never analysed yet holds pages, or when its size moved
 * by more than the analyse threshold's share since its last ANALYZE.
 */
export function dueWork(state: TableState, { afterRestart = false } = {}): { analyze: boolean; vacuum: boolean } {
  const rows = Math.max(state.reltuples, 0);
  const over = (count: number, t: { base: number; scale: number }) => count > t.base + t.scale * rows;
  const vacuum = over(state.deadRows, THRESHOLDS.vacuum) || over(state.insertedSinceVacuum, THRESHOLDS.vacuumInsert);
  let analyze = over(state.modifiedSinceAnalyze, THRESHOLDS.analyze);
  if (afterRestart && !analyze) {
    const neverAnalysed = state.reltuples < 0 && state.pages > 0;
    const resized = state.reltuples >= 0 && Math.abs(state.pages - state.relpages) > 1 + THRESHOLDS.analyze.scale * state.relpages;
    analyze = neverAnalysed || resized;
  }
  return { analyze, vacuum };
}

async function maintain(run: Statements, work: Array<{ table: string; analyze: boolean; vacuum: boolean }>): Promise<MaintenanceReport> {
  const started = performance.now();
  const tables: TableMaintenance[] = [];
  // Counters this session has not flushed yet would land after the ANALYZE reset them, as changes made since.
  if (work.some((w) => w.analyze || w.vacuum)) await run(FLUSH);
  for (const { table, analyze, vacuum } of work) {
    if (!analyze && !vacuum) continue;
    const t0 = performance.now();
    // VACUUM (ANALYZE) is one pass over the table; VACUUM cannot run in a transaction, and none is open here.
    await run(`${vacuum ? (analyze ? 'vacuum (analyze)' : 'vacuum') : 'analyze'} ${quoted(table)}`);
    tables.push({ table, analyzed: analyze, vacuumed: vacuum, ms: Math.round(performance.now() - t0) });
  }
  return { tables, ms: Math.round(performance.now() - started) };
}

/** ANALYZE the given tables (all of the schema's when none are given), one statement per table. */
export async function analyzeTables(run: Statements, tables?: string[]): Promise<MaintenanceReport> {
  const names = tables ?? (await readTableStates(run)).map((s) => s.table);
  return maintain(run, names.map((table) => ({ table, analyze: true, vacuum: false })));
}

/** VACUUM (ANALYZE) every table of the schema, one statement per table (`coop db maintain`). */
export async function maintainEverything(run: Statements): Promise<MaintenanceReport> {
  const states = await readTableStates(run);
  return maintain(run, states.map((s) => ({ table: s.table, analyze: true, vacuum: true })));
}

/** ANALYZE and VACUUM the tables whose changes pass autovacuum's thresholds, one statement per table. */
export async function maintainChangedTables(run: Statements, options: { afterRestart?: boolean } = {}): Promise<MaintenanceReport> {
  const states = await readTableStates(run);
  return maintain(run, states.map((s) => ({ table: s.table, ...dueWork(s, options) })));
}

/** How many migrations the database has applied (0 before the first); tells whether a migrate changed anything. */
export async function appliedMigrations(run: Statements): Promise<number> {
  const [exists] = await run(`select to_regclass('drizzle.__drizzle_migrations') is not null as yes`);
  if (!exists?.yes) return 0;
  const [row] = await run('select count(*)::int as n from drizzle.__drizzle_migrations');
  return Number(row?.n ?? 0);
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/**
 * The embedded engine's autovacuum: every `intervalMs` (autovacuum's naptime, a minute), analyses and vacuums the
 * tables whose changes passed the thresholds, and logs `database maintained`. The first pass runs at once with the
 * after-restart rules (the engine's counters do not survive a close). On PostgreSQL it does nothing: autovacuum
 * does this work there. stop() waits for the statement under way and runs no more.
 */
export function startDatabaseMaintainer(database: Database, { intervalMs = 60_000, log }: { intervalMs?: number; log: Log }): { stop(): Promise<void> } {
  if (database.engine !== 'pglite') return { stop: async () => {} };
  const run = database.exec;
  let stopped = false;
  let afterRestart = true;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    if (stopped) return;
    const states = await readTableStates(run);
    const work = states.map((s) => ({ table: s.table, ...dueWork(s, { afterRestart }) }));
    afterRestart = false;
    const started = performance.now();
    const tables: TableMaintenance[] = [];
    for (const item of work) {
      if (stopped) break;
      tables.push(...(await maintain(run, [item])).tables);
    }
    if (tables.length) log.info({ tables, ms: Math.round(performance.now() - started) }, 'database maintained');
  };
  const schedule = () => {
    running = running.then(pass).catch((error: unknown) => log.warn({ err: error }, 'database maintenance failed'));
  };
  schedule();
  const timer = setInterval(schedule, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
