// Reading difficulties (decision 008): the staff's queues with their counts, one difficulty with its files, its
// recommendation, the agencies' answers and its history. Every read goes through difficultyReadScope.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { findAuditEvents } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { todayInVietnam } from '../calendar/working-days.ts';
import { difficultyPermissions, difficultyReadScope, isDifficultyHandler, requireDifficultyReader } from './difficulties.policy.ts';
import { presentDifficulty, type DifficultyRow } from './difficulties.present.ts';
import { DIFFICULTY_STATES, type DifficultyState, type ListInput } from './difficulties.schemas.ts';
import { agencies, agencyAnswerRecommendations, agencyAnswers, difficulties, recommendations } from './difficulties.sql.ts';
import { listRequestFiles } from './request-files.ts';

/** Not answered, not closed, and its due date passed in Vietnam. */
export function overdueCondition(today: string): SQL {
  return and(inArray(difficulties.state, ['received', 'handling', 'forwarded']), sql`${difficulties.dueOn} < ${today}`)!;
}

// Folds Vietnamese letters to ASCII in SQL (both engines, no extension): the same fold as searchKey.
const FOLD_FROM: string[] = [];
const FOLD_TO: string[] = [];
for (const range of [[0xc0, 0x24f], [0x1ea0, 0x1ef9]] as const) {
  for (let cp = range[0]; cp <= range[1]; cp++) {
    const char = String.fromCodePoint(cp);
    const folded = searchKey(char);
    if (folded.length === 1 && /[a-z]/.test(folded) && folded !== char) {
      FOLD_FROM.push(char);
      FOLD_TO.push(folded);
    }
  }
}
const foldFrom = FOLD_FROM.join('');
const foldTo = FOLD_TO.join('');
const folded = (column: SQL | AnyPgColumn) => sql`translate(lower(${column}), ${foldFrom}, ${foldTo})`;

function textSearch(q: string | undefined): SQL | undefined {
  const tokens = q ? searchKey(q).split(' ').filter(Boolean).slice(0, 8) : [];
  if (tokens.length === 0) return undefined;
  return and(
    ...tokens.map((token) => {
      const like = `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`(${folded(difficulties.title)} like ${like} or ${folded(difficulties.description)} like ${like} or ${organisations.nameKey} like ${like})`;
    }),
  );
}

const orgJoin = and(eq(organisations.tenantId, difficulties.tenantId), eq(organisations.id, difficulties.organisationId));
const recommendationJoin = and(eq(recommendations.tenantId, difficulties.tenantId), eq(recommendations.id, difficulties.recommendationId));
const agencyJoin = and(eq(agencies.tenantId, recommendations.tenantId), eq(agencies.id, recommendations.agencyId));

/** The difficulties an actor may read, filtered and paged, with the counts per state (and overdue) under the other filters. */
export async function findDifficulties(db: Db, { actor, query }: { actor: Actor; query: ListInput }) {
  requireDifficultyReader(actor);
  const today = todayInVietnam();
  const uuidOrNone = (id: string | undefined) => (id === undefined ? undefined : isUuid(id) ? id : '00000000-0000-0000-0000-000000000000');
  const agencyId = uuidOrNone(query.agencyId);
  const organisationId = uuidOrNone(query.organisationId);
  const filtered = and(
    difficultyReadScope(actor),
    query.category ? eq(difficulties.category, query.category) : undefined,
    query.year ? eq(difficulties.year, query.year) : undefined,
    organisationId ? eq(difficulties.organisationId, organisationId) : undefined,
    query.communeCode ? eq(organisations.currentCommuneCode, query.communeCode) : undefined,
    agencyId ? sql`exists (select 1 from ${recommendations} r where r.tenant_id = ${difficulties.tenantId} and r.id = ${difficulties.recommendationId} and r.agency_id = ${agencyId})` : undefined,
    textSearch(query.q),
  );
  const where = and(
    filtered,
    query.state ? eq(difficulties.state, query.state) : undefined,
    query.overdue === 'true' ? overdueCondition(today) : query.overdue === 'false' ? sql`not (${overdueCondition(today)})` : undefined,
  );
  const rows = await db
    .select({
      difficulty: difficulties,
      organisation: { id: organisations.id, name: organisations.name, communeCode: organisations.currentCommuneCode },
      recommendation: { id: recommendations.id, letterNumber: recommendations.letterNumber, agencyName: agencies.name },
    })
    .from(difficulties)
    .innerJoin(organisations, orgJoin)
    .leftJoin(recommendations, recommendationJoin)
    .leftJoin(agencies, agencyJoin)
    .where(where)
    .orderBy(desc(difficulties.raisedOn), desc(difficulties.year), desc(difficulties.seq))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totals] = await db.select({ n: count() }).from(difficulties).innerJoin(organisations, orgJoin).where(where);
  const byState = await db
    .select({ state: difficulties.state, n: count(), overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})`.mapWith(Number) })
    .from(difficulties)
    .innerJoin(organisations, orgJoin)
    .where(filtered)
    .groupBy(difficulties.state);
  const counts = Object.fromEntries(DIFFICULTY_STATES.map((state) => [state, byState.find((r) => r.state === state)?.n ?? 0])) as Record<DifficultyState, number> & { overdue: number };
  counts.overdue = byState.reduce((sum, r) => sum + r.overdue, 0);
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: totals?.n ?? 0,
    counts,
    items: rows.map(({ difficulty, organisation, recommendation }) => ({
      ...presentDifficulty(difficulty, today),
      organisation,
      recommendation: recommendation?.id ? recommendation : null,
      can: difficultyPermissions(actor, difficulty),
    })),
  };
}

