import { describe, expect, it } from 'vitest';
import { defaultPaymentDay, firstPaymentDay } from './paymentDates.ts';

const none = { disbursements: [], payments: [], reschedulings: [] };

describe('repayment dates the server accepts', () => {
  it('starts on the day of the last disbursement', () => {
    expect(firstPaymentDay({ ...none, disbursements: [{ disbursedOn: '2026-01-10' }, { disbursedOn: '2026-03-31' }] })).toBe('2026-03-31');
  });

  it('is not before the last payment or rescheduling', () => {
    expect(firstPaymentDay({ disbursements: [{ disbursedOn: '2026-01-10' }], payments: [{ paidOn: '2026-02-10' }], reschedulings: [] })).toBe('2026-02-10');
    expect(firstPaymentDay({ disbursements: [{ disbursedOn: '2026-01-10' }], payments: [], reschedulings: [{ effectiveOn: '2026-05-02' }] })).toBe('2026-05-02');
    expect(firstPaymentDay(none)).toBe('');
  });

  it('defaults to today, also on the disbursement day', () => {
    const disbursedToday = { ...none, disbursements: [{ disbursedOn: '2026-06-15' }] };
    expect(defaultPaymentDay(disbursedToday, '2026-06-15')).toBe('2026-06-15');
    expect(defaultPaymentDay({ ...none, disbursements: [{ disbursedOn: '2026-06-15' }], payments: [{ paidOn: '2026-06-18' }] }, '2026-06-16')).toBe('2026-06-18');
    expect(defaultPaymentDay(disbursedToday, '2026-06-20')).toBe('2026-06-20');
  });
});
