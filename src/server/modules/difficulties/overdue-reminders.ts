// Due dates and reminders (decision 008): what is due within 2 working days and what is overdue, per alliance, and
// a sweep that emails the alliance's staff once per item, due date and kind of reminder (due soon, then overdue).
// A difficulty still with the alliance (received, handling) is reminded by its own due date; once forwarded, its
// recommendation is reminded instead (by the agency's due date). Each reminder is recorded as an audit event of
// its item; a failed sending records that too, so the next sweep tries again. Without a mail server nothing is
// sent: the overdue lists of the staff pages are the reminder.
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../../db/client.ts';
import { formatDateVi } from '../../../shared/dates.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { systemActor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadWorkingCalendar, todayInVietnam, type WorkingCalendar } from '../calendar/working-days.ts';

/** Working days before its due date an item is reminded. */
export const REMIND_WORKING_DAYS_BEFORE = 2;

export type DueItem = {
  kind: 'difficulty' | 'recommendation';
  id: string;
  /** The difficulty's code ("2026-0012") or the letter's number ("125/LMHTX-VP"). */
  reference: string;
  title: string;
  /** The cooperative (a difficulty) or the agency (a recommendation). */
  party: string | null;
  dueOn: string;
};

export type DueItems = { today: string; dueSoonUntil: string; dueSoon: DueItem[]; overdue: DueItem[] };

type DueRow = { kind: DueItem['kind']; id: string; reference: string; title: string; party: string | null; due_on: string };

/** What of an alliance is due from today to 2 working days ahead, and what is already overdue, by due date. */
export async function findDueItems(db: Db, { tenantId, today, calendar }: { tenantId: number; today: string; calendar: WorkingCalendar }): Promise<DueItems> {
  const dueSoonUntil = calendar.addWorkingDays(today, REMIND_WORKING_DAYS_BEFORE);
  const rows = await queryRows<DueRow>(db, sql`
    select 'difficulty' as kind, d.id::text as id, d.year || '-' || lpad(d.seq::text, 4, '0') as reference, d.title, o.name as party, d.due_on::text as due_on
    from difficulties d join organisations o on o.tenant_id = d.tenant_id and o.id = d.organisation_id
    where d.tenant_id = ${tenantId} and d.state in ('received', 'handling') and d.due_on <= ${dueSoonUntil}
    union all
    select 'recommendation', r.id::text, r.letter_number, r.subject, a.name, r.due_on::text
    from recommendations r left join agencies a on a.tenant_id = r.tenant_id and a.id = r.agency_id
    where r.tenant_id = ${tenantId} and r.state = 'forwarded' and r.due_on <= ${dueSoonUntil}
    order by due_on, reference`);
  const items = rows.map((r): DueItem => ({ kind: r.kind, id: r.id, reference: r.reference, title: r.title, party: r.party, dueOn: r.due_on }));
  return { today, dueSoonUntil, dueSoon: items.filter((i) => i.dueOn >= today), overdue: items.filter((i) => i.dueOn < today) };
}

type Reminder = 'due_soon' | 'overdue';
type Claim = DueItem & { reminder: Reminder };

const SENT = { difficulty: 'difficulty.due_reminder_sent', recommendation: 'recommendation.due_reminder_sent' } as const;
const FAILED = { difficulty: 'difficulty.due_reminder_failed', recommendation: 'recommendation.due_reminder_failed' } as const;

/** The items (of the given ones) already reminded for this due date and kind (sent more often than failed). */
async function alreadyReminded(db: Db, tenantId: number, items: Claim[]): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const ids = sql.join(items.map((i) => sql`${i.id}::uuid`), sql`, `);
  const rows = await queryRows<{ id: string; due_on: string; reminder: string }>(db, sql`
    select entity_id::text as id, after->>'dueOn' as due_on, after->>'reminder' as reminder
    from audit_events
    where tenant_id = ${tenantId} and entity_type in ('difficulty', 'recommendation') and entity_id in (${ids})
      and action in (${SENT.difficulty}, ${SENT.recommendation}, ${FAILED.difficulty}, ${FAILED.recommendation})
    group by 1, 2, 3
    having count(*) filter (where action in (${SENT.difficulty}, ${SENT.recommendation})) > count(*) filter (where action in (${FAILED.difficulty}, ${FAILED.recommendation}))`);
  return new Set(rows.map((r) => `${r.id}|${r.due_on}|${r.reminder}`));
}

const keyOf = (c: Claim) => `${c.id}|${c.dueOn}|${c.reminder}`;

async function recordReminders(db: Db, tenantId: number, claims: Claim[], outcome: 'sent' | 'failed', detail: object): Promise<void> {
  const actor = systemActor(tenantId);
  for (const c of claims) {
    await recordAudit(db, {
      actor,
      tenantId,
      action: (outcome === 'sent' ? SENT : FAILED)[c.kind],
      entityType: c.kind,
      entityId: c.id,
      before: null,
      after: { dueOn: c.dueOn, reminder: c.reminder, ...detail },
    });
  }
}

