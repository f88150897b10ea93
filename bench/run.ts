/**
 * Benchmarks at national scale (see bench/README.md). `npm run bench [-- --quick] [-- --json]`; on PostgreSQL
 * when DATABASE_URL is set, else on PGlite. Figures are printed and written to bench/results/, never asserted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { sessions, users } from '../src/server/modules/accounts/accounts.sql.ts';
import { findOrganisations } from '../src/server/modules/cooperatives/cooperatives.search.ts';
import { loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { SearchQuery } from '../src/shared/organisation.ts';
import { buildNationalDataset, searchTerms } from './national-dataset.ts';

type Result = { name: string; value: number; unit: string; baseline?: number; ratio?: number };

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);

async function openBenchDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ inMemory: true });
  const name = 'coop_bench';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return openDatabase({ databaseUrl: u.toString() });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const results: Result[] = [];
  const database = await openBenchDatabase();
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  const started = performance.now();
  const dataset = await buildNationalDataset(database.db, { total: quick ? 35_000 : 35_000 });
  log(`dataset: ${dataset.organisations} organisations in ${dataset.tenants} tenants, ${Math.round(performance.now() - started)} ms`);

  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, logger: false, webRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const [viewer] = await database.db.insert(users).values({ email: 'bench@coop', passwordHash: 'x', role: 'national_viewer' }).returning();
  const token = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: viewer!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  const cookie = `coop_session=${token}`;

  const terms = searchTerms();
  const rounds = quick ? 10 : 40;
  const http: number[] = [];
  const direct: number[] = [];
  const actor = { kind: 'user' as const, userId: viewer!.id, email: 'bench@coop', role: 'national_viewer' as const, tenantId: null, organisationId: null, communeCode: null };
  for (let i = 0; i < rounds; i++) {
    for (const q of terms) {
      let t = performance.now();
      const res = await fetch(`${base}/api/cooperatives?q=${encodeURIComponent(q)}`, { headers: { cookie } });
      await res.json();
      http.push(performance.now() - t);
      t = performance.now();
      await findOrganisations(database.db, { actor, query: SearchQuery.parse({ q }) });
      direct.push(performance.now() - t);
    }
  }
  http.sort((a, b) => a - b);
  direct.sort((a, b) => a - b);
  const p95 = percentile(http, 95);
  const p95Direct = percentile(direct, 95);
  results.push({ name: 'search_p50_ms', value: round(percentile(http, 50)), unit: 'ms', baseline: round(percentile(direct, 50)), ratio: round(percentile(http, 50) / percentile(direct, 50)) });
  results.push({ name: 'search_p95_ms', value: round(p95), unit: 'ms', baseline: round(p95Direct), ratio: round(p95 / p95Direct) });
  await app.close();
  await database.close();

  const output = { engine: process.env.DATABASE_URL ? 'postgres' : 'pglite', quick, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, date: new Date().toISOString(), dataset, results };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${output.engine}${quick ? '-quick' : ''}.json`, `${JSON.stringify(output, null, 2)}\n`);
  if (json) process.stdout.write(`${JSON.stringify(output)}\n`);
  else for (const r of results) log(`${r.name.padEnd(24)} ${String(r.value).padStart(10)} ${r.unit}   baseline ${r.baseline} ${r.unit}, ratio ${r.ratio}`);
}

await main();
