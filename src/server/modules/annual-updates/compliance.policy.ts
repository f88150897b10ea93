/**
 * Who sees who filed (decision 007, "Staff"): the alliance's administrator and staff see their alliance; a
 * commune officer sees the organisations of its commune. Reminders, the Excel template and its import are the
 * staff's. A national viewer reads the share that filed in the reports (aggregates), not these lists of names
 * and phone numbers, which are for chasing.
 */
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { requireRegistryStaff, requireUser } from '../cooperatives/cooperatives.policy.ts';
import type { ComplianceScope } from './compliance.ts';

/** The organisations whose compliance the actor may read. */
export function complianceReadScope(actor: Actor): ComplianceScope & { tenantId: number } {
  const user = requireUser(actor);
  if (user.tenantId === null) throw forbidden();
  const scope = { kind: 'tenant' as const, tenantId: user.tenantId };
  if (user.role === 'alliance_admin' || user.role === 'alliance_staff') return { scope, tenantId: user.tenantId };
  if (user.role === 'commune_officer' && user.communeCode) return { scope, tenantId: user.tenantId, communeCodes: [user.communeCode] };
  throw forbidden();
}

/** Reminders, the template and its import: the alliance's staff. */
export function requireUpdateStaff(actor: Actor): number {
  return requireRegistryStaff(actor).tenantId;
}
