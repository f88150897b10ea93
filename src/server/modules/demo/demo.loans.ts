import type { Db } from '../../../db/client.ts';
import type { Actor } from '../accounts/roles.ts';
import { applyForLoan } from '../loans/loan-applications.service.ts';
import { appraiseLoan, decideLoan, signLoanContract } from '../loans/loan-decisions.service.ts';
import { disburseLoan } from '../loans/loan-events.service.ts';

export type DisbursedOptions = {
  organisationId: string;
  amountVnd: string;
  termMonths: number;
  method?: 'equal_principal' | 'bullet';
  disbursedOn: string;
  appraiser: Actor;
  approver: Actor;
};

/** A loan applied for, appraised, approved, contracted and disbursed in one tranche, through the services. */
export async function disbursedLoan(db: Db, o: DisbursedOptions) {
  const officer = o.appraiser;
  const loan = await applyForLoan(db, {
    actor: officer,
    input: { organisationId: o.organisationId, purpose: 'Mua máy sấy vải thiều', amountVnd: o.amountVnd, termMonths: o.termMonths, method: o.method ?? 'equal_principal', graceMonths: 0, guarantors: [], appliedOn: o.disbursedOn },
  });
  await appraiseLoan(db, { actor: officer, id: loan.id, input: { findings: 'Đủ điều kiện', recommendation: 'approve' } });
  await decideLoan(db, { actor: o.approver, id: loan.id, input: { decision: 'approved', decisionNumber: `QĐ-${loan.code}`, decisionDate: o.disbursedOn } });
  await signLoanContract(db, { actor: officer, id: loan.id, input: { contractNumber: `HĐ-${loan.code}`, signedOn: o.disbursedOn } });
  await disburseLoan(db, { actor: officer, id: loan.id, input: { disbursedOn: o.disbursedOn, amountVnd: o.amountVnd } });
  return loan;
}
