// Who may manage the portal's library (decision 009, capability manageLibrary): documents, events, images,
// files and redirects are the alliance's admin's and staff's (portal editors are staff). Everyone else: 403.
import { forbidden } from '../../http/errors.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { requireUser, type SignedIn } from '../cooperatives/cooperatives.policy.ts';

export type LibraryManager = SignedIn & { tenantId: number };

const MANAGERS: readonly Role[] = ['alliance_admin', 'alliance_staff'];

export function isLibraryManager(actor: Actor): boolean {
  return actor.kind === 'user' && actor.tenantId !== null && MANAGERS.includes(actor.role);
}

/** An alliance's admin or staff (of a tenant); 401 for a visitor, 403 for anyone else. */
export function requireLibraryManager(actor: Actor): LibraryManager {
  const user = requireUser(actor);
  if (!isLibraryManager(user)) throw forbidden();
  return user as LibraryManager;
}

/** What the actor's name is in `uploadedBy`/`createdBy` columns. */
export function actorName(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.email : null;
}
