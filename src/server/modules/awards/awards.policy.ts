// Who may do what with awards (decision 010).
// - alliance_admin and alliance_staff of an alliance keep the register: proposals, council reviews, decisions,
//   revocations, the import; the alliance_admin alone edits the award kinds (national reference data).
// - commune_officer reads the register of its commune's organisations (and the persons of them).
// - national_viewer reads the register and the figures of any alliance (or the whole country).
// - coop_manager reads its own organisations' awards.
// Anyone else's ids answer 404, never 403.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';
import { managedOrganisationIds } from '../difficulties/difficulties.policy.ts';
import { awards } from './awards.sql.ts';

export type TenantUser = SignedIn & { tenantId: number };

const STAFF: readonly Role[] = ['alliance_admin', 'alliance_staff'];

export function isAwardsStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.tenantId !== null && STAFF.includes(actor.role);
}

/** Staff of an alliance (alliance_admin, alliance_staff); 403 for anyone else. */
export function requireAwardsStaff(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (!isAwardsStaff(user)) throw forbidden();
  return user as TenantUser;
}

/** The alliance's administrator (the award kinds). */
export function requireAwardKindsAdmin(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  return user as TenantUser;
}

/** Those who may read the register at all: staff, commune officers, national viewers, coop managers. */
export function requireRegisterReader(actor: Actor): SignedIn {
  const user = requireUser(actor);
  if (isAwardsStaff(user)) return user;
  if (user.role === 'national_viewer') return user;
  if (user.tenantId !== null && user.role === 'commune_officer' && user.communeCode) return user;
  if (user.tenantId !== null && user.role === 'coop_manager' && managedOrganisationIds(user).length > 0) return user;
  throw forbidden();
}

/** The figures: staff and the national viewer. */
export function requireReportReader(actor: Actor): SignedIn {
  const user = requireUser(actor);
  if (isAwardsStaff(user) || user.role === 'national_viewer') return user;
  throw forbidden();
}

/**
 * The register rows an actor may read, as a condition over `awards`: staff their alliance; a national viewer the
 * alliance asked for, else all; a commune officer its commune's; a coop manager its organisations'.
 */
export function registerScope(actor: Actor, tenant?: number): SQL {
  if (actor.kind !== 'user') return sql`false`;
  if (actor.role === 'national_viewer') return tenant ? eq(awards.tenantId, tenant) : sql`true`;
  if (actor.tenantId === null) return sql`false`;
  const own = eq(awards.tenantId, actor.tenantId);
  if (STAFF.includes(actor.role)) return own;
  if (actor.role === 'commune_officer') return actor.communeCode ? and(own, eq(awards.communeCode, actor.communeCode))! : sql`false`;
  if (actor.role === 'coop_manager') {
    const ids = managedOrganisationIds(actor);
    return ids.length ? and(own, inArray(awards.organisationId, ids))! : sql`false`;
  }
  return sql`false`;
}
