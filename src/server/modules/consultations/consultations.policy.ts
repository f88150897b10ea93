// Who may do what with expert consultations (decision 008).
// - alliance_admin and alliance_staff (handleConsultations) keep the roster, record requests for any organisation
//   of their alliance, assign, record sessions, complete, cancel, and read the report.
// - coop_manager asks for its organisations (Actor.organisationIds), sees their requests and rates a done one once.
// Anyone else's ids answer 404, never 403: an id guessed is an id not found.
import { forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';

export type TenantUser = SignedIn & { tenantId: number };

const STAFF: readonly Role[] = ['alliance_admin', 'alliance_staff'];

export function isConsultationStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.tenantId !== null && STAFF.includes(actor.role);
}

/** The roster, assigning, sessions, outcome, cancelling, the report. */
export function requireConsultationStaff(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (!isConsultationStaff(user)) throw forbidden();
  return user as TenantUser;
}

/** Those who see requests: staff (all of the alliance's) and managers (their organisations'). */
export function requireConsultationUser(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null || !(STAFF.includes(user.role) || user.role === 'coop_manager')) throw forbidden();
  return user as TenantUser;
}

/** The manager who rates: only a cooperative rates the advice it was given. */
export function requireConsultationManager(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (user.tenantId === null || user.role !== 'coop_manager') throw forbidden();
  return user as TenantUser;
}

/** The organisations a manager acts for (Actor.organisationIds), else the chosen one; null for staff (all). */
export function organisationReach(user: TenantUser): string[] | null {
  if (STAFF.includes(user.role)) return null;
  if (user.organisationIds?.length) return user.organisationIds;
  return user.organisationId ? [user.organisationId] : [];
}

export type ConsultationPermissions = { schedule: boolean; recordSession: boolean; complete: boolean; cancel: boolean; rate: boolean };

/** What the actor may do next with one request it can see (sent with it, so the pages offer only what works). */
export function consultationPermissions(actor: Actor, request: { state: string; rating: number | null; sessions: number }): ConsultationPermissions {
  const staff = isConsultationStaff(actor);
  const open = request.state === 'requested' || request.state === 'scheduled';
  const manager = actor.kind === 'user' && actor.role === 'coop_manager';
  return {
    schedule: staff && open,
    recordSession: staff && request.state === 'scheduled',
    complete: staff && request.state === 'scheduled' && request.sessions > 0,
    cancel: staff && open,
    rate: manager && request.state === 'done' && request.rating === null,
  };
}
