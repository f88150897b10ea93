/**
 * `coop portal import-drupal` in a child process, on the engine of the run (the test's own PostgreSQL database when
 * DATABASE_URL is set, else an embedded database in a directory of its own), on the fixture site of
 * src/server/modules/portal/drupal/fixtures: a dry run, the real import, a second run, a site read over HTTP, and a
 * bad source.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { portalArticles, portalRedirects } from '../server/modules/portal/portal.sql.ts';
import { serveFixtureSite, type FixtureSite } from '../server/modules/portal/drupal/fixtures/serve-site.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../server/modules/tenants/tenants.service.ts';
import { openTestDatabase, OTHER_TENANT, TENANT } from '../test/harness.ts';
import { SECOND_ALLIANCE } from '../test/global-setup.ts';
import { runCoop } from './cli-process.ts';

const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../server/modules/portal/drupal/fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'coop-portal-cli-'));
let env: NodeJS.ProcessEnv;
let drop: () => Promise<void> = async () => {};
let site: FixtureSite;

async function counts(tenantId: number) {
  const database = process.env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir: env.COOP_DATA_DIR!, holder: 'portal cli test' });
  try {
    const [[articles], [redirects]] = await Promise.all([
      database.db.select({ n: count() }).from(portalArticles).where(and(eq(portalArticles.tenantId, tenantId), isNotNull(portalArticles.legacyNid))),
      database.db.select({ n: count() }).from(portalRedirects).where(eq(portalRedirects.tenantId, tenantId)),
    ]);
    return { articles: articles!.n, redirects: redirects!.n };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  site = await serveFixtureSite();
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    await database.close();
    drop = database.drop;
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
  } else {
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ dataDir, holder: 'portal cli test' });
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await ensureAlliance(database.db, DEFAULT_ALLIANCE);
    await ensureAlliance(database.db, SECOND_ALLIANCE);
    await database.close();
    env = { DATABASE_URL: '', COOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  }
}, 180_000);
afterAll(async () => {
  await site.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('coop portal import-drupal', () => {
  it('a dry run prints the JSON report of a real import and writes nothing', async () => {
    const result = await runCoop(['portal', 'import-drupal', path.join(fixtures, 'd8'), '--dry-run', '--json', '--tenant', String(TENANT)], env);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['source', 'dryRun', 'imported', 'skipped', 'failed', 'images', 'redirects', 'categoriesCreated']);
    expect(report).toMatchObject({ dryRun: true, redirects: 66, failed: [], skipped: [{ nid: 7, reason: 'loại nội dung "page" không phải tin bài' }], images: { copied: 10 } });
    expect(report.imported).toHaveLength(50);
    expect(report.imported).toContainEqual({ nid: 123, title: 'Hội nghị tổng kết hoạt động thành viên năm 2023 – triển khai nhiệm vụ trọng tâm năm 2024', path: '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023', images: 7 });
    expect(report.images.unreachable).toEqual([{ nid: expect.any(Number), url: '/sites/default/files/inline-images/2021-06/anh-da-xoa.jpg', reason: 'không có tệp files/inline-images/2021-06/anh-da-xoa.jpg trong bản sao' }]);
    expect(await counts(TENANT)).toEqual({ articles: 0, redirects: 0 });
  }, 180_000);

  it('imports with a readable Vietnamese summary; a second run imports nothing new', async () => {
    const result = await runCoop(['portal', 'import-drupal', path.join(fixtures, 'd8'), '--tenant', String(TENANT)], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Nhập từ trang Drupal cũ (bảng cơ sở dữ liệu Drupal 8+)');
    expect(result.stdout).toMatch(/Bài đã nhập: +50/);
    expect(result.stdout).toMatch(/Địa chỉ cũ chuyển hướng \(301\): +66/);
    expect(result.stdout).toContain('nút 7 «Giới thiệu Liên minh HTX tỉnh»: loại nội dung "page" không phải tin bài');
    expect(result.stdout).toMatch(/anh-da-xoa\.jpg — không có tệp/);
    expect(result.stdout).not.toMatch(/imported|skipped|legacyNid|undefined/);
    expect(await counts(TENANT)).toEqual({ articles: 50, redirects: 66 });
    const again = await runCoop(['portal', 'import-drupal', path.join(fixtures, 'd8'), '--json', '--tenant', String(TENANT)], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: [], redirects: 0, images: { copied: 0 } });
    expect(await counts(TENANT)).toEqual({ articles: 50, redirects: 66 });
  }, 180_000);

  it('reads a live site over JSON:API, paged, and reports the photo that answers 404', async () => {
    const result = await runCoop(['portal', 'import-drupal', site.url, '--json', '--tenant', String(OTHER_TENANT)], env);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.imported).toHaveLength(50);
    expect(report.images.unreachable).toEqual([{ nid: expect.any(Number), url: `${site.url}/sites/default/files/inline-images/2021-06/anh-da-xoa.jpg`, reason: 'máy chủ trả lời HTTP 404' }]);
    expect(await counts(OTHER_TENANT)).toEqual({ articles: 50, redirects: 61 });
  }, 180_000);

  it('a bad source is a Vietnamese error naming the file and row, and nothing is written', async () => {
    const broken = path.join(dir, 'broken');
    cpSync(path.join(fixtures, 'd7'), broken, { recursive: true });
    rmSync(path.join(broken, 'url_alias.json'));
    const missing = await runCoop(['portal', 'import-drupal', broken, '--tenant', String(SECOND_ALLIANCE.id)], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Lỗi: Thiếu bảng url_alias (url_alias.csv hoặc url_alias.json) trong thư mục ${broken}.`);
    const badTenant = await runCoop(['portal', 'import-drupal', path.join(fixtures, 'd7'), '--tenant', 'abc'], env);
    expect(badTenant.code).toBe(1);
    expect(badTenant.stderr).toContain('--tenant: mã Liên minh là số nguyên dương.');
  }, 180_000);
});
