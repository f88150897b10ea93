import { formatDateVi } from '../../../shared/dates.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { LOAN_STATUS_LABELS, type LoanStatus } from './loans.schemas.ts';
import { loans } from './loans.sql.ts';

export type LoanRow = typeof loans.$inferSelect;

/**
 * Reads a loan of the tenant and locks its row until the transaction ends: every change to a loan goes
 * through here, so two officers (or a double click) act one after the other, never on the same old state.
 */
export async function lockLoan(tx: Db, tenantId: number, id: string): Promise<LoanRow> {
  if (!isUuid(id)) throw notFound('khoản vay');
  const [row] = await tx.select().from(loans).where(and(eq(loans.tenantId, tenantId), eq(loans.id, id))).for('update');
  if (!row) throw notFound('khoản vay');
  return row;
}

/** Refuses a step the loan's status does not allow, saying where the loan stands. */
export function requireStatus(loan: LoanRow, allowed: readonly LoanStatus[], step: string): void {
  if (allowed.includes(loan.status as LoanStatus)) return;
  const label = LOAN_STATUS_LABELS[loan.status as LoanStatus] ?? loan.status;
  throw new AppError('conflict', `Khoản vay ${loan.code} đang ở trạng thái “${label}”, không thể ${step}.`);
}

/** Writes changes to a locked loan and returns the new row. */
export async function updateLoan(tx: Db, loan: LoanRow, values: Partial<typeof loans.$inferInsert>): Promise<LoanRow> {
  const [row] = await tx
    .update(loans)
    .set({ ...values, version: sql`${loans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(loans.tenantId, loan.tenantId), eq(loans.id, loan.id)))
    .returning();
  return row!;
}

/** Refuses a business date in the future or before an earlier step of the same loan. */
export function requireDateBetween(date: string, field: string, earliest: { date: string | null; what: string }, today: string): void {
  if (date > today) throw new AppError('bad_request', `Ngày ${formatDateVi(date)} chưa đến; không ghi nghiệp vụ cho ngày tương lai.`, { field });
  if (earliest.date && date < earliest.date) {
    throw new AppError('bad_request', `Ngày ${formatDateVi(date)} không được trước ${earliest.what} (${formatDateVi(earliest.date)}).`, { field });
  }
}
