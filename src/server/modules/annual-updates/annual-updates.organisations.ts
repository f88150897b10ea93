// The organisation an update is for: read in the actor's reach, 404 otherwise (ids are never confirmed).
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { UPDATE_KINDS, type UpdateKind } from './form-definition.ts';
import type { OrganisationForUpdate } from './annual-updates.present.ts';

export const organisationForUpdateColumns = {
  id: organisations.id,
  tenantId: organisations.tenantId,
  name: organisations.name,
  kind: organisations.kind,
  registrationNumber: organisations.registrationNumber,
  status: organisations.status,
  currentCommuneCode: organisations.currentCommuneCode,
  currentCommuneName: adminUnits.name,
  representative: organisations.representative,
  phone: organisations.phone,
  email: organisations.email,
  membersOfficial: organisations.membersOfficial,
  membersAssociatedCapital: organisations.membersAssociatedCapital,
  membersAssociatedNoCapital: organisations.membersAssociatedNoCapital,
  workers: organisations.workers,
  charterCapitalVnd: organisations.charterCapitalVnd,
};

export const communeJoin = and(eq(adminUnits.version, '2025'), eq(adminUnits.code, organisations.currentCommuneCode));

/** One organisation within `scope`, or 404. */
export async function findOrganisationForUpdate(db: Db, id: string, scope: SQL): Promise<OrganisationForUpdate> {
  if (!isUuid(id)) throw notFound('tổ chức');
  const [row] = await db.select(organisationForUpdateColumns).from(organisations).leftJoin(adminUnits, communeJoin).where(and(eq(organisations.id, id), scope));
  if (!row) throw notFound('tổ chức');
  return row;
}

/** The form kind of an organisation; people's credit funds file no annual update. */
export function updateKindOf(org: { kind: string; name: string }): UpdateKind {
  if ((UPDATE_KINDS as readonly string[]).includes(org.kind)) return org.kind as UpdateKind;
  throw new AppError('bad_request', `"${org.name}" là quỹ tín dụng nhân dân, không thuộc diện cập nhật thông tin hằng năm.`);
}
