// Money movements on a loan: tranches, repayments, reschedulings, write-off. Each locks the loan, replays its
// stored events through the engine with the new one, writes the event, the loan's new status and an audit
// event in one transaction. Events are recorded in date order: none before the latest one.
import { formatVnd } from '../../../shared/format.ts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applyEvent, isSettled, replayLoan, type LoanEvent } from './loan-book.ts';
import { fromEngine } from './loan-errors.ts';
import { vietnamToday } from './loan-applications.service.ts';
import { loadHistory, termsOf, type PaymentRow } from './loan-history.ts';
import { lockLoan, requireDateBetween, requireStatus, updateLoan, type LoanRow } from './loan-lock.ts';
import { loanPositionAsOf } from './repayment.ts';
import { requireFundOfficer } from './loans.policy.ts';
import type { DisbursementInput, PaymentInput, RescheduleInput, WriteOffInput } from './loans.schemas.ts';
import { loanDisbursements, loanPayments, loanReschedulings } from './loans.sql.ts';

type Step<I> = { actor: Actor; id: string; input: I };
type NewEvent = LoanEvent extends infer E ? (E extends LoanEvent ? Omit<E, 'seq'> : never) : never;

/** Replays the stored events plus a new one; the engine refuses what cannot happen (400 naming the field). */
async function replayWith(tx: Db, loan: LoanRow, event: NewEvent) {
  const history = await loadHistory(tx, loan);
  const terms = termsOf(loan);
  const seq = loan.eventCount + 1;
  const full = { ...event, seq } as LoanEvent;
  return fromEngine(() => {
    const before = replayLoan(terms, history.events);
    const allocations = new Map(before.allocations);
    const state = applyEvent(before.state, { ...terms, termMonths: before.termMonths }, full, allocations);
    return { history, before: before.state, state, seq, allocation: allocations.get(seq) };
  });
}

function requireEventDate(loan: LoanRow, on: string, field: string): void {
  const earliest = loan.lastEventOn
    ? { date: loan.lastEventOn, what: 'nghiệp vụ đã ghi gần nhất của khoản vay' }
    : { date: loan.contractSignedOn, what: 'ngày ký hợp đồng' };
  requireDateBetween(on, field, earliest, vietnamToday());
}

/** Disburses a tranche; the first one starts the schedule, later ones are added to it (see tranche.ts). */
export async function disburseLoan(db: Db, { actor, id, input }: Step<z.infer<typeof DisbursementInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    requireStatus(loan, ['contracted', 'active'], 'giải ngân');
    requireEventDate(loan, input.disbursedOn, 'disbursedOn');
    const amountVnd = BigInt(input.amountVnd);
    const { history, seq } = await replayWith(tx, loan, { kind: 'disbursement', on: input.disbursedOn, amountVnd });
    const disbursedVnd = history.disbursements.reduce((sum, d) => sum + d.amountVnd, 0n);
    if (disbursedVnd + amountVnd > (loan.approvedAmountVnd ?? 0n)) {
      throw new AppError('bad_request', `Tổng giải ngân vượt số tiền được duyệt (${formatVnd(loan.approvedAmountVnd ?? 0n)}; đã giải ngân ${formatVnd(disbursedVnd)}).`, { field: 'amountVnd' });
    }
    const [row] = await tx
      .insert(loanDisbursements)
      .values({ tenantId: loan.tenantId, loanId: loan.id, seq, disbursedOn: input.disbursedOn, amountVnd, note: input.note ?? null, recordedBy: user.email })
      .returning();
    const updated = await updateLoan(tx, loan, { status: 'active', eventCount: seq, lastEventOn: input.disbursedOn });
    await recordAudit(tx, { actor, tenantId: loan.tenantId, action: 'loan.disbursed', entityType: 'loan', entityId: loan.id, before: { status: loan.status, disbursedVnd }, after: row });
    return { loan: updated, disbursement: row! };
  });
}

/**
 * Posts a repayment, split by the conventions' order (penalty, overdue interest, overdue principal, current
 * interest, current principal, then prepayment from the last instalment). Idempotent: the same key again
 * returns the payment already posted; the same key with another date or amount is refused. A payment that
 * leaves nothing owed closes the loan.
 */
