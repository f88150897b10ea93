// What the API sends about loans: money as strings of whole đồng, dates as YYYY-MM-DD, and what the actor
// may do next with each loan.
import type { Actor } from '../accounts/roles.ts';
import type { LoanRow } from './loan-lock.ts';
import type { DisbursementRow, PaymentRow, ReschedulingRow } from './loan-history.ts';
import { normaliseRate } from './loan-rules.service.ts';
import { loanPermissions } from './loans.policy.ts';
import type { InstallmentPosition, LoanPosition } from './repayment.ts';

const vnd = (amount: bigint | null | undefined) => (amount === null || amount === undefined ? null : amount.toString());

type Borrower = { name: string; registrationNumber: string | null };

/**
 * The borrower (a cooperative's manager) reads its own loan, but not the fund's inside: the appraiser's findings
 * and recommendation, nor who on the staff did what (their email addresses).
 */
export function isBorrowerView(actor: Actor): boolean {
  return actor.kind === 'user' && actor.role === 'coop_manager';
}

/** A staff member's name as the borrower reads it: the fund, not a person's address; the borrower's own kept. */
export function staffLabel(actor: Actor, label: string): string {
  if (!isBorrowerView(actor) || (actor.kind === 'user' && actor.email === label)) return label;
  return 'Quỹ hỗ trợ phát triển HTX';
}

/** A loan as lists and the loan page show it. */
export function presentLoan(loan: LoanRow, borrower: Borrower, actor: Actor) {
  const borrowerView = isBorrowerView(actor);
  return {
    id: loan.id,
    tenantId: loan.tenantId,
    code: loan.code,
    status: loan.status,
    organisationId: loan.organisationId,
    borrowerName: borrower.name,
    borrowerRegistrationNumber: borrower.registrationNumber,
    purpose: loan.purpose,
    requestedAmountVnd: vnd(loan.requestedAmountVnd)!,
    termMonths: loan.termMonths,
    method: loan.method,
    graceMonths: loan.graceMonths,
    collateral: loan.collateral,
    guarantors: loan.guarantors as Array<{ name: string; idNumber: string | null; relation: string | null }>,
    appliedOn: loan.appliedOn,
    submittedBy: staffLabel(actor, loan.submittedBy),
    appraisal: !loan.appraisedBy
      ? null
      : borrowerView
        ? { by: staffLabel(actor, loan.appraisedBy), at: loan.appraisedAt?.toISOString() ?? null, findings: null, recommendation: null, recommendedAmountVnd: null }
        : { by: loan.appraisedBy, at: loan.appraisedAt?.toISOString() ?? null, findings: loan.appraisalFindings, recommendation: loan.appraisalRecommendation, recommendedAmountVnd: vnd(loan.recommendedAmountVnd) },
    decision: loan.decidedBy
      ? { by: staffLabel(actor, loan.decidedBy), number: loan.decisionNumber, date: loan.decisionDate, reason: loan.decisionReason, approvedAmountVnd: vnd(loan.approvedAmountVnd) }
      : null,
    ruleVersionId: loan.ruleVersionId,
    annualRatePercent: loan.annualRatePercent === null ? null : normaliseRate(loan.annualRatePercent),
    penaltyRatePercent: loan.penaltyRatePercent,
    contract: loan.contractNumber ? { number: loan.contractNumber, signedOn: loan.contractSignedOn } : null,
    closedOn: loan.closedOn,
    writeOff: loan.writtenOffOn ? { on: loan.writtenOffOn, reason: loan.writeOffReason, decisionNumber: loan.writeOffDecisionNumber } : null,
    version: loan.version,
    can: loanPermissions(actor, loan),
  };
}

/** A loan's position on a date. */
export function presentPosition(position: LoanPosition) {
  return {
    outstandingPrincipalVnd: vnd(position.outstandingPrincipalVnd)!,
    overduePrincipalVnd: vnd(position.overduePrincipalVnd)!,
    overdueInterestVnd: vnd(position.overdueInterestVnd)!,
    penaltyAccruedVnd: vnd(position.penaltyAccruedVnd)!,
    daysPastDue: position.daysPastDue,
    debtGroup: position.debtGroup,
  };
}

/** One instalment of the schedule with what was paid on it. */
export function presentInstallment(i: InstallmentPosition) {
  return {
    n: i.n,
    periodStart: i.periodStart,
    dueDate: i.dueDate,
    principalDueVnd: vnd(i.principalDueVnd)!,
    interestDueVnd: vnd(i.interestDueVnd)!,
    principalPaidVnd: vnd(i.principalPaidVnd)!,
    interestPaidVnd: vnd(i.interestPaidVnd)!,
  };
}

/** A posted repayment and how it was split. */
export function presentPayment(p: PaymentRow) {
  return {
    id: p.id,
    paidOn: p.paidOn,
    amountVnd: vnd(p.amountVnd)!,
    allocation: {
      penaltyVnd: vnd(p.penaltyVnd)!,
      overdueInterestVnd: vnd(p.overdueInterestVnd)!,
      overduePrincipalVnd: vnd(p.overduePrincipalVnd)!,
      currentInterestVnd: vnd(p.currentInterestVnd)!,
      currentPrincipalVnd: vnd(p.currentPrincipalVnd)!,
      prepaymentVnd: vnd(p.prepaymentVnd)!,
    },
    note: p.note,
    recordedBy: p.recordedBy,
    recordedAt: p.recordedAt.toISOString(),
  };
}

/** A disbursed tranche. */
export function presentDisbursement(d: DisbursementRow) {
  return { id: d.id, disbursedOn: d.disbursedOn, amountVnd: vnd(d.amountVnd)!, note: d.note, recordedBy: d.recordedBy };
}

/** A term extension. */
export function presentRescheduling(r: ReschedulingRow) {
  return { id: r.id, effectiveOn: r.effectiveOn, newTermMonths: r.newTermMonths, decisionNumber: r.decisionNumber, reason: r.reason, recordedBy: r.recordedBy };
}
