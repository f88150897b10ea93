// `coop import cooperatives FILE`: imports a registry workbook (.xlsx/.csv) as the system actor, in one transaction.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { systemActor } from '../server/modules/accounts/roles.ts';
import { importCooperatives, uploadTooLarge, type ImportReport } from '../server/modules/imports/import.service.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { printJson, withDatabase } from './context.ts';

type Options = { dryRun?: boolean; json?: boolean; tenant?: number };

const LISTED = 100; // beyond this, the readable summary points to --json or the .xlsx report

async function readInput(file: string, maxBytes: number): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new Error(`Không mở được tệp "${file}".`);
  }
  // The same limit as an upload through the web, checked before the file is read into memory.
  if (size > maxBytes) throw uploadTooLarge(maxBytes);
  return readFile(file);
}

function list<T>(title: string, items: T[], line: (item: T) => string): string[] {
  if (!items.length) return [];
  const shown = items.slice(0, LISTED).map((item) => `  ${line(item)}`);
  const more = items.length > LISTED ? [`  … và ${items.length - LISTED} dòng khác (xem --json hoặc báo cáo .xlsx)`] : [];
  return ['', `${title}:`, ...shown, ...more];
}

/** The report as a readable Vietnamese summary. */
export function summarise(report: ImportReport): string {
  const mode = report.dryRun ? ' — CHẠY THỬ, không ghi gì vào sổ đăng ký' : '';
  return [
    `Nhập sổ đăng ký từ "${report.fileName}" (trang "${report.sheetName}", dòng tiêu đề ${report.headerRow})${mode}`,
    `  Số dòng dữ liệu:  ${report.rowsInFile}`,
    `  Thêm mới:         ${report.imported}`,
    `  Cập nhật:         ${report.updated}`,
    `  Không thay đổi:   ${report.unchanged}`,
    `  Trùng mã số:      ${report.duplicates.length}`,
    `  Bị từ chối:       ${report.rejected.length}`,
    `  Cảnh báo:         ${report.warnings.length}`,
    ...list('Dòng trùng mã số (giữ dòng đầu tiên)', report.duplicates, (d) => `Dòng ${d.row} trùng dòng ${d.firstRow} (mã số ${d.registrationNumber || 'không có'})`),
    ...list('Dòng bị từ chối', report.rejected, (r) => `Dòng ${r.row}: ${r.reason}`),
    ...list('Cảnh báo', report.warnings, (w) => `Dòng ${w.row}: ${w.message}`),
    '',
    `Mã lượt nhập: ${report.importId}`,
  ].join('\n');
}

/** Add `coop import cooperatives` to the program. */
export function register(program: Command): void {
  const imports = program.commands.find((command) => command.name() === 'import') ?? program.command('import').description('Nhập dữ liệu từ tệp');
  imports
    .command('cooperatives <file>')
    .description('Nhập sổ đăng ký HTX từ tệp .xlsx hoặc .csv (một giao dịch: ghi tất cả hoặc không ghi gì)')
    .option('--dry-run', 'chạy thử: tính báo cáo nhưng không ghi vào sổ đăng ký')
    .option('--json', 'in báo cáo dạng JSON')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (file: string, options: Options) => {
      const content = await readInput(file, loadConfig().maxUploadBytes);
      await withDatabase('coop import cooperatives', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        const report = await importCooperatives(database.db, {
          actor: systemActor(tenantId),
          tenantId,
          fileName: path.basename(file),
          content,
          dryRun: options.dryRun === true,
          // Progress goes to stderr so that stdout stays one JSON document with --json.
          onProgress: (p) => process.stderr.write(`Đã ghi ${p.done}/${p.total} tổ chức…\n`),
        });
        if (options.json) printJson(report);
        else process.stdout.write(`${summarise(report)}\n`);
      });
    });
}