export async function postLoanPayment(db: Db, { actor, id, input }: Step<z.infer<typeof PaymentInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    const amountVnd = BigInt(input.amountVnd);
    const [already] = await tx
      .select()
      .from(loanPayments)
      .where(and(eq(loanPayments.tenantId, loan.tenantId), eq(loanPayments.loanId, loan.id), eq(loanPayments.idempotencyKey, input.idempotencyKey)));
    if (already) {
      if (already.paidOn !== input.paidOn || already.amountVnd !== amountVnd) {
        throw new AppError('conflict', 'Mã chống gửi trùng này đã dùng cho một khoản trả khác (khác ngày hoặc số tiền).', { field: 'idempotencyKey' });
      }
      return { loan, payment: already, replayed: true };
    }
    requireStatus(loan, ['active'], 'ghi nhận trả nợ');
    requireEventDate(loan, input.paidOn, 'paidOn');
    const { state, seq, allocation } = await replayWith(tx, loan, { kind: 'payment', on: input.paidOn, amountVnd });
    const [payment] = await tx
      .insert(loanPayments)
      .values({ tenantId: loan.tenantId, loanId: loan.id, seq, idempotencyKey: input.idempotencyKey, paidOn: input.paidOn, amountVnd, ...allocation!, note: input.note ?? null, recordedBy: user.email })
      .returning();
    const settled = isSettled(state, input.paidOn);
    const updated = await updateLoan(tx, loan, {
      eventCount: seq,
      lastEventOn: input.paidOn,
      ...(settled ? { status: 'closed', closedOn: input.paidOn } : {}),
    });
    await recordAudit(tx, { actor, tenantId: loan.tenantId, action: 'loan.payment_posted', entityType: 'loan', entityId: loan.id, before: null, after: payment });
    if (settled) {
      await recordAudit(tx, { actor, tenantId: loan.tenantId, action: 'loan.closed', entityType: 'loan', entityId: loan.id, before: { status: loan.status }, after: { status: 'closed', closedOn: input.paidOn } });
    }
    return { loan: updated, payment: payment as PaymentRow, replayed: false };
  });
}

/** Extends the term with a new schedule from the effective date (see rescheduling.ts). */
export async function rescheduleLoanTerm(db: Db, { actor, id, input }: Step<z.infer<typeof RescheduleInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    requireStatus(loan, ['active'], 'gia hạn nợ');
    requireEventDate(loan, input.effectiveOn, 'effectiveOn');
    const { before, seq } = await replayWith(tx, loan, { kind: 'rescheduling', on: input.effectiveOn, newTermMonths: input.newTermMonths });
    const [row] = await tx
      .insert(loanReschedulings)
      .values({ tenantId: loan.tenantId, loanId: loan.id, seq, effectiveOn: input.effectiveOn, newTermMonths: input.newTermMonths, decisionNumber: input.decisionNumber, reason: input.reason, recordedBy: user.email })
      .returning();
    const updated = await updateLoan(tx, loan, { eventCount: seq, lastEventOn: input.effectiveOn });
    const position = before ? loanPositionAsOf(before, input.effectiveOn) : null;
    await recordAudit(tx, { actor, tenantId: loan.tenantId, action: 'loan.rescheduled', entityType: 'loan', entityId: loan.id, before: position, after: row });
    return { loan: updated, rescheduling: row! };
  });
}

/** Writes a loan off (xóa nợ): it leaves the portfolio from that date; what it still owed is kept in the audit. */
export async function writeOffLoan(db: Db, { actor, id, input }: Step<z.infer<typeof WriteOffInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    requireStatus(loan, ['active'], 'xóa nợ');
    requireEventDate(loan, input.writtenOffOn, 'writtenOffOn');
    const history = await loadHistory(tx, loan);
    const { state } = fromEngine(() => replayLoan(termsOf(loan), history.events));
    const position = state ? fromEngine(() => loanPositionAsOf(state, input.writtenOffOn)) : null;
    const updated = await updateLoan(tx, loan, {
      status: 'written_off',
      writtenOffOn: input.writtenOffOn,
      writeOffReason: input.reason,
      writeOffDecisionNumber: input.decisionNumber,
      lastEventOn: input.writtenOffOn,
    });
    await recordAudit(tx, { actor, tenantId: loan.tenantId, action: 'loan.written_off', entityType: 'loan', entityId: loan.id, before: position, after: { status: 'written_off', writtenOffOn: input.writtenOffOn, decisionNumber: input.decisionNumber, reason: input.reason } });
    return updated;
  });
}
