/**
 * Turns the aggregate rows of the counting query into the annual report: shares in percent that add up to
 * exactly 100.00 (largest remainder), actual against plan, change against the previous year.
 */
import { largestRemainderPercents, percentOf } from '../../../shared/format.ts';
import { KINDS, KIND_LABELS, STATUS_LABELS, type Kind, type Status } from '../../../shared/organisation.ts';
import { SECTOR_GROUPS, SECTORS, type SectorGroup } from '../../../shared/sectors.ts';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { stripUnitPrefix } from '../../../shared/vietnamese-text.ts';
import type { AggregateRow } from './reports.queries.ts';
import type { PlanIndicator } from './reports.schemas.ts';
import type { UpdateIndicators } from '../annual-updates/indicators.ts';

/** Statuses under which an organisation still counts, in report order. */
export const COUNTED_STATUSES = ['active', 'suspended', 'stopped', 'not_at_address', 'dissolving'] as const satisfies readonly Status[];
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

export const UNKNOWN_AREA = 'Chưa rõ địa bàn';
export const UNKNOWN_COMMUNE = 'Chưa xác định xã/phường';

export type Figures = {
  total: number;
  newlyEstablished: number;
  dissolved: number;
  converted: number;
  charterCapitalVnd: string;
  members: number;
  workers: number;
};

export type PlanLine = { indicator: PlanIndicator; area: string; target: number; actual: number | string; percent: number | null };

export type AnnualReport = Figures & {
  year: number;
  asOf: string;
  scope: { tenantId: number | null; name: string };
  /** 'registered_district' for one alliance (units as registered), 'province' for the national roll-up. */
  areaLevel: 'registered_district' | 'province';
  active: number;
  /** Counted but not working: suspended (tạm ngừng) and stopped (ngừng hoạt động). */
  suspended: number;
  byStatus: Record<CountedStatus, number>;
  statusShares: { status: CountedStatus; label: string; count: number; percent: number }[];
  byKind: Record<Kind, number>;
  kindShares: { kind: Kind; label: string; count: number; percent: number }[];
  plan: { newlyEstablished: number | null; percent: number | null };
  plans: PlanLine[];
  bySectorGroup: { group: SectorGroup; name: string; count: number; percent: number }[];
  bySector: { sector: string; name: string; group: SectorGroup; count: number; percent: number }[];
  byArea: { area: string; count: number; newlyEstablished: number; dissolved: number }[];
  byCurrentCommune: { commune: string; code: string | null; count: number }[];
  previousYear: (Figures & { year: number; asOf: string; bySectorGroup: Record<SectorGroup, number> }) | null;
  change: (Omit<Figures, 'charterCapitalVnd'> & { charterCapitalVnd: string }) | null;
  /** From the accepted annual updates of the year (issue 13); absent from reports closed before they existed. */
  updates?: UpdateIndicators;
  narrative: string;
  frozen: boolean;
  closedAt: string | null;
  generatedAt: string;
};

type Plan = { indicator: PlanIndicator; area: string; target: number };

const byDimension = (rows: AggregateRow[], dimension: AggregateRow['dimension']) => rows.filter((r) => r.dimension === dimension);
/** Named rows in Vietnamese dictionary order (communes by their name without "Xã"/"Phường", as the pickers list them), the unknown one last. */
function inVietnameseOrder<T>(rows: T[], nameOf: (row: T) => string, unknown: (row: T) => boolean): T[] {
  return [...sortByVietnamese(rows.filter((r) => !unknown(r)), (r) => stripUnitPrefix(nameOf(r))), ...rows.filter(unknown)];
}

/** The figures of one group row (or zeros when the facts were empty). */
export function figuresOf(row: AggregateRow | undefined): Figures {
  return {
    total: row?.counted ?? 0,
    newlyEstablished: row?.newly_established ?? 0,
    dissolved: row?.dissolved ?? 0,
    converted: row?.converted ?? 0,
    charterCapitalVnd: row?.charter_capital_vnd ?? '0',
    members: row?.members ?? 0,
    workers: row?.workers ?? 0,
  };
}

/** Counts per sector group, all three groups present. */
export function sectorGroupCounts(rows: AggregateRow[]): Record<SectorGroup, number> {
  const counts: Record<SectorGroup, number> = { agriculture: 0, non_agriculture: 0, credit_fund: 0 };
  for (const r of byDimension(rows, 'sector')) {
    const sector = SECTORS.find((s) => s.code === r.key);
    if (sector) counts[sector.group] += r.counted;
  }
  return counts;
}

function actualOf(indicator: PlanIndicator, f: Figures): number | string {
  switch (indicator) {
    case 'newly_established': return f.newlyEstablished;
    case 'total': return f.total;
    case 'members': return f.members;
    case 'workers': return f.workers;
    case 'charter_capital_vnd': return f.charterCapitalVnd;
    case 'dissolved': return f.dissolved;
  }
}

