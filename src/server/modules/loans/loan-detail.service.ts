import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../accounts/roles.ts';
import { findAuditEvents } from '../audit/audit.service.ts';
import { replayLoan } from './loan-book.ts';
import { fromEngine } from './loan-errors.ts';
import { getLoan, vietnamToday } from './loan-applications.service.ts';
import { loadHistory, termsOf } from './loan-history.ts';
import { presentRules } from './loan-rules.service.ts';
import { presentDisbursement, presentInstallment, presentLoan, presentPayment, presentPosition, presentRescheduling, staffLabel } from './loans.present.ts';
import { loanDocuments, loanRuleVersions } from './loans.sql.ts';
import { loanPositionAsOf, payoffAmountVnd } from './repayment.ts';

/**
 * Everything the loan page shows: the loan, its rules, documents, tranches, payments, reschedulings, the
 * schedule and position as of a date (today by default; only events up to that date count), and its history.
 */
export async function getLoanDetail(db: Db, { actor, id, asOf }: { actor: Actor; id: string; asOf?: string }) {
  const { loan, borrower } = await getLoan(db, { actor, id });
  const on = asOf ?? vietnamToday();
  const history = await loadHistory(db, loan);
  const replayed = history.events.length > 0 ? fromEngine(() => replayLoan(termsOf(loan), history.events, on)) : undefined;
  const state = replayed?.state;
  const position = state ? loanPositionAsOf(state, on) : null;
  const payoffVnd = state && loan.status === 'active' && on > state.contract.disbursedOn && on >= state.penaltySettledOn ? payoffAmountVnd(state, on) : null;
  const [rules] = await db.select().from(loanRuleVersions).where(and(eq(loanRuleVersions.tenantId, loan.tenantId), eq(loanRuleVersions.id, loan.ruleVersionId)));
  const documents = await db
    .select({ id: loanDocuments.id, fileName: loanDocuments.fileName, contentType: loanDocuments.contentType, sizeBytes: loanDocuments.sizeBytes, uploadedBy: loanDocuments.uploadedBy, uploadedAt: loanDocuments.uploadedAt })
    .from(loanDocuments)
    .where(and(eq(loanDocuments.tenantId, loan.tenantId), eq(loanDocuments.loanId, loan.id)))
    .orderBy(asc(loanDocuments.uploadedAt));
  const audit = await findAuditEvents(db, loan.tenantId, 'loan', loan.id);
  return {
    loan: presentLoan(loan, borrower, actor),
    borrower: { name: borrower.name, registrationNumber: borrower.registrationNumber, address: borrower.address, representative: borrower.representative },
    rules: rules ? { ...presentRules(rules), createdBy: staffLabel(actor, rules.createdBy) } : null,
    asOf: on,
    currentTermMonths: replayed?.termMonths ?? loan.termMonths,
    disbursedVnd: history.disbursements.filter((d) => d.disbursedOn <= on).reduce((s, d) => s + d.amountVnd, 0n).toString(),
    position: position ? presentPosition(position) : null,
    payoffVnd: payoffVnd?.toString() ?? null,
    schedule: state ? state.installments.map(presentInstallment) : [],
    disbursements: history.disbursements.map(presentDisbursement).map((d) => ({ ...d, recordedBy: staffLabel(actor, d.recordedBy) })),
    payments: history.payments.map(presentPayment).map((p) => ({ ...p, recordedBy: staffLabel(actor, p.recordedBy) })),
    reschedulings: history.reschedulings.map(presentRescheduling).map((r) => ({ ...r, recordedBy: staffLabel(actor, r.recordedBy) })),
    documents: documents.map((d) => ({ ...d, uploadedBy: staffLabel(actor, d.uploadedBy), uploadedAt: d.uploadedAt.toISOString() })),
    // Who did what and when; the snapshots stay in the audit table for those who audit.
    history: audit.map((e) => ({ at: e.at.toISOString(), action: e.action, actor: staffLabel(actor, e.actorLabel) })).reverse(),
  };
}

/** The amount that settles the loan on a date (early settlement). */
export async function getPayoff(db: Db, { actor, id, on }: { actor: Actor; id: string; on?: string }) {
  const { loan } = await getLoan(db, { actor, id });
  const date = on ?? vietnamToday();
  const history = await loadHistory(db, loan);
  const { state } = fromEngine(() => replayLoan(termsOf(loan), history.events));
  if (!state || loan.status !== 'active') return { on: date, payoffVnd: null, status: loan.status };
  const payoffVnd = fromEngine(() => payoffAmountVnd(state, date));
  return { on: date, payoffVnd: payoffVnd.toString(), status: loan.status };
}