function describe(item: DueItem): string {
  if (item.kind === 'difficulty') return `- Khó khăn ${item.reference}${item.party ? ` của ${item.party}` : ''}: ${item.title} — hạn ${formatDateVi(item.dueOn)}`;
  return `- Kiến nghị công văn số ${item.reference}${item.party ? ` gửi ${item.party}` : ''}: ${item.title} — hạn trả lời ${formatDateVi(item.dueOn)}`;
}

/** The reminder mail of one alliance: what is about to fall due, then what is overdue. */
export function reminderMail(claims: Claim[]): { subject: string; text: string } {
  const soon = claims.filter((c) => c.reminder === 'due_soon');
  const overdue = claims.filter((c) => c.reminder === 'overdue');
  const parts = [soon.length ? `${soon.length} sắp đến hạn` : null, overdue.length ? `${overdue.length} đã quá hạn` : null].filter(Boolean);
  const lines = ['Kính gửi cán bộ Liên minh HTX,', ''];
  if (soon.length) lines.push(`Sắp đến hạn (trong ${REMIND_WORKING_DAYS_BEFORE} ngày làm việc):`, ...soon.map(describe), '');
  if (overdue.length) lines.push('Đã quá hạn, chưa có trả lời:', ...overdue.map(describe), '');
  lines.push('Xem và xử lý tại trang "Khó khăn, kiến nghị" của Nền tảng Liên minh HTX.', '', 'Thư nhắc tự động, mỗi việc một lần cho mỗi hạn.');
  return { subject: `Nhắc hạn khó khăn, kiến nghị: ${parts.join(', ')}`, text: lines.join('\n') };
}

export type ReminderSweep = { tenants: Array<{ tenantId: number; reminded: number; recipients: number; failed?: string }> };

/**
 * One sweep over every alliance: the items due soon or overdue not yet reminded for their due date are claimed
 * (recorded, under a lock per alliance so that two servers do not both send), mailed to the alliance's staff in one
 * mail, and recorded as failed if the mail server refuses (to be tried again next time).
 */
export async function sendDueReminders(db: Db, { mailer, now = new Date() }: { mailer: Mailer; now?: Date }): Promise<ReminderSweep> {
  const sweep: ReminderSweep = { tenants: [] };
  if (!mailer.configured) return sweep;
  const today = todayInVietnam(now);
  const calendar = await loadWorkingCalendar(db);
  const tenants = await queryRows<{ tenant_id: number; emails: string[] }>(db, sql`
    select u.tenant_id, array_agg(distinct lower(u.email) order by lower(u.email)) as emails
    from users u
    where u.tenant_id is not null and u.role in ('alliance_admin', 'alliance_staff') and u.email is not null and u.disabled_at is null
    group by u.tenant_id order by u.tenant_id`);
  for (const { tenant_id: tenantId, emails } of tenants) {
    const due = await findDueItems(db, { tenantId, today, calendar });
    const candidates: Claim[] = [...due.dueSoon.map((i) => ({ ...i, reminder: 'due_soon' as const })), ...due.overdue.map((i) => ({ ...i, reminder: 'overdue' as const }))];
    if (candidates.length === 0) continue;
    const claims = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('coop:due-reminders'), ${tenantId})`);
      const done = await alreadyReminded(tx, tenantId, candidates);
      const fresh = candidates.filter((c) => !done.has(keyOf(c)));
      await recordReminders(tx, tenantId, fresh, 'sent', { recipients: emails.length });
      return fresh;
    });
    if (claims.length === 0) continue;
    try {
      await mailer.send({ to: emails.join(', '), ...reminderMail(claims) });
      sweep.tenants.push({ tenantId, reminded: claims.length, recipients: emails.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.transaction((tx) => recordReminders(tx, tenantId, claims, 'failed', { message: message.slice(0, 300) }));
      sweep.tenants.push({ tenantId, reminded: 0, recipients: emails.length, failed: message });
    }
  }
  return sweep;
}

type Log = { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };

/**
 * Runs the sweep a little after the server starts, then every hour (a sweep sends only what was not sent yet, so
 * the first sweep of a day sends that day's reminders). Nothing runs without a mail server.
 */
export function startDueReminders(database: Database, { mailer, log, firstAfterMs = 60_000, intervalMs = 3_600_000 }: { mailer: Mailer; log: Log; firstAfterMs?: number; intervalMs?: number }): { stop(): Promise<void> } {
  if (!mailer.configured) return { stop: async () => {} };
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    if (stopped) return;
    running = running
      .then(async () => {
        const sweep = await sendDueReminders(database.db, { mailer });
        for (const t of sweep.tenants) {
          if (t.failed) log.warn({ tenantId: t.tenantId, items: t.reminded }, 'due reminders not sent');
          else log.info({ tenantId: t.tenantId, items: t.reminded, recipients: t.recipients }, 'due reminders sent');
        }
      })
      .catch((error: unknown) => log.warn({ err: error }, 'due reminders failed'));
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
