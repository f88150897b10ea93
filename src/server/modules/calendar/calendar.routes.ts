import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarDayBody, CalendarDayParams, CalendarYearQuery, DueDateQuery } from './calendar.schemas.ts';
import { computeDueDate, findCalendarDays, removeCalendarDay, setCalendarDay } from './calendar.service.ts';

/** The working-day calendar (decision 008): read by anyone signed in, corrected by the alliance's administrator. */
export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const db = () => app.database.db;

  r.get('/api/calendar/days', { schema: { querystring: CalendarYearQuery, tags, summary: 'Ngày nghỉ lễ, nghỉ bù và điều chỉnh của một năm' } }, async (request) =>
    findCalendarDays(db(), { actor: request.actor, year: request.query.year }),
  );
  r.put('/api/calendar/days/:day', { schema: { params: CalendarDayParams, body: CalendarDayBody, tags, summary: 'Điều chỉnh một ngày: nghỉ hoặc làm việc' } }, async (request) =>
    setCalendarDay(db(), { actor: request.actor, day: request.params.day, ...request.body }),
  );
  r.delete('/api/calendar/days/:day', { schema: { params: CalendarDayParams, tags, summary: 'Bỏ điều chỉnh của một ngày' } }, async (request) =>
    removeCalendarDay(db(), { actor: request.actor, day: request.params.day }),
  );
  r.get('/api/calendar/due-date', { schema: { querystring: DueDateQuery, tags, summary: 'Hạn sau một số ngày làm việc' } }, async (request) =>
    computeDueDate(db(), { actor: request.actor, ...request.query }),
  );
}
