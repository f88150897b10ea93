// `coop awards report --year Y [--json]` (the year's figures and the narrative sentence, decision 010) and
// `coop awards import FILE [--dry-run] [--json]` (past years' registers from Excel, a row-level report).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemActor } from '../server/modules/accounts/roles.ts';
import { awardsNarrative, computeAwardsReport, publicReport, type AwardsReportDetail } from '../server/modules/awards/awards-report.ts';
import { importAwards, importReportText } from '../server/modules/awards/awards-import.ts';
import { AWARD_FORM_LABELS, AWARD_LEVEL_LABELS, formatVnd, type AwardForm, type AwardLevel } from '../server/modules/awards/awards.words.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { printJson, withDatabase } from './context.ts';

function yearOf(text: string | undefined): number {
  if (!text || !/^\d{4}$/.test(text.trim())) throw new Error(`--year: năm có 4 chữ số (nhận được "${text ?? ''}").`);
  return Number(text.trim());
}

function tenantOf(tenant: number | undefined): number | undefined {
  if (tenant !== undefined && !(Number.isInteger(tenant) && tenant > 0)) throw new Error('--tenant: mã Liên minh là số nguyên dương.');
  return tenant;
}

/** The figures as readable Vietnamese lines. */
export function awardsReportText(r: AwardsReportDetail): string {
  return [
    `Khen thưởng năm ${r.year}`,
    ...r.byForm.map((f) => `  ${`${AWARD_FORM_LABELS[f.form as AwardForm] ?? f.form} — ${AWARD_LEVEL_LABELS[f.level as AwardLevel] ?? f.level}:`.padEnd(50)} ${f.collectives} tập thể, ${f.individuals} cá nhân`),
    `  ${'Tổng tiền thưởng:'.padEnd(50)} ${formatVnd(r.totalCash)}`,
    `  ${'Đã hủy bỏ:'.padEnd(50)} ${r.revoked}`,
    '',
    awardsNarrative(r) || '(không có khen thưởng nào trong năm)',
  ].join('\n');
}

/** Add `coop awards …` to the program. */
export function register(program: Command): void {
  const awards = program.command('awards').description('Thi đua, khen thưởng: số liệu năm, nhập sổ khen thưởng');
  awards
    .command('report')
    .description('Số liệu khen thưởng của năm theo hình thức, cấp, tập thể và cá nhân; câu tổng kết')
    .requiredOption('--year <year>', 'năm khen thưởng')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--json', 'in dạng JSON')
    .action(async (options: { year: string; tenant?: number; json?: boolean }) => {
      const year = yearOf(options.year);
      const tenant = tenantOf(options.tenant);
      await withDatabase('coop awards report', async (database) => {
        const detail = await computeAwardsReport(database.db, await resolveTenant(database.db, tenant), year);
        if (options.json) printJson({ ...publicReport(detail), narrative: awardsNarrative(detail) });
        else process.stdout.write(`${awardsReportText(detail)}\n`);
      });
    });
  awards
    .command('import')
    .description('Nhập sổ khen thưởng các năm trước từ Excel (Năm, Hình thức, Cấp, Đối tượng, Tên, Chức vụ, Đơn vị, Số quyết định, Ngày quyết định, Số tiền)')
    .argument('<file>', 'tệp .xlsx')
    .option('--dry-run', 'chỉ kiểm tra, không ghi')
    .option('--json', 'in báo cáo dạng JSON')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (file: string, options: { dryRun?: boolean; json?: boolean; tenant?: number }) => {
      const tenant = tenantOf(options.tenant);
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        throw new Error(`Không đọc được tệp "${file}".`);
      }
      await withDatabase('coop awards import', async (database) => {
        const tenantId = await resolveTenant(database.db, tenant);
        const report = await importAwards(database.db, { actor: systemActor(tenantId), content, dryRun: options.dryRun === true });
        if (options.json) printJson({ file, ...report });
        else process.stdout.write(`${importReportText(report, file)}\n`);
        if (report.errors.length) process.exitCode = 1;
      });
    });
}
