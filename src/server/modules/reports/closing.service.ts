import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { endOfYear, formatDateVi, todayIso } from '../../../shared/dates.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { actorLabel } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AnnualReport } from './annual-report.build.ts';
import { computeAnnualReport, findClosedReport, scopeName } from './annual-report.service.ts';
import { auditEntityId } from './audit-entity.ts';
import { compareFacts } from './differences.ts';
import { reportReadTenant, requireYearCloser } from './reports.policy.ts';
import { frozenFactRows, insertClosureFacts, liveFactRows, queryRows, type FactRow } from './reports.queries.ts';
import { reportClosures } from './reports.sql.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Closes a year for the actor's alliance (administrator only): its figures are frozen from then on. */
export async function closeYear(db: Db, { actor, year }: { actor: Actor; year: number }): Promise<AnnualReport> {
  const tenantId = requireYearCloser(actor);
  return closeYearForTenant(db, { actor, tenantId, year });
}

/**
 * Freezes a year: stores the facts of every organisation behind its figures, then the report computed from
 * those very facts, in one transaction. A year can be closed once, and only after it has ended.
 */
export async function closeYearForTenant(db: Db, { actor, tenantId, year, today = todayIso(new Date(), TIME_ZONE) }: { actor: Actor; tenantId: number; year: number; today?: string }): Promise<AnnualReport> {
  await scopeName(db, { kind: 'tenant', tenantId });
  const asOf = endOfYear(year);
  if (asOf >= today) throw new AppError('conflict', `Năm ${year} chưa kết thúc: chỉ chốt số liệu được từ ngày ${formatDateVi(asOf)} trở đi.`);
  const existing = await findClosedReport(db, tenantId, year);
  if (existing) throw new AppError('conflict', `Số liệu năm ${year} đã được chốt ngày ${formatDateVi(todayIso(new Date(existing.closedAt!), TIME_ZONE))}.`);

  await db.transaction(async (tx) => {
    await tx.execute(insertClosureFacts(tenantId, year));
    // The closure row first: from then on the year's figures read the frozen facts just written.
    await tx.insert(reportClosures).values({ tenantId, year, asOf, report: {}, closedBy: actorLabel(actor) });
    const report = await computeAnnualReport(tx, { scope: { kind: 'tenant', tenantId }, year, asOf });
    await tx.update(reportClosures).set({ report }).where(and(eq(reportClosures.tenantId, tenantId), eq(reportClosures.year, year)));
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'report_year.closed',
      entityType: 'report_year',
      entityId: auditEntityId(`report_year/${tenantId}/${year}`),
      before: null,
      after: { year, asOf, total: report.total, newlyEstablished: report.newlyEstablished, charterCapitalVnd: report.charterCapitalVnd, members: report.members },
    });
  });
  return (await findClosedReport(db, tenantId, year))!;
}

/** The years an alliance has closed, latest first, so that a page asks for the differences of those only. */
export async function findClosedYears(db: Db, { actor, tenant }: { actor: Actor; tenant?: number }) {
  const tenantId = reportReadTenant(actor, tenant);
  const rows = await db
    .select({ year: reportClosures.year, asOf: reportClosures.asOf, closedAt: reportClosures.closedAt })
    .from(reportClosures)
    .where(eq(reportClosures.tenantId, tenantId))
    .orderBy(desc(reportClosures.year));
  return { years: rows.map((r) => ({ year: r.year, asOf: r.asOf, closedAt: r.closedAt })) };
}

/** Live figures of a closed year beside its frozen ones, with the organisations that explain each difference. */
export async function getYearDifferences(db: Db, { actor, year, tenant }: { actor: Actor; year: number; tenant?: number }) {
  const tenantId = reportReadTenant(actor, tenant);
  return findYearDifferences(db, { tenantId, year });
}

/** getYearDifferences for callers that have checked access. */
export async function findYearDifferences(db: Db, { tenantId, year }: { tenantId: number; year: number }) {
  await scopeName(db, { kind: 'tenant', tenantId });
  const closed = await findClosedReport(db, tenantId, year);
  if (!closed) throw notFound(`số liệu đã chốt của năm ${year}`);
  const [frozen, live] = await Promise.all([
    queryRows<FactRow>(db, frozenFactRows(tenantId, year)),
    queryRows<FactRow>(db, liveFactRows(tenantId, year)),
  ]);
  return { year, asOf: closed.asOf, closedAt: closed.closedAt, ...compareFacts(frozen, live) };
}
