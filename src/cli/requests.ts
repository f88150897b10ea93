// `coop requests report`: the year's report on difficulties and recommendations, the same computation as the API.
import type { Command } from 'commander';
import type { TenantScope } from '../server/modules/reports/reports.queries.ts';
import { computeRequestsReport, type RequestsReport } from '../server/modules/difficulties/requests-report.ts';
import { categoryLabel } from '../server/modules/difficulties/public-difficulties.words.ts';
import { summaryLines } from '../server/modules/difficulties/requests-report.lines.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { formatCount } from '../shared/format.ts';
import { printJson, withDatabase } from './context.ts';

function yearOf(text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text.trim())) throw new Error(`--year: năm có 4 chữ số (nhận được "${text ?? ''}").`);
  return Number(text.trim());
}

function table(headers: string[], rows: (string | number | null)[][]): string[] {
  const cells = rows.map((r) => r.map((v) => (v === null ? '—' : typeof v === 'number' ? formatCount(v) : v)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(headers), ...cells.map(line)];
}

/** The report as readable Vietnamese tables. */
export function reportText(r: RequestsReport, scopeName: string): string {
  return [
    `Khó khăn, kiến nghị năm ${r.year} — ${scopeName}`,
    ...summaryLines(r).map(([label, value]) => `  ${`${label}:`.padEnd(44)} ${formatCount(value)}`),
    '',
    'Theo lĩnh vực',
    ...table(['Lĩnh vực', 'Tiếp nhận', 'Chuyển', 'Trả lời', 'Giải quyết', 'Quá hạn'], r.byCategory.map((c) => [categoryLabel(c.category), c.received, c.forwarded, c.answered, c.resolved, c.overdue])),
    '',
    'Theo cơ quan (ngày làm việc để trả lời: trung vị, phân vị 90)',
    ...(r.byAgency.length
      ? table(['Cơ quan', 'Đã chuyển', 'Trả lời', 'Trung vị', 'P90', 'Quá hạn'], r.byAgency.map((a) => [a.agency, a.forwarded, a.answered, a.medianWorkingDays, a.p90WorkingDays, a.overdue]))
      : ['  (không có kiến nghị nào được chuyển)']),
    '',
    'Theo xã, phường',
    ...(r.byCommune.length ? table(['Xã, phường', 'Tiếp nhận', 'Giải quyết', 'Quá hạn'], r.byCommune.map((c) => [c.commune, c.received, c.resolved, c.overdue])) : ['  (không có)']),
  ].join('\n');
}

/** Add `coop requests …` to the program. */
export function register(program: Command): void {
  const requests = program.command('requests').description('Khó khăn, vướng mắc, kiến nghị của HTX');
  requests
    .command('report')
    .description('Báo cáo năm: tiếp nhận, trả lời, chuyển cơ quan, giải quyết, chuyển năm sau, quá hạn (theo lĩnh vực, cơ quan, xã)')
    .requiredOption('--year <year>', 'năm báo cáo')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--national', 'mọi Liên minh')
    .option('--json', 'in dạng JSON')
    .action(async (options: { year: string; tenant?: number; national?: boolean; json?: boolean }) => {
      const year = yearOf(options.year);
      if (options.tenant !== undefined && !(Number.isInteger(options.tenant) && options.tenant > 0)) throw new Error('--tenant: mã Liên minh là số nguyên dương.');
      await withDatabase('coop requests report', async (database) => {
        const scope: TenantScope = options.national ? { kind: 'national' } : { kind: 'tenant', tenantId: await resolveTenant(database.db, options.tenant) };
        const report = await computeRequestsReport(database.db, scope, year);
        if (options.json) printJson(report);
        else {
          const { scopeName } = await import('../server/modules/reports/annual-report.service.ts');
          process.stdout.write(`${reportText(report, await scopeName(database.db, scope))}\n`);
        }
      });
    });
}
