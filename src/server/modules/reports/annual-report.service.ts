import { formatDateVi } from '../../../shared/dates.ts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { endOfYear, isValidIsoDate } from '../../../shared/dates.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { buildAnnualReport, type AnnualReport } from './annual-report.build.ts';
import { writeNarrative } from './narrative.ts';
import { computeUpdateIndicators } from '../annual-updates/indicators.ts';
import { findPlanTargets } from './plans.service.ts';
import { reportReadScope } from './reports.policy.ts';
import { aggregateFacts, closedYears, queryRows, reportFacts, type AggregateRow, type Breakdowns, type FactFilters, type TenantScope } from './reports.queries.ts';
import { reportClosures } from './reports.sql.ts';

export const NATIONAL_NAME = 'Toàn quốc';

/** The as-of date of a year's report: 31 December unless given, and always inside the year. */
export function resolveAsOf(year: number, asOf?: string): string {
  const date = asOf ?? endOfYear(year);
  if (!isValidIsoDate(date)) throw new AppError('bad_request', `Ngày "${asOf}" không tồn tại.`, { field: 'asOf' });
  if (!date.startsWith(`${year}-`)) throw new AppError('bad_request', `Ngày báo cáo ${formatDateVi(date)} phải thuộc năm ${year}.`, { field: 'asOf' });
  return date;
}

/** Names of the alliances, for the national roll-up's areas and for titles. */
export async function findAllianceNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.select({ id: alliances.id, name: alliances.name }).from(alliances);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The scope's name; a tenant that does not exist is not found. */
export async function scopeName(db: Db, scope: TenantScope, names?: Map<number, string>): Promise<string> {
  if (scope.kind === 'national') return NATIONAL_NAME;
  const name = (names ?? (await findAllianceNames(db))).get(scope.tenantId);
  if (!name) throw notFound(`Liên minh mã ${scope.tenantId}`);
  return name;
}

/**
 * Every breakdown of a year's facts at asOf (frozen facts of closed years on 31 December). The nation is the
 * same query over every alliance at once.
 */
export async function aggregateYear(
  db: Db,
  scope: TenantScope,
  year: number,
  asOf: string,
  filters: FactFilters = {},
  breakdowns: Breakdowns = 'all',
): Promise<AggregateRow[]> {
  const closed = asOf === endOfYear(year) ? (await queryRows<{ tenant_id: number }>(db, closedYears(scope, year, year))).map((c) => c.tenant_id) : [];
  return queryRows<AggregateRow>(db, aggregateFacts(reportFacts(scope, year, asOf, filters, closed), breakdowns));
}

/** The stored report of a closed year, marked frozen; undefined when the year is open. */
export async function findClosedReport(db: Db, tenantId: number, year: number): Promise<AnnualReport | undefined> {
  const [row] = await db
    .select()
    .from(reportClosures)
    .where(and(eq(reportClosures.tenantId, tenantId), eq(reportClosures.year, year)));
  if (!row) return undefined;
  return { ...(row.report as AnnualReport), frozen: true, closedAt: row.closedAt.toISOString() };
}

/** Computes the live report from the registry (no access check: callers check it). */
export async function computeAnnualReport(db: Db, { scope, year, asOf }: { scope: TenantScope; year: number; asOf: string }): Promise<AnnualReport> {
  const names = await findAllianceNames(db);
  const name = await scopeName(db, scope, names);
  const previousAsOf = endOfYear(year - 1);
  // One after another: closing a year runs this inside a transaction, which is one connection.
  const rows = await aggregateYear(db, scope, year, asOf);
  const previousRows = await aggregateYear(db, scope, year - 1, previousAsOf, {}, 'totals');
  const plans = scope.kind === 'tenant' ? await findPlanTargets(db, scope.tenantId, year) : [];
  const updates = await computeUpdateIndicators(db, scope, year);
  const built = buildAnnualReport({
    year,
    asOf,
    scope: { tenantId: scope.kind === 'tenant' ? scope.tenantId : null, name },
    rows,
    previous: { year: year - 1, asOf: previousAsOf, rows: previousRows },
    plans,
    tenantNames: names,
  });
  return { ...built, updates, narrative: writeNarrative(built), frozen: false, closedAt: null, generatedAt: new Date().toISOString() };
}

/** The annual report an alliance publishes: the frozen one for a closed year, else computed now. */
export async function readAnnualReport(db: Db, { scope, year, asOf }: { scope: TenantScope; year: number; asOf?: string }): Promise<AnnualReport> {
  const date = resolveAsOf(year, asOf);
  if (scope.kind === 'tenant' && date === endOfYear(year)) {
    await scopeName(db, scope);
    const closed = await findClosedReport(db, scope.tenantId, year);
    if (closed) return closed;
  }
  return computeAnnualReport(db, { scope, year, asOf: date });
}

/** The annual report for the actor: its alliance's, or for a national viewer one alliance's or all. */
export async function getAnnualReport(db: Db, { actor, year, asOf, tenant }: { actor: Actor; year: number; asOf?: string; tenant?: number }) {
  const scope = reportReadScope(actor, tenant);
  return readAnnualReport(db, { scope, year, asOf });
}

/** The public figures of an alliance's year: counts and shares only, nothing about any person. */
export async function getPublicAnnualReport(db: Db, { year, tenant }: { year: number; tenant?: number }) {
  const tenantId = tenant ?? (await onlyAlliance(db));
  const report = await readAnnualReport(db, { scope: { kind: 'tenant', tenantId }, year });
  return presentPublicReport(report);
}

/** The alliance a public request means when it names none: the only one, else the request must say. */
export async function onlyAlliance(db: Db): Promise<number> {
  const rows = await db.select({ id: alliances.id }).from(alliances).orderBy(alliances.id).limit(2);
  if (rows.length === 1) return rows[0]!.id;
  throw new AppError('bad_request', 'Hãy chọn Liên minh cần xem số liệu.', { field: 'tenant' });
}

/** Counts and shares of a report, for the public portal. */
export function presentPublicReport(r: AnnualReport) {
  return {
    year: r.year,
    asOf: r.asOf,
    scope: r.scope,
    total: r.total,
    active: r.active,
    suspended: r.suspended,
    byStatus: r.byStatus,
    byKind: r.byKind,
    newlyEstablished: r.newlyEstablished,
    dissolved: r.dissolved,
    bySectorGroup: r.bySectorGroup,
    bySector: r.bySector,
    byArea: r.byArea.map(({ area, count }) => ({ area, count })),
    byCurrentCommune: r.byCurrentCommune.map(({ commune, count }) => ({ commune, count })),
    members: r.members,
    frozen: r.frozen,
  };
}
