// The awards' figures for the year-end report and the conference (decision 010): per kind given that year, the
// collectives and individuals (revoked awards excluded), the cash, how many were revoked; and the narrative
// sentence in the seed's words.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { awardKinds, awards } from './awards.sql.ts';

export type AwardsReport = {
  year: number;
  byForm: { form: string; level: string; collectives: number; individuals: number }[];
  totalCash: number;
  revoked: number;
};

/** Internal: the rows with their kind's code and name, for the narrative. */
export type AwardsReportDetail = AwardsReport & { kinds: { code: string; name: string; form: string; level: string; collectives: number; individuals: number }[] };

/** The year's figures of one alliance (null: every alliance). */
export async function computeAwardsReport(db: Db, tenantId: number | null, year: number): Promise<AwardsReportDetail> {
  const scope = and(tenantId === null ? undefined : eq(awards.tenantId, tenantId), eq(awards.year, year));
  const rows = await db
    .select({
      code: awardKinds.code,
      name: awardKinds.name,
      form: awardKinds.form,
      level: awardKinds.level,
      collectives: sql<number>`(count(*) filter (where ${awards.recipientKind} = 'collective' and ${awards.revokedOn} is null))::int`,
      individuals: sql<number>`(count(*) filter (where ${awards.recipientKind} = 'individual' and ${awards.revokedOn} is null))::int`,
      cash: sql<string>`coalesce(sum(${awards.cashVnd}) filter (where ${awards.revokedOn} is null), 0)::text`,
      revoked: sql<number>`(count(*) filter (where ${awards.revokedOn} is not null))::int`,
    })
    .from(awards)
    .innerJoin(awardKinds, eq(awardKinds.code, awards.awardKindCode))
    .where(scope)
    .groupBy(awardKinds.code, awardKinds.name, awardKinds.form, awardKinds.level, awardKinds.position)
    .orderBy(asc(awardKinds.position), asc(awardKinds.code));
  const given = rows.filter((r) => r.collectives + r.individuals > 0);
  return {
    year,
    byForm: given.map((r) => ({ form: r.form, level: r.level, collectives: r.collectives, individuals: r.individuals })),
    totalCash: rows.reduce((a, r) => a + Number(r.cash), 0),
    revoked: rows.reduce((a, r) => a + r.revoked, 0),
    kinds: given.map((r) => ({ code: r.code, name: r.name, form: r.form, level: r.level, collectives: r.collectives, individuals: r.individuals })),
  };
}

/** The report as decision 010 prints it (without the narrative's details). */
export function publicReport(detail: AwardsReportDetail): AwardsReport {
  return { year: detail.year, byForm: detail.byForm, totalCash: detail.totalCash, revoked: detail.revoked };
}

/**
 * The order in which the alliance's reports list awards: the highest honours first (government, then the VCA's
 * flag before the province's), the medal, certificates of merit, titles, CoopStar, the alliance's own last.
 * Kinds not listed follow, by position.
 */
const NARRATIVE_ORDER = [
  'flag_government',
  'flag_ministry',
  'flag_vca',
  'flag_province',
  'medal_coop',
  'merit_prime_minister',
  'merit_ministry',
  'merit_vca',
  'merit_province',
  'title_excellent_collective',
  'title_grassroots_fighter',
  'coopstar',
  'commendation_alliance',
];

const two = (n: number) => String(n).padStart(2, '0');
/** "Kỷ niệm chương "Vì …"" → "kỷ niệm chương “Vì …”": as a sentence writes a medal's name. */
const inSentence = (name: string) => name.replace(/"([^"]*)"/g, '“$1”').replace(/^Kỷ niệm chương/, 'kỷ niệm chương');

function clause(k: AwardsReportDetail['kinds'][number]): string {
  if (k.form === 'flag' && k.individuals === 0) return `trao ${k.name} cho ${two(k.collectives)} HTX`;
  const many = k.level === 'alliance' && k.collectives + k.individuals > 20;
  const who = many
    ? [k.collectives ? 'tập thể' : null, k.individuals ? 'cá nhân' : null].filter(Boolean).join(', ').replace(/^/, 'nhiều ')
    : [k.collectives ? `${two(k.collectives)} tập thể` : null, k.individuals ? `${two(k.individuals)} cá nhân` : null].filter(Boolean).join(' và ');
  return `${who} được tặng ${inSentence(k.name)}`;
}

/**
 * The seed's sentence for the year: "trao Cờ thi đua của … cho 01 HTX; …; 07 tập thể và 06 cá nhân được tặng
 * Bằng khen của Liên minh HTX Việt Nam; … và nhiều tập thể, cá nhân được tặng Giấy khen của Liên minh HTX tỉnh"
 * (counts in two digits; the alliance's own certificates "nhiều" above 20). Empty when nothing was given.
 */
export function awardsNarrative(report: AwardsReportDetail): string {
  const rank = (code: string) => {
    const i = NARRATIVE_ORDER.indexOf(code);
    return i === -1 ? NARRATIVE_ORDER.length : i;
  };
  const clauses = [...report.kinds].sort((a, b) => rank(a.code) - rank(b.code)).map(clause);
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join('; ')} và ${clauses.at(-1)}`;
}
