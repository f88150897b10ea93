import { describe, expect, it } from 'vitest';
import { dayAfter, defaultPaymentDay, firstPaymentDay } from './paymentDates.ts';

const none = { disbursements: [], payments: [], reschedulings: [] };

describe('repayment dates the server accepts', () => {
  it('starts the day after the last disbursement, across a month and a year end', () => {
    expect(dayAfter('2025-12-31')).toBe('2026-01-01');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(firstPaymentDay({ ...none, disbursements: [{ disbursedOn: '2026-01-10' }, { disbursedOn: '2026-03-31' }] })).toBe('2026-04-01');
  });

  it('is not before the last payment or rescheduling', () => {
    expect(firstPaymentDay({ disbursements: [{ disbursedOn: '2026-01-10' }], payments: [{ paidOn: '2026-02-10' }], reschedulings: [] })).toBe('2026-02-10');
    expect(firstPaymentDay({ disbursements: [{ disbursedOn: '2026-01-10' }], payments: [], reschedulings: [{ effectiveOn: '2026-05-02' }] })).toBe('2026-05-02');
    expect(firstPaymentDay(none)).toBe('');
  });

  it('defaults to today unless the loan was disbursed today', () => {
    const disbursedToday = { ...none, disbursements: [{ disbursedOn: '2026-06-15' }] };
    expect(defaultPaymentDay(disbursedToday, '2026-06-15')).toBe('2026-06-16');
    expect(defaultPaymentDay(disbursedToday, '2026-06-20')).toBe('2026-06-20');
  });
});
