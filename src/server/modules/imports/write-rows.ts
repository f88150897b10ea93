import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { ENDED_STATUSES } from '../../../shared/organisation.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import type { Actor } from '../accounts/roles.ts';
import { getTenantProvince, placeInCurrentCommune } from '../admin-units/admin-units.service.ts';
import { bulkInsertOrganisations, type BulkRow } from '../cooperatives/cooperatives.bulk.ts';
import type { OrganisationRow } from '../cooperatives/cooperatives.present.ts';
import { applyOrganisationChanges } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { matchKey } from './map-row.ts';
import type { RowMessage } from './parse-workbook.ts';
import { diffOrganisation, type AcceptedRow } from './plan-rows.ts';

export type ImportProgress = { phase: 'writing'; done: number; total: number };
export type WriteOutcome = { imported: number; updated: number; unchanged: number; warnings: RowMessage[] };

const LOOKUP_CHUNK = 1_000; // well under PostgreSQL's 65,535 parameters per statement
const INSERT_CHUNK = 500;

/** The organisations of the tenant that the rows match, by registration number or (for old records without one) name. */
async function findExisting(tx: Db, tenantId: number, rows: AcceptedRow[]): Promise<Map<string, OrganisationRow>> {
  const existing = new Map<string, OrganisationRow>();
  const numbers = rows.flatMap((r) => (r.registrationNumber ? [r.registrationNumber] : []));
  for (let start = 0; start < numbers.length; start += LOOKUP_CHUNK) {
    const found = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.registrationNumber, numbers.slice(start, start + LOOKUP_CHUNK))));
    for (const org of found) existing.set(matchKey(org.registrationNumber, org.name), org);
  }
  if (rows.some((r) => !r.registrationNumber)) {
    const unnumbered = await tx.select().from(organisations).where(and(eq(organisations.tenantId, tenantId), isNull(organisations.registrationNumber)));
    for (const org of unnumbered) existing.set(matchKey(null, org.name), org);
  }
  return existing;
}

/** Today's commune of each distinct (commune, district) of the new rows, looked up once each. */
async function placeCommunes(tx: Db, tenantId: number, rows: AcceptedRow[], warnings: RowMessage[]): Promise<Map<AcceptedRow, string | null>> {
  const placed = new Map<AcceptedRow, string | null>();
  const province = await getTenantProvince(tx, tenantId);
  const byAddress = new Map<string, Promise<{ ok: true; code: string } | { ok: false; reason: string }>>();
  for (const row of rows) {
    const { registeredCommune: commune, registeredDistrict: district, currentCommuneCode } = row.input;
    if (currentCommuneCode || !commune || !province) continue;
    const key = `${searchKey(commune)}|${searchKey(district ?? '')}`;
    if (!byAddress.has(key)) byAddress.set(key, placeInCurrentCommune(tx, province.code, { commune, district }));
    const result = await byAddress.get(key)!;
    if (result.ok) placed.set(row, result.code);
    else warnings.push({ row: row.row, message: `Chưa xác định được xã/phường hiện nay: ${result.reason}.` });
  }
  return placed;
}

function toBulkRow(row: AcceptedRow, currentCommuneCode: string | null | undefined): BulkRow {
  const { input } = row;
  const ended = ENDED_STATUSES.includes(input.status);
  // A dissolved organisation was active from its founding until its dissolution: keep both, so "as of" reads work.
  const statusHistory =
    ended && input.dissolvedOn && input.dissolvedOn > input.foundedOn
      ? [{ status: 'active' as const, validFrom: input.foundedOn }, { status: input.status, validFrom: input.dissolvedOn }]
      : undefined;
  return { ...input, currentCommuneCode: currentCommuneCode ?? input.currentCommuneCode ?? null, statusHistory };
}

/**
 * Writes the accepted rows inside the caller's transaction: new organisations in bulk (placed in today's
 * commune), changed ones through applyOrganisationChanges (dated status history, audit), identical ones untouched.
 */
export async function writeRows(
  tx: Db,
  { actor, tenantId, rows, onProgress }: { actor: Actor; tenantId: number; rows: AcceptedRow[]; onProgress?: (p: ImportProgress) => void },
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { imported: 0, updated: 0, unchanged: 0, warnings: [] };
  const existing = await findExisting(tx, tenantId, rows);
  const inserts: AcceptedRow[] = [];
  const updates: { current: OrganisationRow; changes: ReturnType<typeof diffOrganisation> }[] = [];
  for (const row of rows) {
    const current = existing.get(row.key);
    if (!current) inserts.push(row);
    else {
      const changes = diffOrganisation(current, row.fields);
      if (Object.keys(changes).length) updates.push({ current, changes });
      else outcome.unchanged += 1;
    }
  }
  const placed = await placeCommunes(tx, tenantId, inserts, outcome.warnings);
  const total = inserts.length + updates.length;
  // One call for all the new rows: it inserts them in batches and checks their status histories' keys once the
  // registry holds them all (see bulkInsertOrganisations).
  let reported = 0;
  await bulkInsertOrganisations(tx, {
    actor,
    tenantId,
    rows: inserts.map((row) => toBulkRow(row, placed.get(row))),
    onBatch: (inserted) => {
      if (inserted - reported < INSERT_CHUNK && inserted < inserts.length) return;
      reported = inserted;
      onProgress?.({ phase: 'writing', done: inserted, total });
    },
  });
  outcome.imported = inserts.length;
  for (const { current, changes } of updates) {
    await applyOrganisationChanges(tx, { actor, current, version: current.version, changes });
    outcome.updated += 1;
    if (outcome.updated % INSERT_CHUNK === 0) onProgress?.({ phase: 'writing', done: outcome.imported + outcome.updated, total });
  }
  if (updates.length % INSERT_CHUNK !== 0) onProgress?.({ phase: 'writing', done: total, total });
  return outcome;
}