/** One difficulty within the actor's reach (404 otherwise: never 403, no id probing), its row locked when asked. */
export async function findDifficultyInReach(db: Db, actor: Actor, id: string, lock = false): Promise<DifficultyRow> {
  requireDifficultyReader(actor);
  if (!isUuid(id)) throw notFound('khó khăn, kiến nghị');
  const query = db
    .select({ difficulty: difficulties })
    .from(difficulties)
    .where(and(eq(difficulties.id, id), difficultyReadScope(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('khó khăn, kiến nghị');
  return row.difficulty;
}

/** One difficulty with its organisation, files, recommendation, the agencies' answers, history and what may be done. */
export async function getDifficulty(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const row = await findDifficultyInReach(db, actor, id);
  const today = todayInVietnam();
  const [organisation] = await db.select({ id: organisations.id, name: organisations.name, communeCode: organisations.currentCommuneCode }).from(organisations).where(and(eq(organisations.tenantId, row.tenantId), eq(organisations.id, row.organisationId)));
  const files = await listRequestFiles(db, row.tenantId, 'difficulty', row.id);
  let recommendation = null;
  let answers: Array<{ id: string; agency: { id: string; name: string }; letterNumber: string; letterDate: string; receivedOn: string; content: string }> = [];
  if (row.recommendationId) {
    const [rec] = await db
      .select({ id: recommendations.id, subject: recommendations.subject, letterNumber: recommendations.letterNumber, letterDate: recommendations.letterDate, dueOn: recommendations.dueOn, state: recommendations.state, agencyId: agencies.id, agencyName: agencies.name })
      .from(recommendations)
      .leftJoin(agencies, agencyJoin)
      .where(and(eq(recommendations.tenantId, row.tenantId), eq(recommendations.id, row.recommendationId)));
    if (rec) {
      const { agencyId, agencyName, ...rest } = rec;
      recommendation = { ...rest, agency: agencyId ? { id: agencyId, name: agencyName! } : null };
    }
    const answerRows = await db
      .select({ id: agencyAnswers.id, agencyId: agencies.id, agencyName: agencies.name, letterNumber: agencyAnswers.letterNumber, letterDate: agencyAnswers.letterDate, receivedOn: agencyAnswers.receivedOn, content: agencyAnswers.content })
      .from(agencyAnswerRecommendations)
      .innerJoin(agencyAnswers, and(eq(agencyAnswers.tenantId, agencyAnswerRecommendations.tenantId), eq(agencyAnswers.id, agencyAnswerRecommendations.answerId)))
      .innerJoin(agencies, and(eq(agencies.tenantId, agencyAnswers.tenantId), eq(agencies.id, agencyAnswers.agencyId)))
      .where(and(eq(agencyAnswerRecommendations.tenantId, row.tenantId), eq(agencyAnswerRecommendations.recommendationId, row.recommendationId)))
      .orderBy(asc(agencyAnswers.letterDate), asc(agencyAnswers.recordedAt));
    answers = answerRows.map(({ agencyId, agencyName, ...a }) => ({ ...a, agency: { id: agencyId, name: agencyName } }));
  }
  const staff = isDifficultyHandler(actor);
  const history = [...(await findAuditEvents(db, row.tenantId, 'difficulty', row.id))].reverse().map((e) => ({
    at: e.at.toISOString(),
    action: e.action.replace(/^difficulty\./, ''),
    // Who on the alliance's side did it is the staff's business; a cooperative sees what happened and when.
    actorLabel: staff ? e.actorLabel : null,
    after: e.after,
  }));
  return {
    ...presentDifficulty(row, today),
    organisation: organisation ?? null,
    files,
    recommendation,
    answers,
    history,
    can: difficultyPermissions(actor, row),
  };
}
