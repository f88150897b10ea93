import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { money } from '../../format.ts';
import { AppraisalInput, ContractInput, DecisionInput, DisbursementInput, PaymentInput, RescheduleInput, WriteOffInput } from '../../../server/modules/loans/loans.schemas.ts';
import type { LoanDetail } from './loansApi.ts';
import { defaultPaymentDay, firstPaymentDay } from './paymentDates.ts';
import { StepForm } from './StepForm.tsx';
import { useLoanWords } from './texts.ts';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
/** The write-off (destructive): closed until asked for, and confirmed before it is posted. */
function WriteOff({ detail }: { detail: LoanDetail }) {
  const { t } = useLoanWords();
  const [open, setOpen] = useState(false);
  const { loan } = detail;
  const outstanding = detail.position ? t('loan.writeOff.outstanding', { amount: money(detail.position.outstandingPrincipalVnd) }) : '';
  if (!open) {
    return (
      <Card size="small" title={t('loan.writeOff.title')} style={{ marginBottom: 12 }}>
        <Button danger onClick={() => setOpen(true)}>{t('loan.writeOff.open')}</Button>
      </Card>
    );
  }
  return (
    <StepForm loanId={loan.id} step="write-off" title={t('loan.writeOff.title')} submitLabel={t('loan.writeOff.title')} danger schema={WriteOffInput} defaults={{ writtenOffOn: today(), decisionNumber: '', reason: '' }}
      confirm={(v) => t('loan.writeOff.confirm', { code: loan.code, borrower: loan.borrowerName, outstanding, decision: String(v.decisionNumber) })}
      note={<Button size="small" onClick={() => setOpen(false)} style={{ marginBottom: 12 }}>{t('loan.writeOff.close')}</Button>}
      fields={[
        { name: 'writtenOffOn', label: t('loan.writeOff.on'), kind: 'date', required: true, max: today() },
        { name: 'decisionNumber', label: t('loan.decision.number'), kind: 'text', required: true },
        { name: 'reason', label: t('loan.reschedule.reason'), kind: 'textarea', required: true },
      ]} />
  );
}

