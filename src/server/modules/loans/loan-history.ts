// Reads a loan's stored events back for the engine.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { LoanBookTerms, LoanEvent } from './loan-book.ts';
import type { LoanRow } from './loan-lock.ts';
import { normaliseRate } from './loan-rules.service.ts';
import type { RepaymentMethod } from './schedule.ts';
import { loanDisbursements, loanPayments, loanReschedulings } from './loans.sql.ts';

export type DisbursementRow = typeof loanDisbursements.$inferSelect;
export type PaymentRow = typeof loanPayments.$inferSelect;
export type ReschedulingRow = typeof loanReschedulings.$inferSelect;

export interface StoredHistory {
  disbursements: DisbursementRow[];
  payments: PaymentRow[];
  reschedulings: ReschedulingRow[];
  events: LoanEvent[];
}

/** The contract terms of an approved loan, as the engine takes them. */
export function termsOf(loan: LoanRow): LoanBookTerms {
  return {
    annualRatePercent: normaliseRate(loan.annualRatePercent ?? '0'),
    penaltyRatePercent: loan.penaltyRatePercent ?? 150,
    termMonths: loan.termMonths,
    method: loan.method as RepaymentMethod,
    graceMonths: loan.graceMonths,
  };
}

/** Tranches, payments and reschedulings of some loans of a tenant, grouped by loan. */
export async function loadHistories(db: Db, tenantId: number, loanIds: string[]): Promise<Map<string, StoredHistory>> {
  const byLoan = new Map<string, StoredHistory>(loanIds.map((id) => [id, { disbursements: [], payments: [], reschedulings: [], events: [] }]));
  if (loanIds.length === 0) return byLoan;
  // One after another: inside a transaction (a repayment's posting) db is one connection, and node-postgres
  // deprecates queries sent on a client that is still running one.
  const disbursements = await db.select().from(loanDisbursements).where(and(eq(loanDisbursements.tenantId, tenantId), inArray(loanDisbursements.loanId, loanIds))).orderBy(asc(loanDisbursements.seq));
  const payments = await db.select().from(loanPayments).where(and(eq(loanPayments.tenantId, tenantId), inArray(loanPayments.loanId, loanIds))).orderBy(asc(loanPayments.seq));
  const reschedulings = await db.select().from(loanReschedulings).where(and(eq(loanReschedulings.tenantId, tenantId), inArray(loanReschedulings.loanId, loanIds))).orderBy(asc(loanReschedulings.seq));
  for (const d of disbursements) {
    const h = byLoan.get(d.loanId)!;
    h.disbursements.push(d);
    h.events.push({ kind: 'disbursement', on: d.disbursedOn, seq: d.seq, amountVnd: d.amountVnd });
  }
  for (const p of payments) {
    const h = byLoan.get(p.loanId)!;
    h.payments.push(p);
    h.events.push({ kind: 'payment', on: p.paidOn, seq: p.seq, amountVnd: p.amountVnd });
  }
  for (const r of reschedulings) {
    const h = byLoan.get(r.loanId)!;
    h.reschedulings.push(r);
    h.events.push({ kind: 'rescheduling', on: r.effectiveOn, seq: r.seq, newTermMonths: r.newTermMonths });
  }
  return byLoan;
}

/** The stored history of one loan. */
export async function loadHistory(db: Db, loan: LoanRow): Promise<StoredHistory> {
  return (await loadHistories(db, loan.tenantId, [loan.id])).get(loan.id)!;
}
