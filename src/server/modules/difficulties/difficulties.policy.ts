// Who may do what with difficulties (decision 008).
// - alliance_admin and alliance_staff of an alliance handle them: raise for any organisation of the alliance,
//   triage, answer, close, publish, group, attach files.
// - coop_manager raises for the organisations it acts for (Actor.organisationIds), reads and attaches files to
//   their difficulties only.
// - commune_officer reads those of its commune's organisations, decides nothing.
// Anyone else's ids answer 404, never 403: an id guessed is an id not found.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { difficulties } from './difficulties.sql.ts';

export type TenantUser = SignedIn & { tenantId: number };

const HANDLERS: readonly Role[] = ['alliance_admin', 'alliance_staff'];

/** The organisations a manager acts for, else the chosen one. */
export function managedOrganisationIds(actor: SignedIn): string[] {
  if (actor.organisationIds?.length) return actor.organisationIds;
  return actor.organisationId ? [actor.organisationId] : [];
}

export function isDifficultyHandler(actor: Actor): boolean {
  return actor.kind === 'user' && actor.tenantId !== null && HANDLERS.includes(actor.role);
}

/** Staff who handle difficulties (alliance_admin, alliance_staff of a tenant); 403 for anyone else. */
export function requireDifficultyHandler(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (!isDifficultyHandler(user)) throw forbidden();
  return user as TenantUser;
}

/** Those who may read difficulties at all: handlers, commune officers, coop managers (of a tenant). */
export function requireDifficultyReader(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null) throw forbidden();
  if (HANDLERS.includes(user.role)) return user as TenantUser;
  if (user.role === 'commune_officer' && user.communeCode) return user as TenantUser;
  if (user.role === 'coop_manager' && managedOrganisationIds(user).length > 0) return user as TenantUser;
  throw forbidden();
}

/** Those who may raise: handlers and coop managers with an organisation. */
export function requireDifficultyRaiser(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (isDifficultyHandler(user)) return user as TenantUser;
  if (user.role === 'coop_manager' && user.tenantId !== null && managedOrganisationIds(user).length > 0) return user as TenantUser;
  throw forbidden();
}

/**
 * The difficulties an actor may read, as a condition over `difficulties` (the tenant, then the role's reach).
 * Staff: the tenant; a commune officer: its commune's organisations; a coop manager: its organisations; anyone
 * else: none (false).
 */
export function difficultyReadScope(actor: Actor): SQL {
  if (actor.kind !== 'user' || actor.tenantId === null) return sql`false`;
  const tenant = eq(difficulties.tenantId, actor.tenantId);
  if (HANDLERS.includes(actor.role)) return tenant;
  if (actor.role === 'commune_officer') {
    if (!actor.communeCode) return sql`false`;
    const inCommune = sql`exists (select 1 from ${organisations} o where o.tenant_id = ${difficulties.tenantId}
      and o.id = ${difficulties.organisationId} and o.current_commune_code = ${actor.communeCode})`;
    return and(tenant, inCommune)!;
  }
  if (actor.role === 'coop_manager') {
    const ids = managedOrganisationIds(actor);
    if (ids.length === 0) return sql`false`;
    return and(tenant, inArray(difficulties.organisationId, ids))!;
  }
  return sql`false`;
}

/** Whether the actor may raise a difficulty for this organisation of its tenant (false → the caller answers 404). */
export function canRaiseFor(actor: Actor, organisation: string | { tenantId: number; id: string }): boolean {
  if (actor.kind !== 'user' || actor.tenantId === null) return false;
  const id = typeof organisation === 'string' ? organisation : organisation.id;
  if (typeof organisation !== 'string' && organisation.tenantId !== actor.tenantId) return false;
  if (HANDLERS.includes(actor.role)) return true;
  return actor.role === 'coop_manager' && managedOrganisationIds(actor).includes(id);
}

export type DifficultyPermissions = { triage: boolean; answer: boolean; close: boolean; publish: boolean; group: boolean; attach: boolean };

/** What the actor may do next with one difficulty it can see (sent with it, so the UI shows only what works). */
export function difficultyPermissions(
  actor: Actor,
  difficulty: { tenantId: number; organisationId: string; state: string; publicConsent: string; recommendationId: string | null },
): DifficultyPermissions {
  const handler = isDifficultyHandler(actor) && actor.kind === 'user' && actor.tenantId === difficulty.tenantId;
  const open = difficulty.state !== 'closed';
  const ownManager = actor.kind === 'user' && actor.role === 'coop_manager' && actor.tenantId === difficulty.tenantId && managedOrganisationIds(actor).includes(difficulty.organisationId);
  return {
    triage: handler && open,
    answer: handler && difficulty.recommendationId === null && (difficulty.state === 'received' || difficulty.state === 'handling'),
    close: handler && open,
    publish: handler && difficulty.publicConsent !== 'no',
    group: handler && difficulty.recommendationId === null && (difficulty.state === 'received' || difficulty.state === 'handling'),
    attach: (handler || ownManager) && open,
  };
}

