import { and, eq, sql, type SQL } from 'drizzle-orm';
import { forbidden, unauthenticated } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { organisations } from './cooperatives.sql.ts';

const STAFF: readonly Role[] = ['alliance_admin', 'alliance_staff'];
const TENANT_READERS: readonly Role[] = ['alliance_admin', 'alliance_staff', 'fund_officer'];

export type SignedIn = Extract<Actor, { kind: 'user' }>;

export function requireUser(actor: Actor): SignedIn {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

/**
 * The one place that scopes registry reads: the rows an actor may read in full (not the public directory).
 * Tenant first, then the role's reach (a commune, one organisation).
 */
export function organisationReadScope(actor: Actor): SQL {
  const user = requireUser(actor);
  if (user.role === 'national_viewer') return sql`true`;
  if (user.tenantId === null) throw forbidden();
  const tenant = eq(organisations.tenantId, user.tenantId);
  if (TENANT_READERS.includes(user.role)) return tenant;
  if (user.role === 'commune_officer') {
    if (!user.communeCode) throw forbidden();
    return and(tenant, eq(organisations.currentCommuneCode, user.communeCode))!;
  }
  if (user.role === 'coop_manager') {
    if (!user.organisationId) throw forbidden();
    return and(tenant, eq(organisations.id, user.organisationId))!;
  }
  throw forbidden();
}

/** Registry staff of a tenant: create, import, edit any field. */
export function requireRegistryStaff(actor: Actor): SignedIn & { tenantId: number } {
  const user = requireUser(actor);
  if (!STAFF.includes(user.role) || user.tenantId === null) throw forbidden();
  return user as SignedIn & { tenantId: number };
}

export type OrganisationPermissions = { update: boolean; updateAllFields: boolean; viewAudit: boolean };

/** What the actor may do with one organisation it can read (sent with the object so the UI needs no rules). */
export function organisationPermissions(
  actor: Actor,
  org: { tenantId: number; id: string },
): OrganisationPermissions {
  if (actor.kind !== 'user') return { update: false, updateAllFields: false, viewAudit: false };
  const sameTenant = actor.tenantId === org.tenantId;
  const staff = sameTenant && STAFF.includes(actor.role);
  const ownManager = sameTenant && actor.role === 'coop_manager' && actor.organisationId === org.id;
  return { update: staff || ownManager, updateAllFields: staff, viewAudit: staff || actor.role === 'national_viewer' };
}