function planLines(plans: Plan[], all: Figures, areaRows: AggregateRow[]): PlanLine[] {
  return plans.map((p) => {
    const figures = p.area === '' ? all : figuresOf(areaRows.find((r) => (r.key ?? '') === p.area));
    const actual = actualOf(p.indicator, figures);
    const percent = percentOf(typeof actual === 'string' ? BigInt(actual) : actual, p.target) ?? null;
    return { ...p, actual, percent };
  });
}

export type BuildInput = {
  year: number;
  asOf: string;
  scope: AnnualReport['scope'];
  rows: AggregateRow[];
  previous: { year: number; asOf: string; rows: AggregateRow[] } | null;
  plans: Plan[];
  tenantNames: Map<number, string>;
};

/** Builds the report (without its narrative) from the aggregate rows of the year and of the year before. */
export function buildAnnualReport(input: BuildInput): Omit<AnnualReport, 'narrative' | 'frozen' | 'closedAt' | 'generatedAt'> {
  const { rows } = input;
  const figures = figuresOf(byDimension(rows, 'all')[0]);
  const national = input.scope.tenantId === null;

  const statusCount = (s: string) => byDimension(rows, 'status').find((r) => r.key === s)?.counted ?? 0;
  const byStatus = Object.fromEntries(COUNTED_STATUSES.map((s) => [s, statusCount(s)])) as Record<CountedStatus, number>;
  const statusPercents = largestRemainderPercents(COUNTED_STATUSES.map((s) => byStatus[s]));
  const kindCount = (k: string) => byDimension(rows, 'kind').find((r) => r.key === k)?.counted ?? 0;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, kindCount(k)])) as Record<Kind, number>;
  const kindPercents = largestRemainderPercents(KINDS.map((k) => byKind[k]));

  const groups = sectorGroupCounts(rows);
  const groupPercents = largestRemainderPercents(SECTOR_GROUPS.map((g) => groups[g.code]));
  const sectorCounts = SECTORS.map((s) => byDimension(rows, 'sector').find((r) => r.key === s.code)?.counted ?? 0);
  const sectorPercents = largestRemainderPercents(sectorCounts);

  const areaRows = byDimension(rows, national ? 'tenant' : 'area');
  const areaName = (r: AggregateRow) =>
    national ? (input.tenantNames.get(Number(r.key)) ?? `Liên minh ${r.key}`) : (r.key ?? UNKNOWN_AREA);
  const byArea = inVietnameseOrder(
    areaRows
      .filter((r) => r.counted + r.newly_established + r.dissolved > 0)
      .map((r) => ({ area: areaName(r), count: r.counted, newlyEstablished: r.newly_established, dissolved: r.dissolved })),
    (a) => a.area,
    (a) => a.area === UNKNOWN_AREA,
  );
  const byCurrentCommune = inVietnameseOrder(
    byDimension(rows, 'commune')
      .filter((r) => r.counted > 0)
      .map((r) => ({ commune: r.key === null ? UNKNOWN_COMMUNE : (r.label ?? r.key), code: r.key, count: r.counted })),
    (c) => c.commune,
    (c) => c.code === null,
  );

  const plans = planLines(input.plans, figures, byDimension(rows, 'area'));
  const newPlan = plans.find((p) => p.indicator === 'newly_established' && p.area === '');

  let previousYear: AnnualReport['previousYear'] = null;
  let change: AnnualReport['change'] = null;
  if (input.previous) {
    const before = figuresOf(byDimension(input.previous.rows, 'all')[0]);
    previousYear = { year: input.previous.year, asOf: input.previous.asOf, ...before, bySectorGroup: sectorGroupCounts(input.previous.rows) };
    change = {
      total: figures.total - before.total,
      newlyEstablished: figures.newlyEstablished - before.newlyEstablished,
      dissolved: figures.dissolved - before.dissolved,
      converted: figures.converted - before.converted,
      charterCapitalVnd: (BigInt(figures.charterCapitalVnd) - BigInt(before.charterCapitalVnd)).toString(),
      members: figures.members - before.members,
      workers: figures.workers - before.workers,
    };
  }

  return {
    year: input.year,
    asOf: input.asOf,
    scope: input.scope,
    areaLevel: national ? 'province' : 'registered_district',
    ...figures,
    active: byStatus.active,
    suspended: byStatus.suspended + byStatus.stopped,
    byStatus,
    statusShares: COUNTED_STATUSES.map((s, i) => ({ status: s, label: STATUS_LABELS[s], count: byStatus[s], percent: statusPercents[i]! })),
    byKind,
    kindShares: KINDS.map((k, i) => ({ kind: k, label: KIND_LABELS[k], count: byKind[k], percent: kindPercents[i]! })),
    plan: { newlyEstablished: newPlan?.target ?? null, percent: newPlan?.percent ?? null },
    plans,
    bySectorGroup: SECTOR_GROUPS.map((g, i) => ({ group: g.code, name: g.name, count: groups[g.code], percent: groupPercents[i]! })),
    bySector: SECTORS.map((s, i) => ({ sector: s.code, name: s.name, group: s.group, count: sectorCounts[i]!, percent: sectorPercents[i]! })),
    byArea,
    byCurrentCommune,
    previousYear,
    change,
  };
}
