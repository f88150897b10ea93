// `coop plan set|list`: the alliance's yearly targets, set as the operator of the machine.
import type { Command } from 'commander';
import { systemActor } from '../server/modules/accounts/roles.ts';
import { findPlanTargets, setPlanForTenant } from '../server/modules/reports/plans.service.ts';
import { PLAN_INDICATOR_LABELS, PLAN_INDICATORS, type PlanIndicator } from '../server/modules/reports/reports.schemas.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { formatCount } from '../shared/format.ts';
import { printJson, withDatabase } from './context.ts';

type SetOptions = { year: string; indicator: string; target: string; area?: string; tenant?: number };

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${option}: phải là số nguyên không âm, chỉ gồm chữ số (nhận được "${text}").`);
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n)) throw new Error(`${option}: số quá lớn.`);
  return n;
}

function indicatorOf(text: string): PlanIndicator {
  if (!(PLAN_INDICATORS as readonly string[]).includes(text)) throw new Error(`--indicator: một trong ${PLAN_INDICATORS.join(', ')} (nhận được "${text}").`);
  return text as PlanIndicator;
}

/** Add `coop plan set` and `coop plan list` to the program. */
export function register(program: Command): void {
  const plan = program.command('plan').description('Kế hoạch năm của Liên minh (chỉ tiêu)');
  plan
    .command('set')
    .description('Giao (hoặc sửa) một chỉ tiêu kế hoạch năm, cho toàn tỉnh hoặc một địa bàn')
    .requiredOption('--year <year>', 'năm kế hoạch, ví dụ 2023')
    .requiredOption('--indicator <name>', PLAN_INDICATORS.join(' | '))
    .requiredOption('--target <n>', 'chỉ tiêu (số nguyên; vốn tính bằng đồng)')
    .option('--area <name>', 'địa bàn như báo cáo ghi (huyện, thành phố khi đăng ký); bỏ trống: toàn tỉnh')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (options: SetOptions) => {
      const input = { year: wholeNumber(options.year, '--year'), indicator: indicatorOf(options.indicator), target: wholeNumber(options.target, '--target'), area: options.area ?? '' };
      await withDatabase('coop plan set', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        const saved = await setPlanForTenant(database.db, { actor: systemActor(tenantId), tenantId, input });
        process.stdout.write(`Đã giao chỉ tiêu năm ${saved.year}: ${PLAN_INDICATOR_LABELS[input.indicator]} — ${saved.area || 'toàn tỉnh'}: ${formatCount(saved.target)}.\n`);
      });
    });
  plan
    .command('list')
    .description('Liệt kê các chỉ tiêu kế hoạch của một năm')
    .requiredOption('--year <year>', 'năm kế hoạch')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .option('--json', 'in dạng JSON')
    .action(async (options: { year: string; tenant?: number; json?: boolean }) => {
      const year = wholeNumber(options.year, '--year');
      await withDatabase('coop plan list', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        const plans = await findPlanTargets(database.db, tenantId, year);
        if (options.json) return printJson(plans);
        if (plans.length === 0) return void process.stdout.write(`Chưa giao chỉ tiêu nào cho năm ${year}.\n`);
        for (const p of plans) process.stdout.write(`${PLAN_INDICATOR_LABELS[p.indicator]} — ${p.area || 'toàn tỉnh'}: ${formatCount(p.target)}\n`);
      });
    });
}
