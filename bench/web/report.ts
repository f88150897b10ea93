/** The browser benchmark's table on stdout and its JSON file (bench/results/web-<engine>.json). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HttpFigures, Series } from './http.ts';
import type { Visit } from './browser.ts';

export type WebResults = { engine: string; date: string; commit: string; budgetSeconds: number; machine: string; loadAverage: number[]; serverStartMs: number; visits: Visit[]; http: HttpFigures | null; wallMs: number };

const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const ms = (n: number | null) => (n === null ? '—' : String(n));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function pagesTable(visits: Visit[]): string {
  const rows = visits.map((v) => [
    v.profile,
    v.cache,
    v.page,
    ms(v.lcpMs),
    ms(v.usableMs),
    ms(v.searchMs),
    `${kb(v.jsBytes)} (${v.jsFiles})`,
    kb(v.totalBytes),
    `${v.requests}${v.fromCache ? ` (${v.fromCache} cached)` : ''}`,
    String(v.consoleErrors.length) + (v.error ? ` ⚠ ${v.error}` : ''),
  ]);
  return table(['profile', 'cache', 'page', 'LCP ms', 'usable ms', 'search ms', 'JS KB (files)', 'total KB', 'requests', 'errors'], rows);
}

const statuses = (s: Series) => Object.entries(s.statuses).map(([code, n]) => `${n}×${code}`).join(' ') || '—';

export function httpTable(http: HttpFigures): string {
  const row = (name: string, s: Series) => [name, ms(s.coldMs), ms(s.p50Ms), ms(s.p95Ms), String(s.n), statuses(s)];
  const rows = [
    row('public dashboard', http.publicDashboard),
    http.publicDashboardRevalidated.etag ? row('public dashboard, If-None-Match', http.publicDashboardRevalidated) : ['public dashboard, If-None-Match', 'no ETag', '', '', '', ''],
    row('staff dashboard', http.staffDashboard),
    http.staffDashboardRevalidated.etag ? row('staff dashboard, If-None-Match', http.staffDashboardRevalidated) : ['staff dashboard, If-None-Match', 'no ETag', '', '', '', ''],
  ];
  const s = http.searchWhileDashboard;
  const search = `registry search alone p50 ${ms(s.searchAloneP50Ms)} ms; fired 10 ms after an uncached staff dashboard (${s.n}×): p50 ${ms(s.searchP50Ms)} ms, max ${ms(s.searchMaxMs)} ms (the dashboards: p50 ${ms(s.dashboardP50Ms)} ms)`;
  return `${table(['request', 'cold ms', 'p50 ms', 'p95 ms', 'n', 'statuses'], rows)}\n${search}`;
}

export function writeResults(results: WebResults): string {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `web-${results.engine}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
}

/** The commit measured, "+ changes" when the sources differ from it (BENCH_COMMIT overrides, e.g. for an exported tree). */
export function commit(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--', 'src', 'vite.config.ts', 'package.json') ? `${head} + changes` : head;
}
