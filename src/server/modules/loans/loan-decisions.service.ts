// Appraisal, decision (maker–checker) and contract: each step locks the loan, checks its status, changes it
// and writes its audit event in one transaction.
import { formatDateVi } from '../../../shared/dates.ts';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkEligibility } from './eligibility.ts';
import { loadBorrower, vietnamToday } from './loan-applications.service.ts';
import { lockLoan, requireDateBetween, requireStatus, updateLoan, type LoanRow } from './loan-lock.ts';
import { rulesInForce } from './loan-rules.service.ts';
import { actorIdentity, requireFundOfficer } from './loans.policy.ts';
import type { AppraisalInput, ContractInput, DecisionInput } from './loans.schemas.ts';

type Step<I> = { actor: Actor; id: string; input: I };

async function audit(tx: Db, actor: Actor, action: string, before: LoanRow, after: LoanRow) {
  await recordAudit(tx, { actor, tenantId: after.tenantId, action, entityType: 'loan', entityId: after.id, before, after });
}

/** Records the appraiser's findings and recommendation (the "maker" of the decision). */
export async function appraiseLoan(db: Db, { actor, id, input }: Step<z.infer<typeof AppraisalInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    requireStatus(loan, ['submitted'], 'thẩm định');
    const recommended = input.recommendedAmountVnd ? BigInt(input.recommendedAmountVnd) : null;
    if (recommended !== null && recommended > loan.requestedAmountVnd) {
      throw new AppError('bad_request', 'Số tiền đề xuất cho vay không được lớn hơn số tiền đề nghị vay.', { field: 'recommendedAmountVnd' });
    }
    const updated = await updateLoan(tx, loan, {
      status: 'appraised',
      appraisedByUserId: user.userId,
      appraisedBy: user.email,
      appraisedAt: new Date(),
      appraisalFindings: input.findings,
      appraisalRecommendation: input.recommendation,
      recommendedAmountVnd: recommended,
    });
    await audit(tx, actor, 'loan.appraised', loan, updated);
    return updated;
  });
}

/**
 * Approves or rejects an appraised loan. Maker–checker: whoever appraised it may not decide it. An approval
 * fixes the rules version in force on the decision date (rate, penalty) for the life of the loan.
 */
export async function decideLoan(db: Db, { actor, id, input }: Step<z.infer<typeof DecisionInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    requireStatus(loan, ['appraised'], 'phê duyệt');
    if ((loan.appraisedByUserId ?? loan.appraisedBy) === actorIdentity(user)) {
      throw new AppError('forbidden', 'Người đã thẩm định hồ sơ không được phê duyệt hay từ chối chính hồ sơ đó (nguyên tắc hai người); hãy chuyển cho người có thẩm quyền khác.');
    }
    if ((loan.submittedByUserId ?? loan.submittedBy) === actorIdentity(user)) {
      throw new AppError('forbidden', 'Người đã lập hồ sơ vay không được phê duyệt hay từ chối chính hồ sơ đó (nguyên tắc hai người); hãy chuyển cho người có thẩm quyền khác.');
    }
    requireDateBetween(input.decisionDate, 'decisionDate', { date: loan.appliedOn, what: 'ngày nhận hồ sơ' }, vietnamToday());
    const common = { decidedByUserId: user.userId, decidedBy: user.email, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, decisionReason: input.reason ?? null };
    if (input.decision === 'rejected') {
      const updated = await updateLoan(tx, loan, { ...common, status: 'rejected' });
      await audit(tx, actor, 'loan.rejected', loan, updated);
      return updated;
    }
    const approvedVnd = input.approvedAmountVnd ? BigInt(input.approvedAmountVnd) : loan.recommendedAmountVnd ?? loan.requestedAmountVnd;
    if (approvedVnd > loan.requestedAmountVnd) {
      throw new AppError('bad_request', 'Số tiền phê duyệt không được lớn hơn số tiền đề nghị vay.', { field: 'approvedAmountVnd' });
    }
    const rules = await rulesInForce(tx, loan.tenantId, input.decisionDate);
    if (!rules) throw new AppError('bad_request', `Không có quy định cho vay hiệu lực vào ngày ${formatDateVi(input.decisionDate)}.`, { field: 'decisionDate' });
    const borrower = await loadBorrower(tx, loan.tenantId, loan.organisationId);
    // This loan (appraised, so open) is counted among the borrower's open loans; it must not count against
    // its own approval.
    const others = { ...borrower, openLoans: borrower.openLoans - 1 };
    const eligibility = checkEligibility(rules, others, { amountVnd: approvedVnd, termMonths: loan.termMonths, method: loan.method, graceMonths: loan.graceMonths }, input.decisionDate);
    if (!eligibility.ok) throw new AppError('bad_request', `Không phê duyệt được: ${eligibility.reason}`, { field: eligibility.field });
    const updated = await updateLoan(tx, loan, {
      ...common,
      status: 'approved',
      approvedAmountVnd: approvedVnd,
      ruleVersionId: rules.id,
      annualRatePercent: rules.annualRatePercent,
      penaltyRatePercent: rules.penaltyRatePercent,
    });
    await audit(tx, actor, 'loan.approved', loan, updated);
    return updated;
  });
}

/** Records the signed contract of an approved loan. */
export async function signLoanContract(db: Db, { actor, id, input }: Step<z.infer<typeof ContractInput>>) {
  const user = requireFundOfficer(actor);
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, user.tenantId, id);
    requireStatus(loan, ['approved'], 'ký hợp đồng');
    requireDateBetween(input.signedOn, 'signedOn', { date: loan.decisionDate, what: 'ngày quyết định cho vay' }, vietnamToday());
    const updated = await updateLoan(tx, loan, { status: 'contracted', contractNumber: input.contractNumber, contractSignedOn: input.signedOn });
    await audit(tx, actor, 'loan.contract_signed', loan, updated);
    return updated;
  });
}
