// Hand-computed schedules. Interest = outstanding × rate × days / 365, rounded half up per period.
import { describe, expect, it } from 'vitest';
import { LoanInputError } from './loan-input-error.ts';
import { buildSchedule, type ScheduleInput } from './schedule.ts';

const row = (n: number, dueDate: string, principal: number, interest: number) => ({
  n,
  dueDate,
  principalVnd: BigInt(principal),
  interestVnd: BigInt(interest),
  totalVnd: BigInt(principal + interest),
});

const LABELS: Record<string, string> = {
  principalVnd: 'Số tiền vay',
  annualRatePercent: 'Lãi suất năm',
  termMonths: 'Thời hạn vay',
  graceMonths: 'Thời gian ân hạn gốc',
  method: 'Phương thức trả nợ',
  disbursedOn: 'Ngày giải ngân',
};

describe('buildSchedule', () => {
  it('bullet loan disbursed on 31/01/2024: due dates clamp to month end from the original day', () => {
    // 300,000,000 × 4.8% = 14,400,000 a year = 39,452.0548 a day.
    // 29 days: 1,144,109.59 → 1,144,110; 31 days: 1,223,013.70 → 1,223,014;
    // 30 days: 1,183,561.64 → 1,183,562; 28 days: 1,104,657.53 → 1,104,658.
    const { installments, totalInterestVnd } = buildSchedule({
      principalVnd: 300_000_000n, annualRatePercent: '4.8', termMonths: 24, method: 'bullet', disbursedOn: '2024-01-31',
    });
    expect(installments.slice(0, 4)).toEqual([
      row(1, '2024-02-29', 0, 1_144_110), // 31/01 → 29/02: 29 days
      row(2, '2024-03-31', 0, 1_223_014), // back to the 31st, not the 29th
      row(3, '2024-04-30', 0, 1_183_562),
      row(4, '2024-05-31', 0, 1_223_014),
    ]);
    expect(installments[12]).toEqual(row(13, '2025-02-28', 0, 1_104_658)); // 2025 is not a leap year
    expect(installments[23]).toEqual(row(24, '2026-01-31', 300_000_000, 1_223_014));
    // 24 periods over 731 days: fourteen of 31 days, eight of 30, one of 29, one of 28.
    // 14 × 1,223,014 + 8 × 1,183,562 + 1,144,110 + 1,104,658 = 17,122,196 + 9,468,496 + 2,248,768.
    expect(totalInterestVnd).toBe(28_839_460n);
  });

  it('29 February as a clamped due date, equal principal with the remainder on the last instalment', () => {
    // 10,000,000 at 12% over 3 months: floor(10,000,000 / 3) = 3,333,333; last = 3,333,334.
    // 30/01 → 29/02 (30 days): 10,000,000 × 0.12 × 30/365 = 98,630.14 → 98,630
    // 29/02 → 30/03 (30 days):  6,666,667 × 0.12 × 30/365 = 65,753.43 → 65,753
    // 30/03 → 30/04 (31 days):  3,333,334 × 0.12 × 31/365 = 33,972.61 → 33,973
    const schedule = buildSchedule({
      principalVnd: 10_000_000n, annualRatePercent: '12', termMonths: 3, method: 'equal_principal', disbursedOn: '2024-01-30',
    });
    expect(schedule.installments).toEqual([
      row(1, '2024-02-29', 3_333_333, 98_630),
      row(2, '2024-03-30', 3_333_333, 65_753),
      row(3, '2024-04-30', 3_333_334, 33_973),
    ]);
    expect(schedule.totalInterestVnd).toBe(198_356n);
  });

  it('29 February reached without clamping, and 28 February in a common year', () => {
    const dueDates = (disbursedOn: string) =>
      buildSchedule({ principalVnd: 1_000_000n, annualRatePercent: '0', termMonths: 3, method: 'bullet', disbursedOn })
        .installments.map((i) => i.dueDate);
    expect(dueDates('2023-12-29')).toEqual(['2024-01-29', '2024-02-29', '2024-03-29']);
    expect(dueDates('2022-12-31')).toEqual(['2023-01-31', '2023-02-28', '2023-03-31']);
    expect(dueDates('2024-11-30')).toEqual(['2024-12-30', '2025-01-30', '2025-02-28']);
  });

  it('grace months: interest only first, principal spread over the remaining instalments', () => {
    // 12,000,000 at 6% (720,000 a year), 6 months, grace 2 → 4 × 3,000,000 from instalment 3.
    // 15/03→15/04 31 d: 12,000,000 → 61,150.68 → 61,151
    // 15/04→15/05 30 d: 12,000,000 → 59,178.08 → 59,178
    // 15/05→15/06 31 d: 12,000,000 → 61,151
    // 15/06→15/07 30 d:  9,000,000 → 44,383.56 → 44,384
    // 15/07→15/08 31 d:  6,000,000 → 30,575.34 → 30,575
    // 15/08→15/09 31 d:  3,000,000 → 15,287.67 → 15,288
    const schedule = buildSchedule({
      principalVnd: 12_000_000n, annualRatePercent: '6', termMonths: 6, method: 'equal_principal', graceMonths: 2,
      disbursedOn: '2024-03-15',
    });
    expect(schedule.installments).toEqual([
      row(1, '2024-04-15', 0, 61_151),
      row(2, '2024-05-15', 0, 59_178),
      row(3, '2024-06-15', 3_000_000, 61_151),
      row(4, '2024-07-15', 3_000_000, 44_384),
      row(5, '2024-08-15', 3_000_000, 30_575),
      row(6, '2024-09-15', 3_000_000, 15_288),
    ]);
    expect(schedule.totalInterestVnd).toBe(271_727n);
  });

  it('a rate with two decimals (7.25%)', () => {
    // 100,000,000 at 7.25% over 3 months: 33,333,333 + 33,333,333 + 33,333,334.
    // 10/06→10/07 30 d: 100,000,000 × 0.0725 × 30/365 = 595,890.41 → 595,890
    // 10/07→10/08 31 d:  66,666,667 × 0.0725 × 31/365 = 410,502.29 → 410,502
    // 10/08→10/09 31 d:  33,333,334 × 0.0725 × 31/365 = 205,251.15 → 205,251
    const schedule = buildSchedule({
      principalVnd: 100_000_000n, annualRatePercent: '7.25', termMonths: 3, method: 'equal_principal', disbursedOn: '2025-06-10',
    });
    expect(schedule.installments).toEqual([
      row(1, '2025-07-10', 33_333_333, 595_890),
      row(2, '2025-08-10', 33_333_333, 410_502),
      row(3, '2025-09-10', 33_333_334, 205_251),
    ]);
    expect(schedule.totalInterestVnd).toBe(1_211_643n);
  });

  it('rounds an exact half đồng up', () => {
    // 365 × 50% × 31 / 365 = 15.5 → 16
    const schedule = buildSchedule({
      principalVnd: 365n, annualRatePercent: '50', termMonths: 1, method: 'bullet', disbursedOn: '2025-01-01',
    });
    expect(schedule.installments).toEqual([row(1, '2025-02-01', 365, 16)]);
  });

  it('a grace on a bullet loan changes nothing: all principal is due at maturity anyway', () => {
    const base = {
      principalVnd: 50_000_000n, annualRatePercent: '4.8', termMonths: 6, method: 'bullet', disbursedOn: '2024-05-05',
    } as const;
    expect(buildSchedule({ ...base, graceMonths: 3 })).toEqual(buildSchedule(base));
  });

  it.each<[string, Partial<ScheduleInput>]>([
    ['principalVnd', { principalVnd: 0n }],
    ['principalVnd', { principalVnd: -5n }],
    ['annualRatePercent', { annualRatePercent: '4.825' }],
    ['annualRatePercent', { annualRatePercent: '100.01' }],
    ['annualRatePercent', { annualRatePercent: '-1' }],
    ['annualRatePercent', { annualRatePercent: '4,8' }],
    ['termMonths', { termMonths: 0 }],
    ['termMonths', { termMonths: 361 }],
    ['termMonths', { termMonths: 1.5 }],
    ['graceMonths', { graceMonths: 12 }],
    ['graceMonths', { graceMonths: -1 }],
    ['method', { method: 'annuity' as never }],
    ['disbursedOn', { disbursedOn: '2023-02-29' }],
    ['disbursedOn', { disbursedOn: '31/01/2024' }],
  ])('rejects a bad %s with a Vietnamese message naming it by its label', (field, override) => {
    const input: ScheduleInput = {
      principalVnd: 1_000_000n, annualRatePercent: '4.8', termMonths: 12, method: 'equal_principal', disbursedOn: '2024-01-31',
      ...override,
    };
    let caught: unknown;
    try {
      buildSchedule(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LoanInputError);
    expect((caught as LoanInputError).field).toBe(field);
    // The field's Vietnamese label, never its key (the key travels apart, in `field`).
    expect((caught as LoanInputError).message).toContain(LABELS[field]!);
    expect((caught as LoanInputError).message).not.toContain(field);
  });

  it('accepts the limits: rate 0 and 100, term 1 and 360', () => {
    const base = { principalVnd: 1_000_000n, method: 'equal_principal', disbursedOn: '2024-01-31' } as const;
    expect(buildSchedule({ ...base, annualRatePercent: '0', termMonths: 1 }).totalInterestVnd).toBe(0n);
    expect(buildSchedule({ ...base, annualRatePercent: '100.00', termMonths: 360 }).installments).toHaveLength(360);
  });
});
