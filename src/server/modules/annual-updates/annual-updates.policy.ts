// Who may do what with the annual update (decision 007).
// - coop_manager files for the organisations it acts for (Actor.organisationIds; the chosen one by default).
// - alliance_admin and alliance_staff (manageRegistry) file for any organisation of their alliance (from paper:
//   channel 'staff'), read and verify (return, accept); alliance_admin publishes forms.
// - commune_officer reads the updates of its commune's organisations, decides nothing.
// Anyone else's ids answer 404, never 403: an id guessed is an id not found.
import { and, eq, type SQL } from 'drizzle-orm';
import { forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';

export type TenantUser = SignedIn & { tenantId: number };

const VERIFIERS: readonly Role[] = ['alliance_admin', 'alliance_staff'];
const READERS: readonly Role[] = ['alliance_admin', 'alliance_staff', 'commune_officer'];

/** The organisations a manager acts for (decision 007: Actor.organisationIds), else the chosen one. */
export function managedOrganisationIds(actor: SignedIn): string[] {
  if (actor.organisationIds?.length) return actor.organisationIds;
  return actor.organisationId ? [actor.organisationId] : [];
}

export function isVerifier(actor: Actor): boolean {
  return actor.kind === 'user' && actor.tenantId !== null && VERIFIERS.includes(actor.role);
}

/** Those who may file: managers (for their organisations, checked per organisation) and registry staff. */
export function requireFiler(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null || !(VERIFIERS.includes(user.role) || user.role === 'coop_manager')) throw forbidden();
  return user as TenantUser;
}

/** Whether a filer may file for this organisation (false → the caller answers 404). */
export function mayFileFor(user: TenantUser, organisation: { tenantId: number; id: string }): boolean {
  if (organisation.tenantId !== user.tenantId) return false;
  if (VERIFIERS.includes(user.role)) return true;
  return user.role === 'coop_manager' && managedOrganisationIds(user).includes(organisation.id);
}

/** Staff who read updates: the alliance's office and staff, a commune's officer. */
export function requireUpdateReader(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null || !READERS.includes(user.role)) throw forbidden();
  if (user.role === 'commune_officer' && !user.communeCode) throw forbidden();
  return user as TenantUser;
}

/** The organisations whose updates a reader may see: the tenant's, or one commune's. */
export function updateReadScope(user: TenantUser): SQL {
  const tenant = eq(organisations.tenantId, user.tenantId);
  if (user.role === 'commune_officer') return and(tenant, eq(organisations.currentCommuneCode, user.communeCode!))!;
  return tenant;
}

/** Those who return and accept. */
export function requireVerifier(actor: Actor): TenantUser {
  const user = requireUpdateReader(actor);
  if (!VERIFIERS.includes(user.role)) throw forbidden();
  return user;
}

/** Only the alliance's administrator publishes a form. */
export function requireFormPublisher(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.role !== 'alliance_admin' || user.tenantId === null) throw forbidden();
  return user as TenantUser;
}

export type UpdatePermissions = { edit: boolean; submit: boolean; return: boolean; accept: boolean };

/** What the actor may do next with one update it can see (sent with it, so the UI shows only what works). */
export function updatePermissions(actor: Actor, update: { state: string } | null, canFile: boolean): UpdatePermissions {
  const state = update?.state ?? null;
  const open = state === null || state === 'draft' || state === 'returned';
  const verifier = isVerifier(actor);
  return { edit: canFile && open, submit: canFile && open, return: verifier && state === 'submitted', accept: verifier && state === 'submitted' };
}
