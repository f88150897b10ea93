// How an update, its organisation and its receipt travel (JSON: dates as ISO instants, amounts as JSON numbers).
import type { UpdateValues } from './form-definition.ts';
import { isOnTime, receiptNumber } from './annual-updates.calendar.ts';
import type { annualUpdates } from './annual-updates.sql.ts';

export type UpdateRow = typeof annualUpdates.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUpdate(row: UpdateRow) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    year: row.year,
    formId: row.formId,
    state: row.state as 'draft' | 'submitted' | 'returned' | 'accepted',
    values: row.values as UpdateValues,
    draftVersion: row.draftVersion,
    channel: row.channel,
    firstSubmittedAt: iso(row.firstSubmittedAt),
    submittedAt: iso(row.submittedAt),
    submittedBy: row.submittedBy,
    onTime: isOnTime(row.year, row.firstSubmittedAt),
    returnReasons: (row.returnReasons as Record<string, string> | null) ?? null,
    returnedAt: iso(row.returnedAt),
    returnedBy: row.returnedBy,
    acceptedAt: iso(row.acceptedAt),
    acceptedBy: row.acceptedBy,
    receiptNumber: row.submittedAt ? receiptNumber(row.year, row.id) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PresentedUpdate = ReturnType<typeof presentUpdate>;

/** What the filer keeps: the number, when it was received, for which organisation. */
export function presentReceipt(row: UpdateRow, organisationName: string) {
  return { number: receiptNumber(row.year, row.id), year: row.year, submittedAt: row.submittedAt!.toISOString(), organisationName };
}

export type OrganisationForUpdate = {
  id: string;
  tenantId: number;
  name: string;
  kind: string;
  registrationNumber: string | null;
  status: string;
  currentCommuneCode: string | null;
  currentCommuneName: string | null;
  representative: string | null;
  phone: string | null;
  email: string | null;
  membersOfficial: number;
  membersAssociatedCapital: number;
  membersAssociatedNoCapital: number;
  workers: number;
  charterCapitalVnd: bigint;
};

/** The organisation beside its update, with the registry's figures the update may change. */
export function presentOrganisationForUpdate(org: OrganisationForUpdate) {
  const { tenantId: _tenantId, charterCapitalVnd, ...rest } = org;
  return { ...rest, charterCapitalVnd: charterCapitalVnd.toString() };
}
