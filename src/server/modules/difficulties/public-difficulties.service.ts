/**
 * What the public sees of difficulties (decision 008, "Public"): the published ones only (published = true and the
 * cooperative's consent not 'no'), the cooperative's name only when it agreed ('named'), else "Một hợp tác xã ở
 * <commune>"; the status, the agency, the letter's number and date, and the answers' content. Never files, never
 * who raised it or handled it, never staff's notes (unit in charge, outcome reason).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { onlyAlliance } from '../reports/annual-report.service.ts';
import { categoryLabel, DIFFICULTY_CATEGORIES } from './public-difficulties.words.ts';

export const PUBLIC_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PublicAnswer = { agency: string; letterNumber: string; letterDate: string; content: string };
export type PublicDifficulty = {
  id: string;
  code: string;
  raisedOn: string;
  category: string;
  title: string;
  description: string;
  /** The cooperative's name when it agreed, else "Một hợp tác xã ở <commune>". */
  cooperative: string;
  state: string;
  outcome: string | null;
  closedOn: string | null;
  /** The alliance's own answer, when it answered directly. */
  directAnswer: { content: string; answeredOn: string | null } | null;
  /** The official letter that forwarded it, once forwarded. */
  letter: { agency: string | null; number: string; date: string } | null;
  answers: PublicAnswer[];
};

type Row = {
  tenant_id: number;
  id: string;
  year: number;
  seq: number;
  raised_on: string;
  category: string;
  title: string;
  description: string;
  public_consent: string;
  organisation_name: string;
  commune_name: string | null;
  state: string;
  outcome: string | null;
  closed_on: string | null;
  direct_answer: string | null;
  answered_on: string | null;
  recommendation_id: string | null;
  letter_number: string | null;
  letter_date: string | null;
  agency_name: string | null;
};

/** The one condition that makes a difficulty public. */
const PUBLIC = sql`d.published and d.public_consent <> 'no'`;

function selectPublic(where: SQL): SQL {
  return sql`
    select d.tenant_id, d.id::text as id, d.year, d.seq, d.raised_on::text as raised_on, d.category, d.title, d.description, d.public_consent,
           o.name as organisation_name, cu.name as commune_name,
           d.state, d.outcome, d.closed_on::text as closed_on, d.direct_answer, d.answered_on::text as answered_on,
           case when r.letter_number is not null then r.id::text end as recommendation_id, r.letter_number, r.letter_date::text as letter_date, ag.name as agency_name
    from difficulties d
    join organisations o on o.tenant_id = d.tenant_id and o.id = d.organisation_id
    left join admin_units cu on cu.version = '2025' and cu.level = 'commune' and cu.code = o.current_commune_code
    left join recommendations r on r.tenant_id = d.tenant_id and r.id = d.recommendation_id
    left join agencies ag on ag.tenant_id = r.tenant_id and ag.id = r.agency_id
    where ${PUBLIC} and ${where}`;
}

async function answersOf(db: Db, tenantId: number, recommendationIds: string[]): Promise<Map<string, PublicAnswer[]>> {
  const byRecommendation = new Map<string, PublicAnswer[]>();
  if (recommendationIds.length === 0) return byRecommendation;
  const rows = await queryRows<PublicAnswer & { recommendation_id: string }>(
    db,
    sql`select ar.recommendation_id::text as recommendation_id, ag.name as agency, a.letter_number as "letterNumber", a.letter_date::text as "letterDate", a.content
        from agency_answer_recommendations ar
        join agency_answers a on a.tenant_id = ar.tenant_id and a.id = ar.answer_id
        join agencies ag on ag.tenant_id = a.tenant_id and ag.id = a.agency_id
        where ar.tenant_id = ${tenantId} and ar.recommendation_id in (${sql.join(recommendationIds.map((id) => sql`${id}::uuid`), sql`, `)})
        order by a.letter_date, a.letter_number`,
  );
  for (const { recommendation_id, ...answer } of rows) {
    const list = byRecommendation.get(recommendation_id) ?? [];
    list.push(answer);
    byRecommendation.set(recommendation_id, list);
  }
  return byRecommendation;
}

function present(row: Row, answers: Map<string, PublicAnswer[]>): PublicDifficulty {
  return {
    id: row.id,
    code: `${row.year}-${String(row.seq).padStart(4, '0')}`,
    raisedOn: row.raised_on,
    category: row.category,
    title: row.title,
    description: row.description,
    cooperative: row.public_consent === 'named' ? row.organisation_name : `Một hợp tác xã ở ${row.commune_name ?? 'tỉnh'}`,
    state: row.state,
    outcome: row.state === 'closed' ? row.outcome : null,
    closedOn: row.state === 'closed' ? row.closed_on : null,
    directAnswer: row.direct_answer ? { content: row.direct_answer, answeredOn: row.answered_on } : null,
    letter: row.letter_number && row.letter_date ? { agency: row.agency_name, number: row.letter_number, date: row.letter_date } : null,
    answers: row.recommendation_id ? (answers.get(row.recommendation_id) ?? []) : [],
  };
}

