import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { money } from '../../format.ts';
import { AppraisalInput, ContractInput, DecisionInput, DisbursementInput, PaymentInput, RescheduleInput, WriteOffInput } from '../../../server/modules/loans/loans.schemas.ts';
import type { LoanDetail } from './loansApi.ts';
import { defaultPaymentDay, firstPaymentDay } from './paymentDates.ts';
import { StepForm } from './StepForm.tsx';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
/** The write-off (destructive): closed until asked for, and confirmed before it is posted. */
function WriteOff({ detail }: { detail: LoanDetail }) {
  const [open, setOpen] = useState(false);
  const { loan } = detail;
  const outstanding = detail.position ? money(detail.position.outstandingPrincipalVnd) : null;
  if (!open) {
    return (
      <Card size="small" title="Xóa nợ" style={{ marginBottom: 12 }}>
        <Button danger onClick={() => setOpen(true)}>Xóa nợ…</Button>
      </Card>
    );
  }
  return (
    <StepForm loanId={loan.id} step="write-off" title="Xóa nợ" submitLabel="Xóa nợ" danger schema={WriteOffInput} defaults={{ writtenOffOn: today(), decisionNumber: '', reason: '' }}
      confirm={(v) => `Xóa nợ khoản vay ${loan.code} của ${loan.borrowerName}${outstanding ? `, dư nợ gốc ${outstanding}` : ''}, theo quyết định số ${String(v.decisionNumber)}? Không hoàn tác được.`}
      note={<Button size="small" onClick={() => setOpen(false)} style={{ marginBottom: 12 }}>Đóng</Button>}
      fields={[{ name: 'writtenOffOn', label: 'Ngày xóa nợ', kind: 'date', required: true, max: today() }, { name: 'decisionNumber', label: 'Số quyết định', kind: 'text', required: true }, { name: 'reason', label: 'Lý do', kind: 'textarea', required: true }]} />
  );
}

