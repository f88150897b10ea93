/**
 * Aggregate rows (reports.queries.ts, aggregateFacts) split by alliance and added up again: what the national
 * roll-up does with each alliance's part.
 */
import { breaksDownByAlliance, type AggregateRow, type Breakdowns } from './reports.queries.ts';

const COUNTS = ['counted', 'newly_established', 'dissolved', 'converted', 'members', 'workers'] as const;

/** The 'all' row of an alliance with nothing to count (what its own query gives). */
export function emptyAggregate(): AggregateRow {
  return { dimension: 'all', key: null, label: null, counted: 0, newly_established: 0, dissolved: 0, converted: 0, charter_capital_vnd: '0', members: 0, workers: 0 };
}

/**
 * Rows grouped per alliance (aggregateFacts with perAlliance) as each alliance's own query gives them: the
 * alliance's total is its 'all' row and, when the breakdowns have one, its row of the 'tenant' dimension.
 */
export function splitByAlliance(rows: (AggregateRow & { tenant_id: number })[], breakdowns: Breakdowns): Map<number, AggregateRow[]> {
  const parts = new Map<number, AggregateRow[]>();
  for (const { tenant_id: tenantId, ...row } of rows) {
    const part = parts.get(tenantId) ?? [];
    parts.set(tenantId, part);
    part.push(row);
    if (row.dimension === 'all' && breaksDownByAlliance(breakdowns)) part.push({ ...row, dimension: 'tenant', key: String(tenantId) });
  }
  return parts;
}

/** The sum of several alliances' rows, group by group (labels are the same names; the greatest is kept). */
export function addUp(parts: AggregateRow[][]): AggregateRow[] {
  const sums = new Map<string, AggregateRow>();
  for (const row of parts.flat()) {
    const id = JSON.stringify([row.dimension, row.key]);
    const sum = sums.get(id);
    if (!sum) {
      sums.set(id, { ...row });
      continue;
    }
    for (const field of COUNTS) sum[field] += row[field];
    sum.charter_capital_vnd = (BigInt(sum.charter_capital_vnd) + BigInt(row.charter_capital_vnd)).toString();
    if (row.label !== null && (sum.label === null || row.label > sum.label)) sum.label = row.label;
  }
  return [...sums.values()];
}

type PackedRow = [AggregateRow['dimension'], string | null, string | null, number, number, number, number, string, number, number];

/** Rows as arrays, for storing: a national part holds thousands of commune rows. */
export function packRows(rows: AggregateRow[]): PackedRow[] {
  return rows.map((r) => [r.dimension, r.key, r.label, r.counted, r.newly_established, r.dissolved, r.converted, r.charter_capital_vnd, r.members, r.workers]);
}

export function unpackRows(stored: unknown): AggregateRow[] {
  return (stored as PackedRow[]).map(([dimension, key, label, counted, newlyEstablished, dissolved, converted, capital, members, workers]) => ({
    dimension,
    key,
    label,
    counted,
    newly_established: newlyEstablished,
    dissolved,
    converted,
    charter_capital_vnd: capital,
    members,
    workers,
  }));
}
