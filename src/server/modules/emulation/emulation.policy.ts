// Who may do what with emulation (decision 010).
// - alliance_admin and alliance_staff of an alliance manage blocks and pacts, enter any member's results, read
//   every scoreboard, publish it.
// - coop_manager reads the blocks its organisations belong to and their pacts once signed, reports and reads its
//   own organisations' results while the pact is signed, reads the scoreboard once published; never another
//   member's results.
// - everyone else: nothing (403). Another alliance's or another block's ids answer 404.
import { forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';
import { managedOrganisationIds } from '../difficulties/difficulties.policy.ts';

export type TenantUser = SignedIn & { tenantId: number };

const STAFF: readonly Role[] = ['alliance_admin', 'alliance_staff'];

export function isEmulationStaff(actor: Actor): boolean {
  return actor.kind === 'user' && actor.tenantId !== null && STAFF.includes(actor.role);
}

/** Staff who run emulation; 403 for anyone else. */
export function requireEmulationStaff(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (!isEmulationStaff(user)) throw forbidden();
  return user as TenantUser;
}

/** Staff, or a coop manager with an organisation (who reads only its own blocks); 403 for anyone else. */
export function requireEmulationReader(actor: Actor): TenantUser {
  const user = requireUser(actor);
  if (isEmulationStaff(user)) return user as TenantUser;
  if (user.role === 'coop_manager' && user.tenantId !== null && managedOrganisationIds(user).length > 0) return user as TenantUser;
  throw forbidden();
}

/** The organisations whose results this actor may read and report in a block: all for staff, its own for a manager. */
export function reportableOrganisations(actor: TenantUser, memberIds: string[]): string[] {
  if (isEmulationStaff(actor)) return memberIds;
  const own = new Set(managedOrganisationIds(actor));
  return memberIds.filter((id) => own.has(id));
}

export type PactPermissions = { edit: boolean; sign: boolean; close: boolean; publish: boolean; report: boolean; seeScoreboard: boolean };

/** What the actor may do with a pact it can see (sent with it, so the pages show only what the server allows). */
export function pactPermissions(actor: TenantUser, pact: { state: string; scoreboardPublishedAt: Date | null }, criteriaCount: number, reportable: number): PactPermissions {
  const staff = isEmulationStaff(actor);
  return {
    edit: staff && pact.state === 'draft',
    sign: staff && pact.state === 'draft' && criteriaCount > 0,
    close: staff && pact.state === 'signed',
    publish: staff && pact.state !== 'draft' && pact.scoreboardPublishedAt === null,
    report: pact.state === 'signed' && reportable > 0,
    seeScoreboard: staff ? pact.state !== 'draft' : pact.scoreboardPublishedAt !== null,
  };
}
