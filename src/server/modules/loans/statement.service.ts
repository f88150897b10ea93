import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { formatDateVi } from '../../../shared/dates.ts';
import { formatVnd } from '../../../shared/format.ts';
import type { Actor } from '../accounts/roles.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { getLoanDetail } from './loan-detail.service.ts';
import { DEBT_GROUP_LABELS, LOAN_STATUS_LABELS, METHOD_LABELS, type LoanStatus } from './loans.schemas.ts';

export type Statement = Awaited<ReturnType<typeof getLoanDetail>> & { fundName: string; facts: Array<[string, string]> };

const money = (v: string | null | undefined) => (v === null || v === undefined ? '' : formatVnd(BigInt(v)));
const day = (v: string | null | undefined) => (v ? formatDateVi(v) : '');

/** A borrower's statement as of a date: the loan page's data plus the facts printed at its head. */
export async function buildStatement(db: Db, { actor, id, asOf }: { actor: Actor; id: string; asOf?: string }): Promise<Statement> {
  const detail = await getLoanDetail(db, { actor, id, asOf });
  const { loan, position } = detail;
  const [alliance] = await db.select({ name: alliances.name }).from(alliances).where(eq(alliances.id, loan.tenantId));
  const facts: Array<[string, string]> = [
    ['Khách hàng vay', `${detail.borrower.name}${detail.borrower.registrationNumber ? ` (MST/MSHTX ${detail.borrower.registrationNumber})` : ''}`],
    ['Địa chỉ', detail.borrower.address ?? ''],
    ['Mã khoản vay', loan.code],
    ['Hợp đồng tín dụng', loan.contract ? `Số ${loan.contract.number} ngày ${day(loan.contract.signedOn)}` : 'Chưa ký'],
    ['Quyết định cho vay', loan.decision ? `Số ${loan.decision.number ?? ''} ngày ${day(loan.decision.date)}` : ''],
    ['Số tiền được duyệt', money(loan.decision?.approvedAmountVnd)],
    ['Đã giải ngân', money(detail.disbursedVnd)],
    ['Lãi suất', loan.annualRatePercent ? `${loan.annualRatePercent.replace('.', ',')}%/năm; lãi phạt quá hạn ${loan.penaltyRatePercent}% lãi suất trong hạn` : ''],
    ['Thời hạn', `${detail.currentTermMonths} tháng; ${METHOD_LABELS[loan.method as keyof typeof METHOD_LABELS] ?? loan.method}${loan.graceMonths ? `, ân hạn gốc ${loan.graceMonths} tháng` : ''}`],
    ['Trạng thái', LOAN_STATUS_LABELS[loan.status as LoanStatus] ?? loan.status],
  ];
  if (position) {
    facts.push(
      ['Dư nợ gốc', money(position.outstandingPrincipalVnd)],
      ['Gốc quá hạn', money(position.overduePrincipalVnd)],
      ['Lãi quá hạn', money(position.overdueInterestVnd)],
      ['Lãi phạt', money(position.penaltyAccruedVnd)],
      ['Số ngày quá hạn', String(position.daysPastDue)],
      ['Nhóm nợ', DEBT_GROUP_LABELS[position.debtGroup] ?? String(position.debtGroup)],
    );
  }
  if (detail.payoffVnd) facts.push(['Số tiền tất toán tại ngày sao kê', money(detail.payoffVnd)]);
  return { ...detail, fundName: alliance?.name ?? '', facts };
}