/** The steps the signed-in user may take on this loan now: the server says which in `loan.can`. */
export function LoanActions({ detail }: { detail: LoanDetail }) {
  const { loan } = detail;
  const can = loan.can;
  const id = loan.id;
  const forms = [];
  if (can.appraise) {
    forms.push(
      <StepForm key="appraisal" loanId={id} step="appraisal" title="Thẩm định" submitLabel="Ghi kết quả thẩm định" schema={AppraisalInput} defaults={{ findings: '', recommendation: 'approve' }}
        fields={[
          { name: 'findings', label: 'Kết quả thẩm định', kind: 'textarea', required: true },
          { name: 'recommendation', label: 'Đề xuất', kind: 'select', options: [{ value: 'approve', label: 'Cho vay' }, { value: 'reject', label: 'Không cho vay' }] },
          { name: 'recommendedAmountVnd', label: 'Số tiền đề xuất cho vay (để trống: như đề nghị)', kind: 'money' },
        ]} />,
    );
  }
  if (loan.status === 'appraised' && !can.decide && loan.appraisal) {
    forms.push(<Typography.Paragraph key="maker-checker" type="secondary">Bạn đã thẩm định hồ sơ này; người phê duyệt phải là người khác.</Typography.Paragraph>);
  }
  if (can.decide) {
    forms.push(
      <StepForm key="decision" loanId={id} step="decision" title="Phê duyệt" submitLabel="Ghi quyết định" schema={DecisionInput} defaults={{ decision: 'approved', decisionNumber: '', decisionDate: today(), reason: '' }}
        note={loan.appraisal && <Typography.Paragraph>Đề xuất của người thẩm định ({loan.appraisal.by}): {loan.appraisal.recommendation === 'approve' ? 'cho vay' : 'không cho vay'} — {loan.appraisal.findings}</Typography.Paragraph>}
        fields={[
          { name: 'decision', label: 'Quyết định', kind: 'select', options: [{ value: 'approved', label: 'Phê duyệt cho vay' }, { value: 'rejected', label: 'Từ chối' }] },
          { name: 'decisionNumber', label: 'Số quyết định', kind: 'text', required: true },
          { name: 'decisionDate', label: 'Ngày quyết định', kind: 'date', required: true },
          { name: 'approvedAmountVnd', label: 'Số tiền phê duyệt (để trống: như đề xuất)', kind: 'money' },
          { name: 'reason', label: 'Lý do (bắt buộc khi từ chối)', kind: 'textarea' },
        ]} />,
    );
  }
  if (can.signContract) {
    forms.push(
      <StepForm key="contract" loanId={id} step="contract" title="Hợp đồng tín dụng" submitLabel="Ghi hợp đồng" schema={ContractInput} defaults={{ contractNumber: '', signedOn: today() }}
        fields={[{ name: 'contractNumber', label: 'Số hợp đồng', kind: 'text', required: true }, { name: 'signedOn', label: 'Ngày ký', kind: 'date', required: true }]} />,
    );
  }
  const left = BigInt(loan.decision?.approvedAmountVnd ?? '0') - BigInt(detail.disbursedVnd);
  if (can.disburse && left > 0n) {
    forms.push(
      <StepForm key="disbursement" loanId={id} step="disbursements" title="Giải ngân" submitLabel="Ghi giải ngân" schema={DisbursementInput} defaults={{ disbursedOn: today(), amountVnd: left > 0n ? left.toString() : '', note: '' }}
        note={<Typography.Paragraph type="secondary">Còn được giải ngân: {money(left.toString())}. Đợt sau giữ nguyên các kỳ hạn trả nợ; gốc của đợt được chia vào các kỳ còn lại.</Typography.Paragraph>}
        fields={[{ name: 'disbursedOn', label: 'Ngày giải ngân', kind: 'date', required: true }, { name: 'amountVnd', label: 'Số tiền', kind: 'money', required: true }, { name: 'note', label: 'Ghi chú', kind: 'text' }]} />,
    );
  }
  if (can.postPayment) {
    const first = firstPaymentDay(detail);
    const now = today();
    forms.push(
      <StepForm key="payment" loanId={id} step="payments" title="Ghi nhận trả nợ" submitLabel="Ghi khoản trả" schema={PaymentInput} defaults={{ paidOn: defaultPaymentDay(detail, now), amountVnd: '', note: '' }} extra={() => ({ idempotencyKey: crypto.randomUUID() })}
        note={
          <>
            {first > now && <Typography.Paragraph type="warning" data-testid="payment-not-yet">Khoản vay vừa giải ngân hôm nay: ngày trả phải sau ngày giải ngân, hãy ghi nhận trả nợ từ ngày mai.</Typography.Paragraph>}
            {detail.payoffVnd && <Typography.Paragraph type="secondary">Số tiền tất toán hôm nay: {money(detail.payoffVnd)}. Trả thừa được trừ vào gốc từ kỳ cuối trở về trước.</Typography.Paragraph>}
          </>
        }
        fields={[{ name: 'paidOn', label: 'Ngày trả', kind: 'date', required: true, min: first || undefined, max: now }, { name: 'amountVnd', label: 'Số tiền', kind: 'money', required: true }, { name: 'note', label: 'Ghi chú', kind: 'text' }]} />,
    );
  }
  if (can.reschedule) {
    forms.push(
      <StepForm key="reschedule" loanId={id} step="reschedule" title="Gia hạn nợ" submitLabel="Ghi gia hạn" schema={RescheduleInput} defaults={{ effectiveOn: today(), newTermMonths: detail.currentTermMonths + 6, decisionNumber: '', reason: '' }}
        fields={[
          { name: 'effectiveOn', label: 'Ngày hiệu lực', kind: 'date', required: true },
          { name: 'newTermMonths', label: 'Thời hạn mới (tháng, tính từ lần giải ngân đầu)', kind: 'number', required: true },
          { name: 'decisionNumber', label: 'Số quyết định', kind: 'text', required: true },
          { name: 'reason', label: 'Lý do', kind: 'textarea', required: true },
        ]} />,
    );
  }
  if (can.writeOff) forms.push(<WriteOff key="write-off" detail={detail} />);
  return <>{forms}</>;
}
