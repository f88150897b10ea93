/**
 * The browser benchmark (bench/README.md, "What a person meets in the browser"):
 *   npm run bench:web [-- --json] [-- --no-build] [-- --no-http] [-- --no-pages] [-- --http-calls N] [-- --budget SECONDS]
 *                     [-- --pages home,article,…] [-- --database-url postgres://…]
 * Starts the product as `npm start` leaves it (a fresh database, the demo province, the real server), opens
 * six pages in Chromium on a throttled phone and a desktop (public home and directory, staff registry and
 * dashboard, the coop manager's home and annual update), cold and warm, then times the dashboards over
 * HTTP. Prints a table; --json writes bench/results/web-<engine>.json. Figures are never asserted.
 */
import os from 'node:os';
import { measurePages } from './browser.ts';
import { logIn, measureHttp, type HttpFigures } from './http.ts';
import { commit, httpTable, machine, pagesTable, writeResults } from './report.ts';
import { buildWebIfStale, startServer, type RunningServer } from './server.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const valueOf = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const databaseUrl = valueOf('--database-url') ?? (process.env.DATABASE_URL || undefined);
const log = (s: string) => process.stderr.write(`${s}\n`);

// Bounded: each part gets its share of the budget (after the server's start, which loads the demo province) and
// stops opening pages or sending requests once it is spent; a watchdog ends a run that hangs anyway. A slow
// state of the product (minutes per page) needs a larger --budget to measure every page.
const budgetMs = Number(valueOf('--budget') ?? 300) * 1000;
const WATCHDOG_MS = budgetMs * 1.5;

async function main() {
  const begun = Date.now();
  if (!flag('--no-build')) buildWebIfStale(log);
  log(`starting the server (${databaseUrl ? 'PostgreSQL' : 'PGlite'}, demo province)…`);
  const server: RunningServer = await startServer({ databaseUrl, log });
  const watchdog = setTimeout(() => {
    log(`bench:web: still running after ${WATCHDOG_MS / 1000} s, stopping`);
    void server.stop().finally(() => process.exit(2));
  }, WATCHDOG_MS);
  watchdog.unref();
  // Ctrl-C: the temporary directory and the throwaway database go too.
  const interrupt = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    log(`server up at ${server.baseUrl} after ${(server.startMs / 1000).toFixed(1)} s (migrations, demo load, start)`);
    const sessionToken = await logIn(server.baseUrl, server.staff);
    const managerToken = await logIn(server.baseUrl, server.manager);
    // HTTP first: its "cold" call is the first dashboard the server computes after start.
    let http: HttpFigures | null = null;
    if (!flag('--no-http')) {
      log('HTTP: dashboards, revalidation, search while a dashboard computes…');
      // 20 calls a series by default; --http-calls 300 for a p95 that one slow call does not decide.
      http = await measureHttp({ baseUrl: server.baseUrl, sessionToken, calls: Number(valueOf('--http-calls') ?? 20), budgetMs: budgetMs * 0.03 });
    }
    log('Chromium: phone (4× CPU, slow 4G) and desktop, cold and warm cache…');
    const only = valueOf('--pages')?.split(',');
    const visits = flag('--no-pages') ? [] : await measurePages({ baseUrl: server.baseUrl, sessionToken, managerToken, budgetMs: { phone: budgetMs * 0.35, desktop: budgetMs * 0.15 }, log, only });
    const results = { engine: server.engine, date: new Date().toISOString(), commit: commit(), budgetSeconds: budgetMs / 1000, machine: machine(), loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), serverStartMs: server.startMs, visits, http, wallMs: Date.now() - begun };
    process.stdout.write(`\nbench:web on ${server.engine}, ${results.date}, commit ${results.commit}, ${results.machine}, load average ${results.loadAverage.join(' ')}\n\n${pagesTable(visits)}\n\n`);
    if (http) process.stdout.write(`${httpTable(http)}\n`);
    const errors = visits.flatMap((v) => v.consoleErrors.map((e) => `${v.profile} ${v.cache} ${v.page}: ${e}`));
    if (errors.length) process.stdout.write(`\nconsole errors:\n${[...new Set(errors)].map((e) => `  ${e}`).join('\n')}\n`);
    if (flag('--json')) log(`written: ${writeResults({ ...results, wallMs: Date.now() - begun })}`);
  } finally {
    clearTimeout(watchdog);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  log(`bench:web failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