export type PublicListQuery = { tenant?: number; category?: string; year?: number; page: number };

/** The published difficulties of an alliance, newest first, a page at a time. */
export async function findPublicDifficulties(db: Db, query: PublicListQuery) {
  const tenantId = query.tenant ?? (await onlyAlliance(db));
  const filters = [sql`d.tenant_id = ${tenantId}`];
  if (query.category) filters.push(sql`d.category = ${query.category}`);
  if (query.year) filters.push(sql`d.year = ${query.year}`);
  const where = sql.join(filters, sql` and `);
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from difficulties d where ${PUBLIC} and ${where}`);
  const rows = await queryRows<Row>(
    db,
    sql`${selectPublic(where)} order by d.raised_on desc, d.year desc, d.seq desc limit ${PUBLIC_PAGE_SIZE} offset ${(query.page - 1) * PUBLIC_PAGE_SIZE}`,
  );
  const answers = await answersOf(db, tenantId, [...new Set(rows.map((r) => r.recommendation_id).filter((id): id is string => id !== null))]);
  return { tenant: tenantId, page: query.page, pageSize: PUBLIC_PAGE_SIZE, total, items: rows.map((r) => present(r, answers)) };
}

/** One published difficulty; an unpublished one, or one without consent, is not found. */
export async function getPublicDifficulty(db: Db, { id, tenant }: { id: string; tenant?: number }): Promise<PublicDifficulty> {
  if (!UUID.test(id)) throw notFound('khó khăn, kiến nghị này');
  const tenantFilter = tenant ? sql` and d.tenant_id = ${tenant}` : sql``;
  const [row] = await queryRows<Row>(db, selectPublic(sql`d.id = ${id}::uuid${tenantFilter}`));
  if (!row) throw notFound('khó khăn, kiến nghị này');
  const answers = await answersOf(db, row.tenant_id, row.recommendation_id ? [row.recommendation_id] : []);
  return present(row, answers);
}

type FigureRow = { dimension: 'category' | 'agency'; key: string; received: number; answered: number; resolved: number };

/**
 * Figures of a year by category and by agency, over every difficulty raised that year (published or not: counts
 * only, nothing about anyone): received, answered (directly or by the agency), resolved. By agency: those
 * forwarded to it ("received" by the agency).
 */
export async function getPublicFigures(db: Db, { tenant, year }: { tenant?: number; year: number }) {
  const tenantId = tenant ?? (await onlyAlliance(db));
  const rows = await queryRows<FigureRow>(
    db,
    sql`
      with f as (
        select d.category, case when r.letter_date is not null then ag.name end as agency,
               (d.direct_answer is not null or exists (
                  select 1 from agency_answer_recommendations ar where ar.tenant_id = r.tenant_id and ar.recommendation_id = r.id)) as answered,
               (d.state = 'closed' and d.outcome = 'resolved') as resolved
        from difficulties d
        left join recommendations r on r.tenant_id = d.tenant_id and r.id = d.recommendation_id
        left join agencies ag on ag.tenant_id = r.tenant_id and ag.id = r.agency_id
        where d.tenant_id = ${tenantId} and d.year = ${year}
      )
      select case when grouping(category) = 0 then 'category' else 'agency' end as dimension, coalesce(category, agency) as key,
             count(*)::int as received, (count(*) filter (where answered))::int as answered, (count(*) filter (where resolved))::int as resolved
      from f group by grouping sets ((category), (agency))`,
  );
  const category = (key: string) => rows.find((r) => r.dimension === 'category' && r.key === key);
  return {
    tenant: tenantId,
    year,
    byCategory: DIFFICULTY_CATEGORIES.map((key) => ({ category: key, label: categoryLabel(key), received: category(key)?.received ?? 0, answered: category(key)?.answered ?? 0, resolved: category(key)?.resolved ?? 0 })),
    byAgency: rows
      .filter((r) => r.dimension === 'agency' && r.key !== null)
      .map((r) => ({ agency: r.key, received: r.received, answered: r.answered, resolved: r.resolved }))
      .sort((a, b) => b.received - a.received || a.agency.localeCompare(b.agency, 'vi')),
  };
}
