// The consultations' report of a year (decision 008): requests and consultations given by topic and by commune,
// and those who asked that year and are not yet served, with how many working days they have waited.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import type { Actor } from '../accounts/roles.ts';
import { loadWorkingCalendar, todayInVietnam } from '../calendar/working-days.ts';
import { requireConsultationStaff } from './consultations.policy.ts';
import { CONSULTATION_TOPICS, type ConsultationState, type ConsultationTopic } from './consultations.words.ts';

type TopicRow = { topic: string; requested: number; done: number; average_rating: string | null };
type CommuneRow = { commune_code: string | null; commune: string | null; requested: number; done: number };
type WaitingRow = { id: string; organisation: string; topic: string; state: string; requested_on: string; scheduled_on: string | null };

/** The report of requests made in `year` in the actor's alliance. */
export async function consultationsReport(db: Db, { actor, year }: { actor: Actor; year: number }) {
  const user = requireConsultationStaff(actor);
  const inYear = sql`r.tenant_id = ${user.tenantId} and r.requested_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`;
  const topics = await queryRows<TopicRow>(
    db,
    sql`select r.topic, count(*)::int as requested, count(*) filter (where r.state = 'done')::int as done,
               round(avg(r.rating), 1)::text as average_rating
          from consultation_requests r where ${inYear} group by r.topic`,
  );
  const communes = await queryRows<CommuneRow>(
    db,
    sql`select o.current_commune_code as commune_code, min(u.name) as commune, count(*)::int as requested,
               count(*) filter (where r.state = 'done')::int as done
          from consultation_requests r
          join organisations o on o.tenant_id = r.tenant_id and o.id = r.organisation_id
          left join admin_units u on u.version = '2025' and u.code = o.current_commune_code
         where ${inYear}
         group by o.current_commune_code
         order by count(*) desc, min(u.name)`,
  );
  const waiting = await queryRows<WaitingRow>(
    db,
    sql`select r.id, o.name as organisation, r.topic, r.state, r.requested_on::text as requested_on, r.scheduled_on::text as scheduled_on
          from consultation_requests r
          join organisations o on o.tenant_id = r.tenant_id and o.id = r.organisation_id
         where ${inYear} and r.state in ('requested', 'scheduled')
         order by r.requested_on, o.name, r.id`,
  );
  const calendar = await loadWorkingCalendar(db);
  const today = todayInVietnam();
  const byTopicRow = new Map(topics.map((t) => [t.topic, t]));
  return {
    year,
    byTopic: CONSULTATION_TOPICS.map((topic) => {
      const row = byTopicRow.get(topic);
      return { topic, requested: row?.requested ?? 0, done: row?.done ?? 0, averageRating: row?.average_rating == null ? null : Number(row.average_rating) };
    }),
    byCommune: communes.map((c) => ({ communeCode: c.commune_code, commune: c.commune ?? 'Chưa xác định xã, phường', requested: c.requested, done: c.done })),
    waiting: waiting.map((w) => ({
      id: w.id,
      organisation: w.organisation,
      topic: w.topic as ConsultationTopic,
      state: w.state as ConsultationState,
      requestedOn: w.requested_on,
      scheduledOn: w.scheduled_on,
      workingDaysWaiting: calendar.workingDaysBetween(w.requested_on, today),
    })),
  };
}
export type ConsultationsReport = Awaited<ReturnType<typeof consultationsReport>>;
