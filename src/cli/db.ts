import type { Command } from 'commander';
import { maintainEverything, type MaintenanceReport } from '../db/maintenance.ts';
import { printJson, withDatabase } from './context.ts';

/** What `coop db maintain` did, as a readable Vietnamese summary. */
export function describeMaintenance(report: MaintenanceReport, engine: string): string {
  const lines = report.tables.map((t) => `  ${t.table.padEnd(32)} ${String(t.ms).padStart(6)} ms`);
  return [
    `Đã phân tích thống kê (ANALYZE) và dọn dẹp (VACUUM) ${report.tables.length} bảng trong ${report.ms} ms (${engine}), từng bảng một:`,
    ...lines,
  ].join('\n');
}

export function register(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu');
  db.command('migrate')
    .description('Áp dụng các migration còn thiếu và nạp danh mục tham chiếu')
    .action(async () => {
      await withDatabase('coop db migrate', async (database) => {
        process.stdout.write(`Đã cập nhật lược đồ (${database.engine}).\n`);
      });
    });
  db.command('maintain')
    .description('Cập nhật thống kê cho bộ lập kế hoạch truy vấn (ANALYZE) và dọn dẹp (VACUUM) mọi bảng, từng bảng một')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase('coop db maintain', async (database) => {
        const report = await maintainEverything(database.exec);
        if (options.json) printJson({ engine: database.engine, ...report });
        else process.stdout.write(`${describeMaintenance(report, database.engine)}\n`);
      });
    });
}
