/**
 * How long one request holds the embedded database (`npm run bench:holds`).
 *
 * PGlite runs one statement (or one transaction) at a time: while a report's statement runs, every other request
 * waits. This loads the demo province as `npm start` did before its data were analysed (migrations, reference data,
 * the demo's 1,401 organisations, no ANALYZE), then over HTTP asks the public dashboard, the staff dashboard, the
 * annual reports and a registry search, timing every statement each runs; then it fires registry searches while a
 * dashboard computes. Then the same after `coop db maintain` (VACUUM and ANALYZE of every table).
 * On PostgreSQL (DATABASE_URL) statements run side by side: only the requests' times are measured.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.ts';
import { maintainEverything } from '../src/db/maintenance.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { sessions, users } from '../src/server/modules/accounts/accounts.sql.ts';
import { generateDemoProvince } from '../src/server/modules/demo/demo.generator.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { percentile, round, type Result } from './measure.ts';

/** A statement's hold of the database: wall time, and the CPU time this process spent in it (PGlite runs in this
 * thread, so on a busy machine the CPU time is what the statement would take on a quiet one). */
type Statement = { ms: number; cpuMs: number; text: string };

/**
 * Times every call that takes the embedded database (query, exec, a whole transaction) from the moment it has
 * the database to its end: calls are queued here in arrival order, as PGlite itself would queue them.
 */
const timers = new WeakMap<object, { take(): Statement[] }>();

