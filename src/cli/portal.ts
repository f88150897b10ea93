// `coop portal import-drupal SOURCE`: the old Drupal site's articles, photos and addresses moved into the portal.
import type { Command } from 'commander';
import { importDrupalSite, type DrupalImportReport, type NotImportedItem } from '../server/modules/portal/drupal/drupal-import.ts';
import { FORM_NAMES } from '../server/modules/portal/drupal/drupal-site.ts';
import { readDrupalSource } from '../server/modules/portal/drupal/drupal-source.ts';
import { portalTenant } from '../server/modules/portal/portal-tenant.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { formatCount } from '../shared/format.ts';
import { printJson, withDatabase } from './context.ts';

const SHOWN = 30;

function list<T>(title: string, items: T[], line: (item: T) => string): string[] {
  if (!items.length) return [];
  const more = items.length > SHOWN ? [`  … và ${formatCount(items.length - SHOWN)} mục nữa (xem --json)`] : [];
  return ['', `${title}:`, ...items.slice(0, SHOWN).map((item) => `  - ${line(item)}`), ...more];
}

const itemLine = (i: NotImportedItem) => `nút ${i.nid} «${i.title}»: ${i.reason}`;

/** The report as a readable Vietnamese summary. */
export function importText(r: DrupalImportReport): string {
  const row = (label: string, value: number) => `  ${`${label}:`.padEnd(28)} ${formatCount(value)}`;
  return [
    `Nhập từ trang Drupal cũ (${FORM_NAMES[r.source.form]}): ${r.source.origin}`,
    ...(r.dryRun ? ['Chạy thử: kết quả như khi nhập thật, nhưng không có gì được ghi.'] : []),
    row('Bài đã nhập', r.imported.length),
    row('Bài bỏ qua', r.skipped.length),
    row('Bài không nhập được', r.failed.length),
    row('Ảnh đã chép vào cổng', r.images.copied),
    row('Ảnh không lấy được', r.images.unreachable.length),
    row('Địa chỉ cũ chuyển hướng (301)', r.redirects),
    ...(r.categoriesCreated.length ? [`  Chuyên mục mới: ${r.categoriesCreated.join('; ')}`] : []),
    ...list('Bài không nhập được', r.failed, itemLine),
    ...list('Bài bỏ qua', r.skipped, itemLine),
    ...list('Ảnh không lấy được (bài vẫn được nhập, thiếu ảnh này)', r.images.unreachable, (u) => `nút ${u.nid}: ${u.url} — ${u.reason}`),
  ].join('\n');
}

/** Add `coop portal …` to the program. */
export function register(program: Command): void {
  const portal = program.command('portal').description('Cổng thông tin điện tử');
  portal
    .command('import-drupal')
    .description('Chuyển bài viết, ảnh, chuyên mục và địa chỉ cũ từ trang Drupal: thư mục bảng CSV/JSON (Drupal 8+ hoặc 7), địa chỉ trang (JSON:API) hoặc nguồn RSS')
    .argument('<source>', 'thư mục chứa các bảng, tệp rss.xml, hoặc địa chỉ http(s) của trang cũ')
    .option('--dry-run', 'chạy thử: báo cáo như khi nhập thật, không ghi gì')
    .option('--json', 'in báo cáo dạng JSON')
    .option('--tenant <id>', 'mã Liên minh (mặc định: Liên minh của cổng thông tin)', (v) => Number(v))
    .action(async (source: string, options: { dryRun?: boolean; json?: boolean; tenant?: number }) => {
      if (options.tenant !== undefined && !(Number.isInteger(options.tenant) && options.tenant > 0)) throw new Error('--tenant: mã Liên minh là số nguyên dương.');
      // The old site is read (and fetched) before the database is opened: a bad source writes nothing.
      const site = await readDrupalSource(source);
      await withDatabase('coop portal import-drupal', async (database, config) => {
        const tenantId = options.tenant !== undefined ? await resolveTenant(database.db, options.tenant) : (await portalTenant(database.db, config)).id;
        const report = await importDrupalSite(database.db, { site, tenantId, dryRun: options.dryRun ?? false });
        if (options.json) printJson(report);
        else process.stdout.write(`${importText(report)}\n`);
      });
    });
}
