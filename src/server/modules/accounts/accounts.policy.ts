import { forbidden } from '../../http/errors.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';
import type { Actor, Role } from './roles.ts';

export type TenantAdmin = SignedIn & { tenantId: number; userId: string | null };

/** The accounts of an alliance are managed by its administrators; national accounts stay on the command line. */
export function requireAccountAdmin(actor: Actor): TenantAdmin {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  return user as TenantAdmin;
}

const INVITERS: readonly Role[] = ['alliance_admin', 'alliance_staff'];

/** Staff who may invite an organisation's manager and decide on account requests. */
export function requireManagerInviter(actor: Actor): TenantAdmin {
  const user = requireUser(actor);
  if (!INVITERS.includes(user.role) || user.tenantId === null) throw forbidden();
  return user as TenantAdmin;
}

/** Roles an alliance administrator may give (every role but the national viewer). */
export const TENANT_ROLES = ['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager'] as const satisfies readonly Role[];
