// `coop loans rules set|list`: the fund's lending rules from the command line, through the same service and
// zod schema as the API (the operator acts as the alliance's admin).
import type { Command } from 'commander';
import { systemActor } from '../server/modules/accounts/roles.ts';
import { findLoanRules, presentRules, setLoanRules } from '../server/modules/loans/loan-rules.service.ts';
import { LoanRulesInput } from '../server/modules/loans/loans.schemas.ts';
import { resolveTenant } from '../server/modules/tenants/tenants.service.ts';
import { printJson, withDatabase } from './context.ts';

type SetOptions = {
  effectiveFrom?: string;
  maxAmount?: string;
  maxTermMonths?: string;
  maxGraceMonths?: string;
  methods?: string;
  rate?: string;
  penaltyRate?: string;
  minMonthsSinceFounding?: string;
  sectorGroups?: string;
  kinds?: string;
  maxOpenLoans?: string;
  note?: string;
  tenant?: number;
};

const OPTION_OF_FIELD: Record<string, string> = {
  effectiveFrom: '--effective-from', maxAmountVnd: '--max-amount', maxTermMonths: '--max-term-months', maxGraceMonths: '--max-grace-months',
  methods: '--methods', annualRatePercent: '--rate', penaltyRatePercent: '--penalty-rate', minMonthsSinceFounding: '--min-months-since-founding',
  sectorGroups: '--sector-groups', kinds: '--kinds', maxOpenLoans: '--max-open-loans', note: '--note',
};

const integer = (text: string | undefined) => (text === undefined ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean));

/** Reads the options into the API's schema; a bad value is named by its option. */
export function parseRulesOptions(o: SetOptions): LoanRulesInput {
  const parsed = LoanRulesInput.safeParse({
    effectiveFrom: o.effectiveFrom,
    maxAmountVnd: o.maxAmount,
    maxTermMonths: integer(o.maxTermMonths),
    maxGraceMonths: integer(o.maxGraceMonths),
    methods: list(o.methods),
    annualRatePercent: o.rate,
    penaltyRatePercent: integer(o.penaltyRate),
    minMonthsSinceFounding: integer(o.minMonthsSinceFounding),
    sectorGroups: list(o.sectorGroups),
    kinds: list(o.kinds),
    maxOpenLoans: integer(o.maxOpenLoans),
    note: o.note,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new Error(`${OPTION_OF_FIELD[field] ?? field}: ${issue.message}`);
}

/** Add `coop loans rules …` to the program. */
export function register(program: Command): void {
  const loans = program.commands.find((c) => c.name() === 'loans') ?? program.command('loans').description('Quỹ hỗ trợ phát triển HTX: khoản vay');
  const rules = loans.command('rules').description('Quy định cho vay của Quỹ (theo phiên bản có ngày hiệu lực)');
  rules
    .command('set')
    .description('Ban hành một phiên bản quy định cho vay')
    .requiredOption('--effective-from <date>', 'ngày hiệu lực, YYYY-MM-DD')
    .requiredOption('--max-amount <vnd>', 'mức cho vay tối đa, đồng')
    .requiredOption('--max-term-months <n>', 'thời hạn vay tối đa, tháng')
    .requiredOption('--methods <list>', 'phương thức trả nợ: equal_principal,bullet')
    .requiredOption('--rate <percent>', 'lãi suất %/năm (ví dụ 4.8)')
    .option('--max-grace-months <n>', 'ân hạn gốc tối đa, tháng', '0')
    .option('--penalty-rate <percent>', 'lãi phạt quá hạn, % lãi suất trong hạn', '150')
    .option('--min-months-since-founding <n>', 'số tháng hoạt động tối thiểu của tổ chức vay', '0')
    .option('--sector-groups <list>', 'nhóm ngành được vay: agriculture,non_agriculture,credit_fund (mặc định: tất cả)')
    .option('--kinds <list>', 'loại hình được vay: HTX,LHHTX,THT,QTDND (mặc định: tất cả)')
    .option('--max-open-loans <n>', 'số khoản vay chưa tất toán tối đa của một tổ chức')
    .option('--note <text>', 'căn cứ, ghi chú (ví dụ số quyết định ban hành)')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (options: SetOptions) => {
      const input = parseRulesOptions(options);
      await withDatabase('coop loans rules set', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        printJson(presentRules(await setLoanRules(database.db, { actor: systemActor(tenantId), input })));
      });
    });
  rules
    .command('list')
    .description('Các phiên bản quy định cho vay, mới nhất trước')
    .option('--tenant <id>', 'mã Liên minh', (v) => Number(v))
    .action(async (options: { tenant?: number }) => {
      await withDatabase('coop loans rules list', async (database) => {
        const tenantId = await resolveTenant(database.db, options.tenant);
        const { versions, inForceId } = await findLoanRules(database.db, { actor: systemActor(tenantId) });
        printJson({ inForceId, versions: versions.map(presentRules) });
      });
    });
}
