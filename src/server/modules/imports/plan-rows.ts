import type { OrganisationRow } from '../cooperatives/cooperatives.present.ts';
import { normalizeText } from '../../../shared/vietnamese-text.ts';
import { mapRow, type RowFields } from './map-row.ts';
import type { RegistryTable, RowMessage } from './parse-workbook.ts';

export type Duplicate = { row: number; firstRow: number; registrationNumber: string; name: string };
export type Rejected = { row: number; reason: string };

/** A row that may land: new, or matching an organisation of the registry. */
export type AcceptedRow = Extract<ReturnType<typeof mapRow>, { ok: true }>;

export type RowPlan = { rowsInFile: number; accepted: AcceptedRow[]; duplicates: Duplicate[]; rejected: Rejected[]; warnings: RowMessage[] };

/**
 * Maps every row and sorts them: rejected rows (with their reasons), rows repeating the registration number of an
 * earlier accepted row (the first one wins), and the rows that may land. Pure: reads nothing from the registry.
 */
export function planRows(table: RegistryTable): RowPlan {
  const plan: RowPlan = { rowsInFile: table.rows.length, accepted: [], duplicates: [], rejected: [], warnings: [...table.warnings] };
  const firstRowOf = new Map<string, AcceptedRow>();
  for (const dataRow of table.rows) {
    const mapped = mapRow(dataRow, table.capitalScale);
    plan.warnings.push(...mapped.warnings.map((message) => ({ row: mapped.row, message })));
    if (!mapped.ok) {
      plan.rejected.push({ row: mapped.row, reason: mapped.reason });
      continue;
    }
    const first = firstRowOf.get(mapped.key);
    if (first) {
      plan.duplicates.push({ row: mapped.row, firstRow: first.row, registrationNumber: mapped.registrationNumber ?? '', name: mapped.input.name });
      continue;
    }
    firstRowOf.set(mapped.key, mapped);
    plan.accepted.push(mapped);
  }
  return plan;
}

const sameText = (a: unknown, b: string | null) => normalizeText(String(a)) === (b ?? '');

/** The fields of a row that differ from the organisation in the registry (empty when the row changes nothing). */
export function diffOrganisation(current: OrganisationRow, fields: RowFields): RowFields {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || field === 'registrationNumber') continue;
    const before = current[field as keyof OrganisationRow];
    let same: boolean;
    if (field === 'charterCapitalVnd') same = BigInt(value as string) === before;
    else if (typeof value === 'string') same = sameText(value, before as string | null);
    else if (Array.isArray(value)) same = JSON.stringify(value) === JSON.stringify(before);
    else same = value === before;
    if (!same) changes[field] = value;
  }
  return changes as RowFields;
}
