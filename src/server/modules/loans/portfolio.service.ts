// The portfolio as of a date: every disbursed loan's position from its events, summed in total, by debt
// group, by sector group and by area (registered district, current commune). Bad debt = groups 3–5; its ratio
// is bad-debt principal over outstanding principal, in percent rounded half up to 2 decimals.
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { SECTOR_GROUPS } from '../../../shared/sectors.ts';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { requireUser } from '../cooperatives/cooperatives.policy.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { sectors } from '../cooperatives/sectors.sql.ts';
import { daysBetween } from './calendar.ts';
import { type DebtGroup, isBadDebt } from './debt-group.ts';
import { positionAsOf, replayLoan } from './loan-book.ts';
import { fromEngine } from './loan-errors.ts';
import { vietnamToday } from './loan-applications.service.ts';
import { loadHistories, termsOf } from './loan-history.ts';
import { requireFundOfficer } from './loans.policy.ts';
import { loans } from './loans.sql.ts';
import { divideRoundHalfUp } from './money.ts';
import { interestLeftVnd, principalLeftVnd } from './repayment.ts';

export type Bucket = {
  loans: number;
  outstandingPrincipalVnd: bigint;
  overduePrincipalVnd: bigint;
  overdueInterestVnd: bigint;
  penaltyVnd: bigint;
  badDebtPrincipalVnd: bigint;
  byDebtGroup: [bigint, bigint, bigint, bigint, bigint];
};

const emptyBucket = (): Bucket => ({ loans: 0, outstandingPrincipalVnd: 0n, overduePrincipalVnd: 0n, overdueInterestVnd: 0n, penaltyVnd: 0n, badDebtPrincipalVnd: 0n, byDebtGroup: [0n, 0n, 0n, 0n, 0n] });

