// The working-day calendar's rows of the authorization matrix (src/server/authorization.test.ts): anyone signed in
// reads it and counts a due date; only an alliance's administrator corrects it (national data). Test code only.
import type { InjectOptions } from 'fastify';

type Who = 'anonymous' | 'alliance_admin' | 'alliance_staff' | 'fund_officer' | 'commune_officer' | 'coop_manager' | 'other_coop_manager' | 'national_viewer' | 'other_tenant_staff';
type CalendarRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const SIGNED_IN: Who[] = ['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'other_coop_manager', 'national_viewer', 'other_tenant_staff'];

/** Every route of src/server/modules/calendar/calendar.routes.ts, with who may pass. */
export function calendarRows(): CalendarRow[] {
  return [
    { route: 'GET /api/calendar/days', request: () => ({ url: '/api/calendar/days?year=2026' }), allowed: SIGNED_IN },
    // A date far from anything another test counts with; the administrator's PUT and DELETE both pass.
    { route: 'PUT /api/calendar/days/:day', request: () => ({ method: 'PUT', url: '/api/calendar/days/2031-06-06', payload: { dayOff: true, name: 'Nghỉ thử' } }), allowed: ['alliance_admin'] },
    { route: 'DELETE /api/calendar/days/:day', request: () => ({ method: 'DELETE', url: '/api/calendar/days/2031-06-06' }), allowed: ['alliance_admin'] },
    { route: 'GET /api/calendar/due-date', request: () => ({ url: '/api/calendar/due-date?from=2026-02-13&workingDays=10' }), allowed: SIGNED_IN },
  ];
}
