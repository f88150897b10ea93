import { ORGANISATION_FIELD_LABELS } from '../../../shared/field-labels.ts';
import { checkRegistrationNumber } from '../../../shared/registration-number.ts';
import type { Actor } from '../accounts/roles.ts';
import { organisationPermissions } from './cooperatives.policy.ts';
import type { organisations } from './cooperatives.sql.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

/** The full record for those who may read it; money as a string of whole đồng. */
export function presentOrganisation(row: OrganisationRow, actor: Actor, extra: { sectorGroup?: string | null } = {}) {
  const { searchText: _searchText, nameOrder: _nameOrder, nameKey: _nameKey, charterCapitalVnd, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    sectorGroup: extra.sectorGroup ?? null,
    charterCapitalVnd: charterCapitalVnd.toString(),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    can: organisationPermissions(actor, row),
    warnings: registrationWarnings(row.registrationNumber),
  };
}

/** A registration number with a wrong check digit is kept (old records have them) but flagged. */
function registrationWarnings(registrationNumber: string | null): { field: string; message: string }[] {
  if (!registrationNumber) return [];
  const check = checkRegistrationNumber(registrationNumber);
  return check.ok ? [] : [{ field: 'registrationNumber', message: check.reason }];
}

/** The public directory: no people's names, no phone numbers, no member data. */
export function presentPublicOrganisation(row: {
  id: string;
  name: string;
  kind: string;
  sectorCode: string;
  status: string;
  currentCommuneCode: string | null;
  currentCommuneName?: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    sectorCode: row.sectorCode,
    status: row.status,
    currentCommuneCode: row.currentCommuneCode,
    currentCommuneName: row.currentCommuneName ?? null,
  };
}

/**
 * The snapshot kept in the audit trail (and read back for "as of" queries): the organisation's own fields, not
 * the columns derived from them (search text, name keys) nor the bookkeeping ones.
 */
export function snapshotOrganisation(row: OrganisationRow) {
  const { searchText: _searchText, nameOrder: _nameOrder, nameKey: _nameKey, createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, charterCapitalVnd: row.charterCapitalVnd.toString() };
}

const SHOWN_FIELDS = new Set<string>(Object.keys(ORGANISATION_FIELD_LABELS));

/** A snapshot as the history shows it: only the fields a person filled in (older events carry derived columns too). */
function presentSnapshot(snapshot: unknown): Record<string, unknown> | null {
  if (!snapshot || typeof snapshot !== 'object') return null;
  return Object.fromEntries(Object.entries(snapshot).filter(([field]) => SHOWN_FIELDS.has(field)));
}

/**
 * One event of an organisation's change history, with the fields named on its form and nothing else, and the
 * annual update it came from when an accepted update made it ({id, year}, else null).
 */
export function presentOrganisationAuditEvent(event: { id: string | number; at: Date; actorLabel: string; action: string; before: unknown; after: unknown }) {
  const source = (event.after as { fromAnnualUpdate?: { id: string; year: number } } | null)?.fromAnnualUpdate ?? null;
  return { id: String(event.id), at: event.at.toISOString(), actorLabel: event.actorLabel, action: event.action, before: presentSnapshot(event.before), after: presentSnapshot(event.after), fromAnnualUpdate: source };
}