/** part / whole in percent with 2 decimals, rounded half up, as "12.34" ("0.00" when whole is 0). */
export function percentText(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const hundredths = divideRoundHalfUp(part * 10_000n, whole);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

function presentBucket(b: Bucket) {
  return {
    loans: b.loans,
    outstandingPrincipalVnd: b.outstandingPrincipalVnd.toString(),
    overduePrincipalVnd: b.overduePrincipalVnd.toString(),
    overdueInterestVnd: b.overdueInterestVnd.toString(),
    penaltyVnd: b.penaltyVnd.toString(),
    badDebtPrincipalVnd: b.badDebtPrincipalVnd.toString(),
    badDebtRatioPercent: percentText(b.badDebtPrincipalVnd, b.outstandingPrincipalVnd),
    byDebtGroup: b.byDebtGroup.map(String),
  };
}

/** Whose portfolio the actor may see: the fund its tenant's; a national viewer any tenant's, or all. */
function portfolioScope(actor: Actor, tenant?: number): SQL | undefined {
  const user = requireUser(actor);
  if (user.role === 'national_viewer') return tenant === undefined ? undefined : eq(loans.tenantId, tenant);
  if (user.role === 'coop_manager' || user.role === 'alliance_staff' || user.role === 'commune_officer') throw forbidden();
  const fund = requireFundOfficer(actor);
  // A fund sees its own alliance's portfolio only: asking for another's is refused, not answered with its own.
  if (tenant !== undefined && tenant !== fund.tenantId) throw forbidden();
  return eq(loans.tenantId, fund.tenantId);
}

/** Loans disbursed at some time, with what the portfolio groups them by. */
async function disbursedLoans(db: Db, scope: SQL | undefined) {
  const where = and(inArray(loans.status, ['active', 'closed', 'written_off']), scope);
  return db
    .select({
      loan: loans,
      borrowerName: organisations.name,
      sectorGroup: sectors.groupKey,
      district: organisations.registeredDistrict,
      communeCode: organisations.currentCommuneCode,
      communeName: adminUnits.name,
    })
    .from(loans)
    .innerJoin(organisations, and(eq(organisations.tenantId, loans.tenantId), eq(organisations.id, loans.organisationId)))
    .leftJoin(sectors, eq(sectors.code, organisations.sectorCode))
    .leftJoin(adminUnits, and(eq(adminUnits.version, '2025'), eq(adminUnits.code, organisations.currentCommuneCode)))
    .where(where);
}

async function historiesOf(db: Db, rows: Awaited<ReturnType<typeof disbursedLoans>>) {
  const byTenant = new Map<number, string[]>();
  for (const r of rows) byTenant.set(r.loan.tenantId, [...(byTenant.get(r.loan.tenantId) ?? []), r.loan.id]);
  const all = new Map<string, Awaited<ReturnType<typeof loadHistories>> extends Map<string, infer H> ? H : never>();
  for (const [tenantId, ids] of byTenant) for (const [id, h] of await loadHistories(db, tenantId, ids)) all.set(id, h);
  return all;
}

/** The portfolio as of a date (today by default). */
export async function getPortfolio(db: Db, { actor, asOf, tenant }: { actor: Actor; asOf?: string; tenant?: number }) {
  const scope = portfolioScope(actor, tenant);
  const on = asOf ?? vietnamToday();
  const rows = await disbursedLoans(db, scope);
  const histories = await historiesOf(db, rows);
  const totals = emptyBucket();
  const bySector = new Map<string, Bucket>();
  const byDistrict = new Map<string, Bucket>();
  const byCommune = new Map<string, { name: string | null; bucket: Bucket }>();
  const writtenOff = { loans: 0, principalVnd: 0n };
  for (const row of rows) {
    const { loan } = row;
    const history = histories.get(loan.id)!;
    const position = fromEngine(() => positionAsOf(termsOf(loan), history.events, on));
    if (!position) continue;
    if (loan.writtenOffOn && loan.writtenOffOn <= on) {
      writtenOff.loans += 1;
      writtenOff.principalVnd += position.outstandingPrincipalVnd;
      continue;
    }
    if (position.outstandingPrincipalVnd === 0n && position.overdueInterestVnd === 0n && position.penaltyAccruedVnd === 0n) continue;
    const add = (b: Bucket) => {
      b.loans += 1;
      b.outstandingPrincipalVnd += position.outstandingPrincipalVnd;
      b.overduePrincipalVnd += position.overduePrincipalVnd;
      b.overdueInterestVnd += position.overdueInterestVnd;
      b.penaltyVnd += position.penaltyAccruedVnd;
      if (isBadDebt(position.debtGroup)) b.badDebtPrincipalVnd += position.outstandingPrincipalVnd;
      const index = (position.debtGroup as DebtGroup) - 1;
      b.byDebtGroup[index] = b.byDebtGroup[index]! + position.outstandingPrincipalVnd;
    };
    const bucketIn = <K>(map: Map<K, Bucket>, key: K) => map.get(key) ?? map.set(key, emptyBucket()).get(key)!;
    add(totals);
    add(bucketIn(bySector, row.sectorGroup ?? 'unknown'));
    add(bucketIn(byDistrict, row.district ?? ''));
    const commune = byCommune.get(row.communeCode ?? '') ?? byCommune.set(row.communeCode ?? '', { name: row.communeName, bucket: emptyBucket() }).get(row.communeCode ?? '')!;
    add(commune.bucket);
  }
  const sectorName = (key: string) => SECTOR_GROUPS.find((g) => g.code === key)?.name ?? 'Chưa rõ';
  const sorted = <V>(map: Map<string, V>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi'));
  return {
    asOf: on,
    tenantId: tenant ?? (actor.kind === 'user' ? actor.tenantId : null),
    totals: presentBucket(totals),
    byDebtGroup: totals.byDebtGroup.map((principal, i) => ({ group: i + 1, outstandingPrincipalVnd: principal.toString() })),
    bySectorGroup: sorted(bySector).map(([key, b]) => ({ key, name: sectorName(key), ...presentBucket(b) })),
    byDistrict: byName(sorted(byDistrict).map(([key, b]) => ({ key, name: key || 'Chưa rõ', ...presentBucket(b) }))),
    byCommune: byName(sorted(byCommune).map(([key, c]) => ({ key, name: c.name ?? (key || 'Chưa rõ'), ...presentBucket(c.bucket) }))),
    writtenOff: { loans: writtenOff.loans, principalVnd: writtenOff.principalVnd.toString() },
  };
}

/** Districts and communes in Vietnamese dictionary order of their names (without "Xã"/"Phường"), the unknown one last. */
function byName<T extends { key: string; name: string }>(rows: T[]): T[] {
  return [...sortByVietnamese(rows.filter((r) => r.key), (r) => stripUnitPrefix(r.name)), ...rows.filter((r) => !r.key)];
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Instalments falling due from `from` (today by default) for `days` days, with what is still owed on each. */
export async function findDueInstallments(db: Db, { actor, from, days = 30 }: { actor: Actor; from?: string; days?: number }) {
  const user = requireFundOfficer(actor);
  const start = from ?? vietnamToday();
  const end = addDays(start, days);
  const rows = (await disbursedLoans(db, eq(loans.tenantId, user.tenantId))).filter((r) => r.loan.status === 'active');
  const histories = await historiesOf(db, rows);
  const items = [];
  for (const row of rows) {
    const { state } = fromEngine(() => replayLoan(termsOf(row.loan), histories.get(row.loan.id)!.events, start));
    if (!state) continue;
    for (const i of state.installments) {
      if (i.dueDate < start || i.dueDate > end) continue;
      const principalVnd = principalLeftVnd(i);
      const interestVnd = interestLeftVnd(i);
      if (principalVnd + interestVnd === 0n) continue;
      items.push({
        loanId: row.loan.id,
        code: row.loan.code,
        borrowerName: row.borrowerName,
        n: i.n,
        dueDate: i.dueDate,
        daysUntilDue: daysBetween(start, i.dueDate),
        principalVnd: principalVnd.toString(),
        interestVnd: interestVnd.toString(),
        totalVnd: (principalVnd + interestVnd).toString(),
      });
    }
  }
  items.sort((a, b) => (a.dueDate === b.dueDate ? a.code.localeCompare(b.code) : a.dueDate < b.dueDate ? -1 : 1));
  return { from: start, to: end, items };
}
