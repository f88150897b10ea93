import { formatDateVi } from '../../../shared/dates.ts';
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { normalizeText } from '../../../shared/vietnamese-text.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { sectors } from '../cooperatives/sectors.sql.ts';
import { checkEligibility } from './eligibility.ts';
import { loanClock } from './loan-clock.ts';
import { isUniqueViolation } from './loan-errors.ts';
import { rulesInForce } from './loan-rules.service.ts';
import { loanReadScope, requireApplicant } from './loans.policy.ts';
import type { LoanApplicationInput, LoanStatus } from './loans.schemas.ts';
import { loans } from './loans.sql.ts';

export type LoanRow = typeof loans.$inferSelect;

/** Statuses in which a loan still counts against a borrower's limit of open loans. */
export const OPEN_STATUSES: LoanStatus[] = ['submitted', 'appraised', 'approved', 'contracted', 'active'];

/** The business day in Vietnam, whatever the server's time zone (see loan-clock.ts). */
export const vietnamToday = () => loanClock.today();

/** The borrower as eligibility sees it, read within the actor's tenant. */
export async function loadBorrower(db: Db, tenantId: number, organisationId: string) {
  const [row] = await db
    .select({ org: organisations, sectorGroup: sectors.groupKey })
    .from(organisations)
    .leftJoin(sectors, eq(sectors.code, organisations.sectorCode))
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, organisationId)));
  if (!row) throw notFound('tổ chức');
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loans)
    .where(and(eq(loans.tenantId, tenantId), eq(loans.organisationId, organisationId), inArray(loans.status, OPEN_STATUSES)));
  return { ...row.org, sectorGroup: row.sectorGroup, openLoans: open?.n ?? 0 };
}

/** Records an application after checking it against the rules in force on the day it was received. */
export async function applyForLoan(
  db: Db,
  { actor, input }: { actor: Actor; input: LoanApplicationInput },
) {
  const user = requireApplicant(actor, input.organisationId);
  const today = vietnamToday();
  // The fund may record a paper application on the day it was received; a manager applies today.
  const receivedOn = user.role === 'coop_manager' ? today : input.appliedOn ?? today;
  if (receivedOn > today) throw new AppError('bad_request', 'Ngày nhận hồ sơ không được sau hôm nay.', { field: 'appliedOn' });
  const borrower = await loadBorrower(db, user.tenantId, input.organisationId);
  const rules = await rulesInForce(db, user.tenantId, receivedOn);
  if (!rules) {
    throw new AppError('bad_request', `Quỹ chưa ban hành quy định cho vay có hiệu lực vào ngày ${formatDateVi(receivedOn)}; chưa nhận được hồ sơ. Quản trị Liên minh ban hành quy định cho vay trước.`, { field: 'organisationId' });
  }
  const request = { amountVnd: BigInt(input.amountVnd), termMonths: input.termMonths, method: input.method, graceMonths: input.graceMonths ?? 0 };
  const eligibility = checkEligibility(rules, borrower, request, receivedOn);
  if (!eligibility.ok) throw new AppError('bad_request', eligibility.reason, { field: eligibility.field });
  try {
    return await db.transaction(async (tx) => {
      const code = await nextLoanCode(tx, user.tenantId, receivedOn);
      const [row] = await tx
        .insert(loans)
        .values({
          tenantId: user.tenantId,
          code,
          organisationId: input.organisationId,
          status: 'submitted',
          ruleVersionId: rules.id,
          purpose: normalizeText(input.purpose),
          requestedAmountVnd: request.amountVnd,
          termMonths: request.termMonths,
          method: request.method,
          graceMonths: request.graceMonths,
          collateral: input.collateral ? normalizeText(input.collateral) : null,
          guarantors: (input.guarantors ?? []).map((g) => ({ name: normalizeText(g.name), idNumber: g.idNumber ?? null, relation: g.relation ? normalizeText(g.relation) : null })),
          appliedOn: receivedOn,
          submittedByUserId: user.userId,
          submittedBy: user.email,
        })
        .returning();
      await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'loan.applied', entityType: 'loan', entityId: row!.id, before: null, after: row });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Có hồ sơ khác vừa được lập cùng lúc; vui lòng gửi lại.');
    throw error;
  }
}

/** "VAY-2025-0007": the next number of the year the application was received. */
async function nextLoanCode(tx: Db, tenantId: number, on: string): Promise<string> {
  const prefix = `VAY-${on.slice(0, 4)}-`;
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${loans.code} from 10)::int), 0)::int` })
    .from(loans)
    .where(and(eq(loans.tenantId, tenantId), like(loans.code, `${prefix}%`)));
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** One loan the actor may read, with its borrower's name; 404 for anything else (no hint it exists). */
export async function getLoan(db: Db, { actor, id }: { actor: Actor; id: string }) {
  if (!isUuid(id)) throw notFound('khoản vay');
  const [row] = await db
    .select({ loan: loans, borrower: { name: organisations.name, registrationNumber: organisations.registrationNumber, address: organisations.address, representative: organisations.representative } })
    .from(loans)
    .innerJoin(organisations, and(eq(organisations.tenantId, loans.tenantId), eq(organisations.id, loans.organisationId)))
    .where(and(eq(loans.id, id), loanReadScope(actor)));
  if (!row) throw notFound('khoản vay');
  return row;
}

/** Loans the actor may read, newest first; the queues filter by status. */
export async function findLoans(db: Db, { actor, status, organisationId }: { actor: Actor; status?: LoanStatus; organisationId?: string }) {
  const filters = [loanReadScope(actor)];
  if (status) filters.push(eq(loans.status, status));
  if (organisationId) filters.push(eq(loans.organisationId, organisationId));
  return db
    .select({ loan: loans, borrower: { name: organisations.name, registrationNumber: organisations.registrationNumber } })
    .from(loans)
    .innerJoin(organisations, and(eq(organisations.tenantId, loans.tenantId), eq(organisations.id, loans.organisationId)))
    .where(and(...filters))
    .orderBy(desc(loans.createdAt))
    .limit(500);
}