export function timeStatements(database: Database): { take(): Statement[] } {
  const client = database.pglite;
  if (!client) return { take: () => [] };
  const existing = timers.get(client);
  if (existing) return existing;
  let seen: Statement[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(text: string, work: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      try {
        return await work();
      } finally {
        const used = process.cpuUsage(cpu);
        seen.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, text: text.replace(/\s+/g, ' ').trim().slice(0, 400) });
      }
    });
    queue = run.catch(() => {});
    return run;
  };
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text: string, ...rest: unknown[]) => exclusive(text, () => (query as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as typeof client.query;
  client.exec = ((text: string, ...rest: unknown[]) => exclusive(text, () => (exec as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as typeof client.exec;
  client.transaction = ((work: Parameters<typeof transaction>[0]) => exclusive('(transaction)', () => transaction(work))) as typeof client.transaction;
  const timer = {
    take() {
      const out = seen;
      seen = [];
      return out;
    },
  };
  timers.set(client, timer);
  return timer;
}

/** A new database with the demo province as `npm start` loaded it before it analysed: no statistics at all. */
export async function openDemoAsLoaded(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists coop_bench_holds with (force)');
    await admin.query('create database coop_bench_holds');
    await admin.end();
    const u = new URL(url);
    u.pathname = '/coop_bench_holds';
    database = await openDatabase({ databaseUrl: u.toString() });
  } else {
    database = await openDatabase({ inMemory: true });
  }
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  await generateDemoProvince(database.db, { tenantId: DEFAULT_ALLIANCE.id });
  if (url) {
    // PostgreSQL's autovacuum would analyse the new rows within a minute: take the state before it does.
    for (const row of await database.exec(`select relname from pg_stat_user_tables where schemaname = current_schema()`)) {
      await database.exec(`alter table "${String(row.relname)}" set (autovacuum_enabled = false)`);
    }
  }
  return database;
}

type Page = { name: string; path: string; staff?: boolean };

/** The pages a person opens first: both dashboards, both annual reports, a registry and a directory search. */
export const PAGES: Page[] = [
  { name: 'public dashboard 2026', path: '/api/public/reports/dashboard?year=2026' },
  { name: 'public dashboard 2023', path: '/api/public/reports/dashboard?year=2023' },
  { name: 'public annual report 2025', path: '/api/public/reports/annual?year=2025' },
  { name: 'staff dashboard 2026', path: '/api/reports/dashboard?year=2026', staff: true },
  { name: 'staff annual report 2023', path: '/api/reports/annual?year=2023', staff: true },
  { name: 'registry search', path: '/api/cooperatives?q=vai%20thieu', staff: true },
  { name: 'directory search', path: '/api/public/directory?q=nam' },
];

export type PageFigures = { name: string; requestMs: number; statements: number; longestMs: number; longestCpuMs: number; longest: string };
export type HoldFigures = {
  pages: PageFigures[];
  longest: PageFigures;
  /** A registry search fired while a dashboard computes (its answer's latency). */
  searchDuringDashboard: { p50: number; max: number; dashboardMs: number; searches: number };
  /** The longest statements of all the pages, longest first. */
  slowest: Array<Statement & { page: string }>;
};

async function serveApp(database: Database): Promise<{ app: FastifyInstance; base: string; staffCookie: string }> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
  const app = await buildApp({ config, database, logger: false, webRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const email = `staff-${randomBytes(4).toString('hex')}@bench`;
  const [staff] = await database.db.insert(users).values({ email, passwordHash: 'x', role: 'alliance_staff', tenantId: DEFAULT_ALLIANCE.id }).returning();
  const token = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: staff!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return { app, base, staffCookie: `coop_session=${token}` };
}

/** Registry searches one after another from a worker thread, from 20 ms into `work` until it is done. */
function startSearcher(url: string, cookie: string) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let running = false;
     parentPort.on('message', async (message) => {
       if (message === 'stop') { running = false; return; }
       running = true;
       const times = [];
       await new Promise((resolve) => setTimeout(resolve, 20));
       let n = 0;
       while (running) {
         n += 1;
         const started = performance.now();
         const res = await fetch(workerData.url, { headers: { cookie: workerData.cookie, 'x-forwarded-for': '10.8.0.' + (n % 250) } });
         await res.arrayBuffer();
         times.push(performance.now() - started);
       }
       parentPort.postMessage(times);
     });`,
    { eval: true, workerData: { url, cookie } },
  );
  return {
    async during(work: Promise<unknown>): Promise<number[]> {
      const times = new Promise<number[]>((resolve) => worker.once('message', resolve));
      worker.postMessage('start');
      await work;
      worker.postMessage('stop');
      return times;
    },
    stop: () => worker.terminate(),
  };
}

/**
 * Times each page (after a write, so that no cached answer is served: the answer is counted), the longest
 * statement of each, and registry searches sent (from another thread) while the public dashboard is counted.
 */
export async function measureHolds(database: Database, { rounds = 5 }: { rounds?: number } = {}): Promise<HoldFigures> {
  const timer = timeStatements(database);
  const { app, base, staffCookie } = await serveApp(database);
  let client = 0;
  const get = async (page: Page) => {
    client += 1; // the portal's rate limit is per client
    const headers: Record<string, string> = { 'x-forwarded-for': `10.9.${(client >> 8) & 255}.${client & 255}` };
    if (page.staff) headers.cookie = staffCookie;
    const started = performance.now();
    const res = await fetch(`${base}${page.path}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${page.path}: ${res.status}`);
    return performance.now() - started;
  };
  // A change of one organisation moves the alliance's data version: the next report is counted, not cached.
  const write = () => database.db.execute(sql`update organisations set workers = workers + 1 where id = (select id from organisations order by id limit 1)`);
  try {
    const pages: PageFigures[] = [];
    const all: Array<Statement & { page: string }> = [];
    for (const page of PAGES) {
      let best: PageFigures | undefined;
      for (let i = 0; i < rounds; i++) {
        await write();
        timer.take();
        const requestMs = await get(page);
        const statements = timer.take();
        all.push(...statements.map((st) => ({ ...st, page: page.name })));
        const longest = statements.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, cpuMs: 0, text: '' });
        const figures = { name: page.name, requestMs: round(requestMs), statements: statements.length, longestMs: round(longest.ms), longestCpuMs: round(longest.cpuMs), longest: longest.text };
        // The median round stands for the page (the first is often slower: plans and caches warm up).
        if (!best || i === Math.floor(rounds / 2)) best = figures;
      }
      pages.push(best!);
    }
    // The searches come from another thread, as from another person: this thread (and its clock) stops while
    // the embedded database computes, so a search sent from here would leave only once the statement is over.
    const searcher = startSearcher(`${base}${PAGES.find((p) => p.name === 'registry search')!.path}`, staffCookie);
    const searchMs: number[] = [];
    const dashboardMs: number[] = [];
    try {
      for (let i = 0; i < rounds; i++) {
        await write();
        const dashboard = get(PAGES[0]!);
        searchMs.push(...(await searcher.during(dashboard)));
        dashboardMs.push(await dashboard);
      }
    } finally {
      await searcher.stop();
    }
    timer.take();
    const longest = pages.reduce((a, b) => (b.longestMs > a.longestMs ? b : a));
    const slowest = all.sort((a, b) => b.ms - a.ms).slice(0, 12).map((st) => ({ ...st, ms: round(st.ms), cpuMs: round(st.cpuMs) }));
    return {
      pages,
      longest,
      slowest,
      searchDuringDashboard: { p50: round(percentile(searchMs, 50)), max: round(Math.max(...searchMs)), dashboardMs: round(percentile(dashboardMs, 50)), searches: searchMs.length },
    };
  } finally {
    await app.close();
  }
}

function print(title: string, figures: HoldFigures, engine: string) {
  process.stdout.write(`\n${title}\n`);
  for (const p of figures.pages) {
    process.stdout.write(`  ${p.name.padEnd(28)} request ${String(p.requestMs).padStart(8)} ms   ${engine === 'pglite' ? `${String(p.statements).padStart(3)} statements, longest ${String(p.longestMs).padStart(8)} ms (CPU ${String(p.longestCpuMs).padStart(7)} ms)  ${p.longest.slice(0, 70)}` : ''}\n`);
  }
  const during = figures.searchDuringDashboard;
  process.stdout.write(`  registry search while the public dashboard computes: p50 ${during.p50} ms, max ${during.max} ms (${during.searches} searches; dashboard p50 ${during.dashboardMs} ms)\n`);
}

async function main() {
  const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const loadStarted = performance.now();
  const database = await openDemoAsLoaded();
  process.stdout.write(`engine ${engine}: demo province loaded in ${Math.round((performance.now() - loadStarted) / 1000)} s, not analysed\n`);
  const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 5);
  const asLoaded = await measureHolds(database, { rounds });
  print('As `npm start` loaded it (never analysed):', asLoaded, engine);
  const maintained = await maintainEverything(database.exec);
  const slowest = maintained.tables.reduce((a, b) => (b.ms > a.ms ? b : a));
  process.stdout.write(`\ncoop db maintain: ${maintained.tables.length} tables in ${maintained.ms} ms, longest statement ${slowest.ms} ms (${slowest.table})\n`);
  const after = await measureHolds(database, { rounds });
  print('After `coop db maintain`:', after, engine);
  await database.close();
  const output = { engine, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`, date: new Date().toISOString(), asLoaded, maintain: maintained, after };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/db-holds-${engine}.json`, `${JSON.stringify(output, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  process.exit(0);
}

/**
 * For bench/run.ts: the demo province's dashboards as `npm start` loaded it (never analysed) and after
 * `coop db maintain`, so that the benchmark also measures the database people first meet, not only an analysed one.
 */
export async function benchDemoAsLoaded({ rounds }: { rounds: number }): Promise<Result[]> {
  const database = await openDemoAsLoaded();
  try {
    const asLoaded = await measureHolds(database, { rounds });
    await maintainEverything(database.exec);
    const analysed = await measureHolds(database, { rounds });
    const results: Result[] = [];
    for (const [state, figures] of [['as_loaded', asLoaded], ['analysed', analysed]] as const) {
      const page = (name: string) => figures.pages.find((p) => p.name === name)!;
      const how = state === 'as_loaded' ? 'the demo province as `npm start` loaded it, never analysed' : 'the demo province after `coop db maintain`';
      results.push({ name: `demo_public_dashboard_${state}_ms`, value: page('public dashboard 2026').requestMs, unit: 'ms', note: `${how}; counted (after a write), over HTTP` });
      results.push({ name: `demo_staff_dashboard_${state}_ms`, value: page('staff dashboard 2026').requestMs, unit: 'ms', note: how });
      results.push({ name: `demo_longest_statement_${state}_ms`, value: figures.longest.longestMs, unit: 'ms', note: `${how}; the longest single statement of the dashboards, annual reports and searches (${figures.longest.name}); PGlite runs one at a time` });
      results.push({ name: `demo_search_during_dashboard_${state}_ms`, value: figures.searchDuringDashboard.max, unit: 'ms', note: `${how}; the slowest registry search fired while the public dashboard computes` });
    }
    return results;
  } finally {
    await database.close();
  }
}
