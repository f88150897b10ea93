// Who may do what with the portal's articles and categories (decision 009 "Who may publish").
// - alliance_admin and alliance_staff of an alliance write drafts, edit them and submit them for review; they
//   manage categories and menu order (the library).
// - Editors (alliance_admin always; alliance_staff with users.portal_editor) also publish, schedule, unpublish
//   and edit a published or scheduled article in place.
// - Nobody else has a portal back office. Another alliance's ids answer 404.
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { requireUser } from '../cooperatives/cooperatives.policy.ts';
import type { ArticleState } from './articles.schemas.ts';

export type PortalStaff = Extract<Actor, { kind: 'user' }> & { tenantId: number };

/** Staff of an alliance who write articles and manage the library; 401 anonymous, 403 anyone else. */
export function requireArticleWriter(actor: Actor): PortalStaff {
  const user = requireUser(actor);
  if (user.tenantId === null || (user.role !== 'alliance_admin' && user.role !== 'alliance_staff')) throw forbidden();
  return user as PortalStaff;
}

/** Whether the actor publishes: the admin, or staff with the editor flag. */
export function isPortalEditor(actor: Actor): boolean {
  if (actor.kind !== 'user' || actor.tenantId === null) return false;
  return actor.role === 'alliance_admin' || (actor.role === 'alliance_staff' && actor.portalEditor === true);
}

/** An editor of an alliance (publish, schedule, unpublish, edit in place); 403 for other staff. */
export function requirePortalEditor(actor: Actor): PortalStaff {
  const user = requireArticleWriter(actor);
  if (!isPortalEditor(user)) throw forbidden();
  return user;
}

/** States where the article is (or is about to be) public: only editors change it there. */
export const LIVE_STATES: readonly ArticleState[] = ['published', 'scheduled'];

export type ArticlePermissions = { edit: boolean; submit: boolean; publish: boolean; unpublish: boolean; returnToDraft: boolean };

/** What the actor may do next with one article it can see (sent with it: the editor shows only what works). */
export function articlePermissions(actor: Actor, article: { state: string }): ArticlePermissions {
  const editor = isPortalEditor(actor);
  const state = article.state as ArticleState;
  const live = LIVE_STATES.includes(state);
  return {
    edit: live ? editor : true,
    submit: state === 'draft' || state === 'unpublished',
    publish: editor && state !== 'published',
    unpublish: editor && live,
    returnToDraft: state === 'in_review' || state === 'unpublished',
  };
}
