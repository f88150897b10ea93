/**
 * Who may read and change the year-end figures. Reports are aggregates of a whole alliance, so only roles
 * that read the whole registry of their alliance may read them, and the national viewer across alliances.
 */
import { forbidden, unauthenticated } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import type { TenantScope } from './reports.queries.ts';

const REPORT_READERS: readonly Role[] = ['alliance_admin', 'alliance_staff', 'fund_officer'];
const PLAN_EDITORS: readonly Role[] = ['alliance_admin', 'alliance_staff'];

function signedIn(actor: Actor) {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

/**
 * The alliances whose figures the actor may read: its own (a different ?tenant= is refused), or for a
 * national viewer the one asked for or all of them.
 */
export function reportReadScope(actor: Actor, requestedTenant?: number): TenantScope {
  const user = signedIn(actor);
  if (user.role === 'national_viewer') return requestedTenant ? { kind: 'tenant', tenantId: requestedTenant } : { kind: 'national' };
  if (!REPORT_READERS.includes(user.role) || user.tenantId === null) throw forbidden();
  if (requestedTenant !== undefined && requestedTenant !== user.tenantId) throw forbidden();
  return { kind: 'tenant', tenantId: user.tenantId };
}

/** Like reportReadScope, for views that need one alliance (the differences of a closed year). */
export function reportReadTenant(actor: Actor, requestedTenant?: number): number {
  const scope = reportReadScope(actor, requestedTenant);
  if (scope.kind !== 'tenant') throw forbidden();
  return scope.tenantId;
}

/** Plans are read and set by the alliance's own staff. */
export function requirePlanEditor(actor: Actor): number {
  const user = signedIn(actor);
  if (!PLAN_EDITORS.includes(user.role) || user.tenantId === null) throw forbidden();
  return user.tenantId;
}

/** Closing a year publishes its figures for good: the alliance's administrator only. */
export function requireYearCloser(actor: Actor): number {
  const user = signedIn(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  return user.tenantId;
}