/** The steps the signed-in user may take on this loan now: the server says which in `loan.can`. */
export function LoanActions({ detail }: { detail: LoanDetail }) {
  const { t } = useLoanWords();
  const { loan } = detail;
  const can = loan.can;
  const id = loan.id;
  const forms = [];
  if (can.appraise) {
    forms.push(
      <StepForm key="appraisal" loanId={id} step="appraisal" title={t('loan.appraisal.title')} submitLabel={t('loan.appraisal.submit')} schema={AppraisalInput} defaults={{ findings: '', recommendation: 'approve' }}
        fields={[
          { name: 'findings', label: t('loan.appraisal.findings'), kind: 'textarea', required: true },
          { name: 'recommendation', label: t('loan.appraisal.recommendation'), kind: 'select', options: [{ value: 'approve', label: t('loan.appraisal.approve') }, { value: 'reject', label: t('loan.appraisal.reject') }] },
          { name: 'recommendedAmountVnd', label: t('loan.appraisal.amount'), kind: 'money' },
        ]} />,
    );
  }
  if (loan.status === 'appraised' && !can.decide && loan.appraisal) {
    forms.push(<Typography.Paragraph key="maker-checker" type="secondary">{t('loan.makerChecker')}</Typography.Paragraph>);
  }
  if (can.decide) {
    const appraisal = loan.appraisal;
    forms.push(
      <StepForm key="decision" loanId={id} step="decision" title={t('loan.decision.title')} submitLabel={t('loan.decision.submit')} schema={DecisionInput} defaults={{ decision: 'approved', decisionNumber: '', decisionDate: today(), reason: '' }}
        note={appraisal && <Typography.Paragraph>{t('loan.decision.appraiserSays', { by: appraisal.by, recommendation: t(appraisal.recommendation === 'approve' ? 'loan.appraisal.approve' : 'loan.appraisal.reject').toLowerCase(), findings: appraisal.findings ?? '' })}</Typography.Paragraph>}
        fields={[
          { name: 'decision', label: t('loan.decision.decision'), kind: 'select', options: [{ value: 'approved', label: t('loan.decision.approve') }, { value: 'rejected', label: t('loan.decision.reject') }] },
          { name: 'decisionNumber', label: t('loan.decision.number'), kind: 'text', required: true },
          { name: 'decisionDate', label: t('loan.decision.date'), kind: 'date', required: true },
          { name: 'approvedAmountVnd', label: t('loan.decision.amount'), kind: 'money' },
          { name: 'reason', label: t('loan.decision.reason'), kind: 'textarea' },
        ]} />,
    );
  }
  if (can.signContract) {
    forms.push(
      <StepForm key="contract" loanId={id} step="contract" title={t('loan.contract.title')} submitLabel={t('loan.contract.submit')} schema={ContractInput} defaults={{ contractNumber: '', signedOn: today() }}
        fields={[{ name: 'contractNumber', label: t('loan.contract.number'), kind: 'text', required: true }, { name: 'signedOn', label: t('loan.contract.signedOn'), kind: 'date', required: true }]} />,
    );
  }
  const left = BigInt(loan.decision?.approvedAmountVnd ?? '0') - BigInt(detail.disbursedVnd);
  if (can.disburse && left > 0n) {
    forms.push(
      <StepForm key="disbursement" loanId={id} step="disbursements" title={t('loan.disbursement.title')} submitLabel={t('loan.disbursement.submit')} schema={DisbursementInput} defaults={{ disbursedOn: today(), amountVnd: left > 0n ? left.toString() : '', note: '' }}
        note={<Typography.Paragraph type="secondary">{t('loan.disbursement.left', { amount: money(left.toString()) })}</Typography.Paragraph>}
        fields={[{ name: 'disbursedOn', label: t('loan.disbursement.on'), kind: 'date', required: true }, { name: 'amountVnd', label: t('loan.amount'), kind: 'money', required: true }, { name: 'note', label: t('loan.note'), kind: 'text' }]} />,
    );
  }
  if (can.postPayment) {
    const first = firstPaymentDay(detail);
    const now = today();
    forms.push(
      <StepForm key="payment" loanId={id} step="payments" title={t('loan.payment.title')} submitLabel={t('loan.payment.submit')} schema={PaymentInput} defaults={{ paidOn: defaultPaymentDay(detail, now), amountVnd: '', note: '' }} extra={() => ({ idempotencyKey: crypto.randomUUID() })}
        note={
          <>
            {detail.payoffVnd && <Typography.Paragraph type="secondary">{t('loan.payment.payoff', { amount: money(detail.payoffVnd) })}</Typography.Paragraph>}
          </>
        }
        fields={[{ name: 'paidOn', label: t('loan.payment.paidOn'), kind: 'date', required: true, min: first || undefined, max: now }, { name: 'amountVnd', label: t('loan.amount'), kind: 'money', required: true }, { name: 'note', label: t('loan.note'), kind: 'text' }]} />,
    );
  }
  if (can.reschedule) {
    forms.push(
      <StepForm key="reschedule" loanId={id} step="reschedule" title={t('loan.reschedule.title')} submitLabel={t('loan.reschedule.submit')} schema={RescheduleInput} defaults={{ effectiveOn: today(), newTermMonths: detail.currentTermMonths + 6, decisionNumber: '', reason: '' }}
        fields={[
          { name: 'effectiveOn', label: t('loan.reschedule.effectiveOn'), kind: 'date', required: true },
          { name: 'newTermMonths', label: t('loan.reschedule.newTermField'), kind: 'number', required: true },
          { name: 'decisionNumber', label: t('loan.decision.number'), kind: 'text', required: true },
          { name: 'reason', label: t('loan.reschedule.reason'), kind: 'textarea', required: true },
        ]} />,
    );
  }
  if (can.writeOff) forms.push(<WriteOff key="write-off" detail={detail} />);
  return <>{forms}</>;
}
