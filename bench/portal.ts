/**
 * The public portal's pages under load (issue 15): 50 connections × 10 s with autocannon on the article page and
 * the home page (served from the page cache), and an article page on a cache miss (a new query each time),
 * in process, on PGlite or — with DATABASE_URL — on a fresh PostgreSQL database `coop_bench_portal`.
 * `npm run bench:portal` (PGlite); `DATABASE_URL=postgres://… npm run bench:portal`.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { portalArticles } from '../src/server/modules/portal/portal.sql.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';

const url = process.env.DATABASE_URL;
let databaseUrl: string | undefined;
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists coop_bench_portal with (force)');
  await admin.query('create database coop_bench_portal');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/coop_bench_portal';
  databaseUrl = u.toString();
}
const database = await openDatabase(databaseUrl ? { databaseUrl } : { inMemory: true });
await migrateDatabase(database);
await loadReferenceData(database.db);
await ensureAlliance(database.db, DEFAULT_ALLIANCE);
const body = `<h2>Kết quả</h2>${'<p>Năm 2023, Liên minh HTX tỉnh đã tổ chức hội nghị tổng kết hoạt động thành viên, đánh giá kết quả và đề ra phương hướng năm 2024.</p>'.repeat(30)}`;
for (let i = 0; i < 60; i++) {
  await database.db.insert(portalArticles).values({ tenantId: DEFAULT_ALLIANCE.id, slug: `bai-${i}`, title: `Hội nghị tổng kết hoạt động thành viên số ${i}`, summary: 'Tổng kết năm.', state: 'published', publishedAt: new Date(Date.now() - i * 86_400_000), bodyHtml: body });
}
const app = await buildApp({ config: { ...loadConfig({ LOG_LEVEL: 'silent' }), portalTenant: DEFAULT_ALLIANCE.id }, database, logger: false, webRoot: '/nonexistent' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const cold: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  const res = await fetch(`${address}/tin-tuc/bai-${i % 60}?lan=${i}`);
  await res.text();
  cold.push(performance.now() - t0);
}
cold.sort((a, b) => a - b);
const lines = [`engine: ${url ? 'PostgreSQL' : 'PGlite'}`, `article, cache miss (300 sequential): p50 ${percentile(cold, 0.5).toFixed(1)} ms, p95 ${percentile(cold, 0.95).toFixed(1)} ms`];
for (const [name, path] of [['article', '/tin-tuc/bai-0'], ['home', '/']] as const) {
  const r = await autocannon({ url: `${address}${path}`, connections: 50, duration: 10 });
  lines.push(`${name} (cached), 50 connections × 10 s: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p97.5 ${r.latency.p97_5} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`);
}
console.log(lines.join('\n'));
await app.close();
await database.close();
