// `coop loans schedule`: prints a loan's repayment schedule from the money engine; touches no database.
import type { Command } from 'commander';
import { toVietnameseDate } from '../server/modules/loans/calendar.ts';
import { LoanInputError } from '../server/modules/loans/loan-input-error.ts';
import {
  buildSchedule,
  type RepaymentMethod,
  type Schedule,
  type ScheduleInput,
} from '../server/modules/loans/schedule.ts';

interface RawOptions {
  principal?: string;
  rate?: string;
  termMonths?: string;
  method?: string;
  graceMonths?: string;
  disbursed?: string;
  json?: boolean;
}

const OPTION_OF_FIELD: Record<string, string> = {
  principalVnd: '--principal',
  annualRatePercent: '--rate',
  termMonths: '--term-months',
  method: '--method',
  graceMonths: '--grace-months',
  disbursedOn: '--disbursed',
};

const METHOD_LABELS: Record<RepaymentMethod, string> = {
  equal_principal: 'gốc trả đều hằng tháng',
  bullet: 'gốc trả một lần cuối kỳ',
};

/** Add `coop loans schedule` to the program. */
export function register(program: Command): void {
  const loans =
    program.commands.find((command) => command.name() === 'loans') ??
    program.command('loans').description('Quỹ hỗ trợ phát triển HTX: khoản vay');
  loans
    .command('schedule')
    .description('Lập lịch trả nợ của một khoản vay (không dùng cơ sở dữ liệu)')
    .option('--principal <vnd>', 'số tiền vay, đồng (số nguyên, ví dụ 300000000)')
    .option('--rate <percent>', 'lãi suất %/năm, tối đa 2 chữ số thập phân (ví dụ 4.8)')
    .option('--term-months <n>', 'thời hạn vay, tháng (1–360)')
    .option('--method <method>', 'equal_principal (gốc trả đều) hoặc bullet (gốc trả cuối kỳ)')
    .option('--grace-months <n>', 'số tháng ân hạn gốc', '0')
    .option('--disbursed <date>', 'ngày giải ngân, YYYY-MM-DD')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: RawOptions) => {
      const input = parseOptions(options);
      let schedule: Schedule;
      try {
        schedule = buildSchedule(input);
      } catch (error) {
        if (!(error instanceof LoanInputError)) throw error;
        throw new Error(`${OPTION_OF_FIELD[error.field] ?? error.field}: ${error.message}`, { cause: error });
      }
      const output = options.json ? JSON.stringify(scheduleAsJson(schedule)) : scheduleAsTable(schedule, input);
      process.stdout.write(`${output}\n`);
    });
}

function required(value: string | undefined, option: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new Error(`Thiếu tùy chọn ${option} (${what}).`);
  return value.trim();
}

// Digits only: "3e8", "1.5" or "300.000.000" would otherwise be read as something else than the user meant.
function digits(text: string, option: string, what: string): string {
  if (!/^\d+$/.test(text)) {
    throw new Error(`${option}: ${what} phải là số nguyên, chỉ gồm chữ số (nhận được "${text}").`);
  }
  return text;
}

function parseOptions(options: RawOptions): ScheduleInput {
  const principal = required(options.principal, '--principal', 'số tiền vay, đồng');
  const term = required(options.termMonths, '--term-months', 'thời hạn vay, tháng');
  const grace = (options.graceMonths ?? '0').trim();
  return {
    principalVnd: BigInt(digits(principal, '--principal', 'số tiền vay')),
    annualRatePercent: required(options.rate, '--rate', 'lãi suất %/năm'),
    termMonths: Number(digits(term, '--term-months', 'thời hạn vay')),
    // Checked by buildSchedule, whose error names the field.
    method: required(options.method, '--method', 'equal_principal hoặc bullet') as RepaymentMethod,
    graceMonths: Number(digits(grace, '--grace-months', 'số tháng ân hạn')),
    disbursedOn: required(options.disbursed, '--disbursed', 'ngày giải ngân YYYY-MM-DD'),
  };
}

/** JSON numbers are exact only up to 2^53 − 1; refuse rather than print a rounded amount. */
function safeNumber(amountVnd: bigint): number {
  if (amountVnd > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(
      `Số tiền ${formatVnd(amountVnd)} đồng vượt quá ${formatVnd(BigInt(Number.MAX_SAFE_INTEGER))}, ` +
        'không ghi chính xác được thành số JSON; hãy bỏ --json để in dạng bảng.',
    );
  }
  return Number(amountVnd);
}

/** The schedule as the JSON the command prints: amounts as whole-đồng integers. */
export function scheduleAsJson(schedule: Schedule) {
  return {
    installments: schedule.installments.map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      principal: safeNumber(i.principalVnd),
      interest: safeNumber(i.interestVnd),
      total: safeNumber(i.totalVnd),
    })),
    totalInterest: safeNumber(schedule.totalInterestVnd),
  };
}

/** 1234567n → "1.234.567" (Vietnamese digit grouping). */
export function formatVnd(amountVnd: bigint): string {
  const sign = amountVnd < 0n ? '-' : '';
  const digits = (amountVnd < 0n ? -amountVnd : amountVnd).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A readable Vietnamese table of the schedule. */
export function scheduleAsTable(schedule: Schedule, input: ScheduleInput): string {
  const { installments, totalInterestVnd } = schedule;
  const totalPrincipalVnd = installments.reduce((sum, i) => sum + i.principalVnd, 0n);
  const header = ['Kỳ', 'Ngày đến hạn', 'Gốc', 'Lãi', 'Tổng phải trả'];
  const rows = installments.map((i) => [
    String(i.n),
    toVietnameseDate(i.dueDate),
    formatVnd(i.principalVnd),
    formatVnd(i.interestVnd),
    formatVnd(i.totalVnd),
  ]);
  const footer = [
    'Cộng',
    '',
    formatVnd(totalPrincipalVnd),
    formatVnd(totalInterestVnd),
    formatVnd(totalPrincipalVnd + totalInterestVnd),
  ];
  const widths = header.map((_, column) => Math.max(...[header, ...rows, footer].map((row) => (row[column] ?? '').length)));
  // Amounts right-aligned, the date column left-aligned.
  const pad = (cell: string, column: number) =>
    column === 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0);
  const line = (row: string[]) => row.map(pad).join('  ');
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const grace = input.graceMonths ? `, ân hạn gốc ${input.graceMonths} tháng` : '';
  const title =
    `Lịch trả nợ: ${formatVnd(input.principalVnd)} đồng, lãi suất ${input.annualRatePercent.replace('.', ',')}%/năm, ` +
    `${input.termMonths} tháng, ${METHOD_LABELS[input.method]}${grace}, ` +
    `giải ngân ${toVietnameseDate(input.disbursedOn)} (đơn vị: đồng)`;
  return [title, '', line(header), rule, ...rows.map(line), rule, line(footer)].join('\n');
}
