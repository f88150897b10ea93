/**
 * The national roll-up's part of a year: one alliance's facts counted in groups of everything a filter or a
 * breakdown reads (reports.queries.ts, factCube). Any filter of the dashboard and every breakdown are then
 * a filter and a sum over the groups of the 34 alliances, without counting the country again: one stored part
 * per alliance and date serves every combination of filters. The breakdowns come out exactly as aggregateFacts
 * gives them from the facts (reports.rollup.test.ts compares both).
 */
import { DIMENSIONS, type AggregateRow, type Breakdowns, type FactFilters, type Figures } from './reports.queries.ts';

export type CubeRow = Figures & {
  tenant_id: number;
  status_at: string;
  kind: string;
  sector_code: string;
  sector_group: string;
  area: string | null;
  commune_code: string | null;
  label: string | null;
};

const COUNTS = ['counted', 'newly_established', 'dissolved', 'converted', 'members', 'workers'] as const;
const FIELDS = ['tenant_id', 'status_at', 'kind', 'sector_code', 'sector_group', 'area', 'commune_code', 'label', ...COUNTS, 'charter_capital_vnd'] as const;

/** Groups as arrays, for storing: a national part holds thousands of them. */
export const packCube = (rows: CubeRow[]): unknown[][] => rows.map((row) => FIELDS.map((field) => row[field]));

export const unpackCube = (stored: unknown): CubeRow[] =>
  (stored as unknown[][]).map((values) => Object.fromEntries(FIELDS.map((field, i) => [field, values[i]])) as CubeRow);

/** Does a group pass the dashboard's filters? */
export const passesFilters = (row: { kind: string; sector_code: string; sector_group: string; area: string | null }, filters: FactFilters) =>
  (!filters.kind || row.kind === filters.kind) &&
  (!filters.sectorGroup || row.sector_group === filters.sectorGroup) &&
  (!filters.sector || row.sector_code === filters.sector) &&
  (!filters.area || row.area === filters.area);

const emptyRow = (dimension: AggregateRow['dimension'], key: string | null): AggregateRow => ({
  dimension,
  key,
  label: null,
  counted: 0,
  newly_established: 0,
  dissolved: 0,
  converted: 0,
  charter_capital_vnd: '0',
  members: 0,
  workers: 0,
});

type Sum = { row: AggregateRow; capital: bigint };

function addTo(sum: Sum, row: CubeRow, capital: bigint) {
  const total = sum.row;
  total.counted += row.counted;
  total.newly_established += row.newly_established;
  total.dissolved += row.dissolved;
  total.converted += row.converted;
  total.members += row.members;
  total.workers += row.workers;
  sum.capital += capital;
}

/** The breakdowns of the groups that pass the filters: the rows aggregateFacts gives from the same facts. */
export function breakdownsFromCube(parts: Iterable<CubeRow[]>, filters: FactFilters, breakdowns: Breakdowns): AggregateRow[] {
  const dimensions = DIMENSIONS[breakdowns].map((d) => {
    const [column, dimension] = d.split(':') as [keyof CubeRow, AggregateRow['dimension']];
    return { column, dimension, sums: new Map<unknown, Sum>() };
  });
  const all: Sum = { row: emptyRow('all', null), capital: 0n };
  for (const part of parts) {
    for (const row of part) {
      if (!passesFilters(row, filters)) continue;
      const capital = BigInt(row.charter_capital_vnd);
      addTo(all, row, capital);
      for (const { column, dimension, sums } of dimensions) {
        const value = row[column];
        let sum = sums.get(value);
        if (!sum) {
          sum = { row: emptyRow(dimension, value === null ? null : String(value)), capital: 0n };
          sums.set(value, sum);
        }
        addTo(sum, row, capital);
        if (dimension === 'commune' && row.label !== null && (sum.row.label === null || row.label > sum.row.label)) sum.row.label = row.label;
      }
    }
  }
  const sums = [all, ...dimensions.flatMap((d) => [...d.sums.values()])];
  return sums.map(({ row, capital }) => ({ ...row, charter_capital_vnd: capital.toString() }));
}

/** What a trend point shows of the groups that pass the filters: counted, newly established, dissolved. */
export function trendFiguresFromCube(parts: Iterable<CubeRow[]>, filters: FactFilters): { total: number; newlyEstablished: number; dissolved: number } {
  const figures = { total: 0, newlyEstablished: 0, dissolved: 0 };
  for (const part of parts) {
    for (const row of part) {
      if (!passesFilters(row, filters)) continue;
      figures.total += row.counted;
      figures.newlyEstablished += row.newly_established;
      figures.dissolved += row.dissolved;
    }
  }
  return figures;
}
