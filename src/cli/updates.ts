// `coop updates status|template|import`: the annual update from the command line, the same services as the API.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { systemActor } from '../server/modules/accounts/roles.ts';
import { computeCompliance, type Compliance } from '../server/modules/annual-updates/compliance.service.ts';
import type { UpdateImportReport } from '../server/modules/annual-updates/update-import.ts';
import type { TenantScope } from '../server/modules/reports/reports.queries.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { formatCount } from '../shared/format.ts';
import { printJson, withDatabase } from './context.ts';

type TenantOptions = { tenant?: number };
const LISTED = 100;

function yearOf(text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text.trim())) throw new Error(`--year: năm có 4 chữ số (nhận được "${text ?? ''}").`);
  return Number(text.trim());
}

/** What `coop updates status --json` prints: exactly these keys (issue 13). */
export function statusJson(c: Compliance) {
  return {
    year: c.year,
    deadline: c.deadline,
    due: c.due,
    onTime: c.onTime,
    late: c.late,
    missing: c.missing,
    returned: c.returned,
    accepted: c.accepted,
    byCommune: c.byCommune.map(({ code, name, due, onTime, late, missing }) => ({ code, name, due, onTime, late, missing })),
  };
}

/** The status as a readable Vietnamese summary with a table by commune. */
export function statusText(c: Compliance): string {
  const width = Math.max(12, ...c.byCommune.map((r) => r.name.length));
  const cell = (n: number) => formatCount(n).padStart(9);
  return [
    `Cập nhật thông tin năm ${c.year} — hạn nộp 23:59 ngày 15/12/${c.year} (giờ Việt Nam)`,
    `  Phải cập nhật:        ${formatCount(c.due)}`,
    `  Nộp đúng hạn:         ${formatCount(c.onTime)}`,
    `  Nộp muộn:             ${formatCount(c.late)}`,
    `  Chưa nộp:             ${formatCount(c.missing)}`,
    `  Bị trả lại, chưa sửa: ${formatCount(c.returned)}`,
    `  Đã được chấp nhận:    ${formatCount(c.accepted)}`,
    '',
    `${'Xã, phường'.padEnd(width)} ${'Phải nộp'.padStart(9)} ${'Đúng hạn'.padStart(9)} ${'Muộn'.padStart(9)} ${'Chưa nộp'.padStart(9)}`,
    ...c.byCommune.map((r) => `${r.name.padEnd(width)} ${cell(r.due)} ${cell(r.onTime)} ${cell(r.late)} ${cell(r.missing)}`),
  ].join('\n');
}

function list<T>(title: string, items: T[], line: (item: T) => string): string[] {
  if (!items.length) return [];
  const more = items.length > LISTED ? [`  … và ${items.length - LISTED} dòng khác (xem --json)`] : [];
  return ['', `${title}:`, ...items.slice(0, LISTED).map((item) => `  ${line(item)}`), ...more];
}

/** The import's report as a readable Vietnamese summary. */
export function importSummary(r: UpdateImportReport): string {
  return [
    `Nhập cập nhật thông tin năm ${r.year} từ "${r.fileName}"${r.dryRun ? ' — CHẠY THỬ, không ghi gì' : ''}`,
    `  Số dòng tổ chức:      ${r.rowsInFile}`,
    `  ${r.dryRun ? 'Sẽ nộp' : 'Đã nộp'}:              ${r.submitted}`,
    `  Đã nộp từ trước:      ${r.unchanged}`,
    `  Dòng để trống:        ${r.blank}`,
    `  Bị từ chối:           ${r.rejected.length}`,
    ...list('Dòng bị từ chối', r.rejected, (x) => `Trang ${x.sheet}, dòng ${x.row}${x.name ? ` (${x.name})` : ''}: ${x.reasons.join(' ')}`),
  ].join('\n');
}

async function readInput(file: string, maxBytes: number): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new Error(`Không mở được tệp "${file}".`);
  }
  if (size > maxBytes) throw (await import('../server/modules/imports/import.service.ts')).uploadTooLarge(maxBytes);
  return readFile(file);
}

/** Add `coop updates …` to the program. */
export function register(program: Command): void {
  const updates = program.command('updates').description('Cập nhật thông tin hằng năm của HTX, liên hiệp HTX, tổ hợp tác');
  updates
    .command('status')
    .description('Tình hình nộp: phải cập nhật, đúng hạn, muộn, chưa nộp, bị trả lại, đã chấp nhận (theo xã, phường)')
    .requiredOption('--year <year>', 'năm cập nhật')
    .option('--json', 'in dạng JSON')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--national', 'mọi Liên minh')
    .action(async (options: TenantOptions & { year: string; json?: boolean; national?: boolean }) => {
      const year = yearOf(options.year);
      await withDatabase('coop updates status', async (database) => {
        const scope: TenantScope = options.national ? { kind: 'national' } : { kind: 'tenant', tenantId: await resolveTenant(database.db, options.tenant) };
        const c = await computeCompliance(database.db, { scope }, year);
        if (options.json) printJson(statusJson(c));
        else process.stdout.write(`${statusText(c)}\n`);
      });
    });
  updates
    .command('template')
    .description('Mẫu Excel để nhập cập nhật thông tin năm: một dòng cho mỗi tổ chức phải cập nhật')
    .requiredOption('--year <year>', 'năm cập nhật')
    .requiredOption('--out <file>', 'tệp .xlsx ghi ra')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (options: TenantOptions & { year: string; out: string }) => {
      const year = yearOf(options.year);
      if (!options.out.toLowerCase().endsWith('.xlsx')) throw new Error(`--out: tệp .xlsx (nhận được "${options.out}").`);
      await withDatabase('coop updates template', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        // The workbook's library loads only for the commands that write or read one (status stays quick).
        const { buildUpdateTemplate } = await import('../server/modules/annual-updates/template.ts');
        const bytes = await buildUpdateTemplate(database.db, { tenantId, year });
        await writeFile(options.out, bytes);
        process.stdout.write(`Đã ghi ${options.out} (${formatCount(bytes.length)} byte).\n`);
      });
    });
  updates
    .command('import <file>')
    .description('Nhập mẫu Excel đã điền: mỗi dòng hợp lệ thành một bản cập nhật đã nộp (kênh Excel), chờ Liên minh xem xét')
    .option('--dry-run', 'chạy thử: báo cáo từng dòng nhưng không ghi gì')
    .option('--json', 'in báo cáo dạng JSON')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (file: string, options: TenantOptions & { dryRun?: boolean; json?: boolean }) => {
      const content = await readInput(file, loadConfig().maxUploadBytes);
      await withDatabase('coop updates import', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        const { importUpdates } = await import('../server/modules/annual-updates/update-import.ts');
        const report = await importUpdates(database.db, { actor: systemActor(tenantId), tenantId, fileName: path.basename(file), content, dryRun: options.dryRun === true });
        if (options.json) printJson(report);
        else process.stdout.write(`${importSummary(report)}\n`);
      });
    });
}
