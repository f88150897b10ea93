/**
 * An article's editorial states (decision 009): draft → in_review → published | scheduled → unpublished → draft.
 * Writers (alliance staff) submit and take back; editors (admin, staff with the flag) publish, schedule and
 * unpublish. Each change is a version of its own, audited, and — when the public sees it — moves the portal's
 * content version in the same transaction.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { actorLabel, systemActor, type Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addArticleVersion } from './article-versions.ts';
import { requireArticleWriter, requirePortalEditor, type PortalStaff } from './articles.policy.ts';
import { ARTICLE_STATE_LABELS, type ArticleState } from './articles.schemas.ts';
import { auditView, getArticleRow, presentArticle, staleVersion } from './articles.service.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { portalArticles } from './portal.sql.ts';

type Transition = {
  action: string;
  from: readonly ArticleState[];
  /** What the refusal says for an article in another state ("gửi duyệt"). */
  verb: string;
  note: string;
  require: (actor: Actor) => PortalStaff;
};

const SUBMIT: Transition = { action: 'submitted', from: ['draft', 'unpublished'], verb: 'gửi duyệt', note: 'Gửi duyệt', require: requireArticleWriter };
const RETURN_TO_DRAFT: Transition = { action: 'returned_to_draft', from: ['in_review', 'unpublished'], verb: 'trả về bản nháp', note: 'Trả về bản nháp', require: requireArticleWriter };
const PUBLISH: Transition = { action: 'published', from: ['draft', 'in_review', 'unpublished', 'scheduled'], verb: 'đăng', note: 'Đăng bài', require: requirePortalEditor };
const UNPUBLISH: Transition = { action: 'unpublished', from: ['published', 'scheduled'], verb: 'gỡ', note: 'Gỡ bài', require: requirePortalEditor };

type Options = { actor: Actor; id: string; version?: number; note?: string | null };

/** Sends a draft (or an unpublished article) to the editors for review. */
export const submitArticle = (db: Db, options: Options) => move(db, options, SUBMIT, () => ({ state: 'in_review' }));

/** Takes an article under review (or unpublished) back to draft for more changes. */
export const returnArticleToDraft = (db: Db, options: Options) => move(db, options, RETURN_TO_DRAFT, () => ({ state: 'draft' }));

/** Takes a published or scheduled article off the portal (its address then answers 404). */
export const unpublishArticle = (db: Db, options: Options) => move(db, options, UNPUBLISH, () => ({ state: 'unpublished', unpublishedAt: sql`now()` }), true);

/**
 * Publishes now, or — with a publishAt in the future — schedules it (publishDueArticles publishes it when due; the
 * public reads honour the time even before). The date shown stays that of the first publication.
 */
export async function publishArticle(db: Db, options: Options & { publishAt?: string | null }) {
  const at = options.publishAt ? new Date(options.publishAt) : null;
  const later = at !== null && at.getTime() > Date.now();
  return move(
    db,
    options,
    later ? { ...PUBLISH, action: 'scheduled', note: 'Hẹn giờ đăng' } : PUBLISH,
    (row) =>
      later
        ? { state: 'scheduled', publishAt: at }
        : { state: 'published', publishAt: null, publishedAt: row.publishedAt ?? sql`now()`, unpublishedAt: null },
    true,
  );
}

async function move(
  db: Db,
  { actor, id, version, note }: Options,
  transition: Transition,
  changes: (row: typeof portalArticles.$inferSelect) => PgUpdateSetSource<typeof portalArticles>,
  publicChange = false,
) {
  const user = transition.require(actor);
  const tenantId = user.tenantId;
  return db.transaction(async (tx) => {
    const before = await getArticleRow(tx, tenantId, id);
    if (version !== undefined && version !== before.version) throw staleVersion();
    if (!transition.from.includes(before.state as ArticleState)) {
      const state = ARTICLE_STATE_LABELS[before.state as ArticleState] ?? before.state;
      throw new AppError('conflict', `Bài đang ở trạng thái «${state}»: không ${transition.verb} được.`, { field: 'state' });
    }
    const [row] = await tx
      .update(portalArticles)
      .set({ ...changes(before), version: sql`${portalArticles.version} + 1`, updatedBy: actorLabel(actor), updatedAt: sql`now()` })
      .where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.id, id), eq(portalArticles.version, before.version)))
      .returning();
    if (!row) throw staleVersion();
    await addArticleVersion(tx, row, { savedBy: actorLabel(actor), note: note ?? transition.note });
    // A scheduled article leaving 'published' (or a future one changing) changes what the public sees or will see.
    if (publicChange) await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: `portal_article.${transition.action}`, entityType: 'portal_article', entityId: id, before: auditView(before), after: auditView(row) });
    return presentArticle(actor, row);
  });
}

/**
 * Publishes the scheduled articles whose time has come (every alliance), each with its version row and audit
 * event, and moves each alliance's portal version once. Swept by `coop serve` every 30 seconds.
 */
export async function publishDueArticles(db: Db): Promise<number> {
  // Most sweeps find nothing: a read first, so that they open no write transaction.
  const [due] = await db
    .select({ id: portalArticles.id })
    .from(portalArticles)
    .where(and(eq(portalArticles.state, 'scheduled'), lte(portalArticles.publishAt, sql`now()`)))
    .limit(1);
  if (!due) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(portalArticles)
      .set({
        state: 'published',
        publishedAt: sql`coalesce(${portalArticles.publishedAt}, ${portalArticles.publishAt})`,
        unpublishedAt: null,
        version: sql`${portalArticles.version} + 1`,
        updatedBy: 'system@coop',
        updatedAt: sql`now()`,
      })
      .where(and(eq(portalArticles.state, 'scheduled'), lte(portalArticles.publishAt, sql`now()`)))
      .returning();
    const tenants = new Set<number>();
    for (const row of rows) {
      tenants.add(row.tenantId);
      await addArticleVersion(tx, row, { savedBy: 'system@coop', note: 'Đăng theo giờ hẹn' });
      await recordAudit(tx, {
        actor: systemActor(row.tenantId),
        tenantId: row.tenantId,
        action: 'portal_article.published_on_schedule',
        entityType: 'portal_article',
        entityId: row.id,
        before: { state: 'scheduled', publishAt: row.publishAt },
        after: auditView(row),
      });
    }
    for (const tenantId of tenants) await bumpPortalVersion(tx, tenantId);
    return rows.length;
  });
}
