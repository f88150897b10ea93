// `coop report annual|close|differences`: the year-end report from the command line, the same services as the API.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../server/modules/accounts/roles.ts';
import type { AnnualReport } from '../server/modules/reports/annual-report.build.ts';
import { readAnnualReport } from '../server/modules/reports/annual-report.service.ts';
import { closeYearForTenant, findYearDifferences } from '../server/modules/reports/closing.service.ts';
import { annualReportPdf } from '../server/modules/reports/export/annual-report.pdf.ts';
import { annualReportXlsx } from '../server/modules/reports/export/annual-report.xlsx.ts';
import { reportLines, reportTitles } from '../server/modules/reports/export/report-lines.ts';
import type { TenantScope } from '../server/modules/reports/reports.queries.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { formatCount, formatPercent } from '../shared/format.ts';
import { printJson, withDatabase } from './context.ts';
import { register as registerPlan } from './plan.ts';

type AnnualOptions = { year: string; asOf?: string; json?: boolean; format?: string; out?: string; tenant?: number; national?: boolean };

function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new Error(`--year: năm có 4 chữ số (nhận được "${text}").`);
  return Number(text.trim());
}

/** The report as readable lines: title, the paragraph, then the main table. */
export function reportAsText(r: AnnualReport): string {
  const { title, subtitle } = reportTitles(r);
  const rows = reportLines(r).map((l) => {
    const number = l.number ? `${l.number}. ` : '';
    const figure = l.value === null ? (l.percent === null ? '' : formatPercent(l.percent)) : `${formatCount(BigInt(l.value))} ${l.unit}${l.percent === null ? '' : ` (${formatPercent(l.percent)})`}`;
    return `${l.section ? '' : '    '}${number}${l.label}${figure ? `: ${figure}` : ''}`;
  });
  return [title, subtitle, '', r.narrative, '', ...rows].join('\n');
}

async function scopeFor(db: Parameters<typeof resolveTenant>[0], options: { tenant?: number; national?: boolean }): Promise<TenantScope> {
  if (options.national) return { kind: 'national' };
  return { kind: 'tenant', tenantId: await resolveTenant(db, options.tenant) };
}

/** Add `coop report …` (and `coop plan …`, its companion) to the program. */
export function register(program: Command): void {
  registerPlan(program);
  const report = program.command('report').description('Báo cáo số liệu năm');
  report
    .command('annual')
    .description('Báo cáo số liệu năm: JSON, hoặc tệp .xlsx/.pdf')
    .requiredOption('--year <year>', 'năm báo cáo')
    .option('--as-of <date>', 'tính đến ngày YYYY-MM-DD (mặc định 31/12 của năm)')
    .option('--json', 'in báo cáo dạng JSON')
    .option('--format <format>', 'xlsx | pdf (cần --out)')
    .option('--out <file>', 'tệp ghi ra')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--national', 'tổng hợp toàn quốc (mọi Liên minh)')
    .action(async (options: AnnualOptions) => {
      const year = yearOf(options.year);
      if (options.format && !['xlsx', 'pdf'].includes(options.format)) throw new Error(`--format: xlsx hoặc pdf (nhận được "${options.format}").`);
      if (options.format && !options.out) throw new Error('Cần --out <tệp> khi có --format.');
      if (options.format && options.json) throw new Error('Chọn một: --json hoặc --format.');
      await withDatabase('coop report annual', async (database) => {
        const scope = await scopeFor(database.db, options);
        const r = await readAnnualReport(database.db, { scope, year, asOf: options.asOf });
        if (options.json) return printJson(r);
        if (options.format) {
          const bytes = options.format === 'xlsx' ? await annualReportXlsx(r) : await annualReportPdf(r);
          await writeFile(options.out!, bytes);
          return void process.stdout.write(`Đã ghi ${options.out} (${formatCount(bytes.length)} byte).\n`);
        }
        process.stdout.write(`${reportAsText(r)}\n`);
      });
    });
  report
    .command('close')
    .description('Chốt số liệu năm: báo cáo đã công bố không thay đổi về sau')
    .requiredOption('--year <year>', 'năm cần chốt')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--json', 'in báo cáo đã chốt dạng JSON')
    .action(async (options: { year: string; tenant?: number; json?: boolean }) => {
      const year = yearOf(options.year);
      await withDatabase('coop report close', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        const r = await closeYearForTenant(database.db, { actor: systemActor(tenantId), tenantId, year });
        if (options.json) return printJson(r);
        process.stdout.write(`Đã chốt số liệu năm ${year}: ${formatCount(r.total)} tổ chức, ${formatCount(r.newlyEstablished)} thành lập mới.\n`);
      });
    });
  report
    .command('differences')
    .description('So sánh số liệu đã chốt của một năm với số liệu hiện tại')
    .requiredOption('--year <year>', 'năm đã chốt')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (options: { year: string; tenant?: number }) => {
      const year = yearOf(options.year);
      await withDatabase('coop report differences', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        printJson(await findYearDifferences(database.db, { tenantId, year }));
      });
    });
}
