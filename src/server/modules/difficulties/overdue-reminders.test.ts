// Due dates and reminders: what is due within 2 working days and what is overdue, and the sweep that mails the
// alliance's staff once per item, due date and kind, through a real SMTP server run in this process (smtp-server).
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { createMailer, type Mailer } from '../../mail/mailer.ts';
import { users } from '../accounts/accounts.sql.ts';
import { lawCalendar } from '../calendar/working-days.ts';
import { difficulties } from './difficulties.sql.ts';
import { findDueItems, sendDueReminders, startDueReminders } from './overdue-reminders.ts';
import { auditOf, insertCooperative, insertDifficulty } from './recommendations.test-support.ts';

type Received = { to: string[]; subject: string; text: string };
const received: Received[] = [];
const arrivals = new EventEmitter();
let server: SMTPServer;
let mailer: Mailer;
let t: TestApp;
const staffEmails: string[] = [];
const item = {} as Record<'dueSoon' | 'overdue' | 'later' | 'answered' | 'recommendation', string>;
let letterNumber: string;

/** The mail's text, its quoted-printable and UTF-8 undone. */
function decode(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(unfolded, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

/** The Subject header, its encoded words (RFC 2047, Q) decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const words = [...header.matchAll(/=\?UTF-8\?Q\?(.*?)\?=/gi)].map((m) => m[1]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  return words.length ? Buffer.from(words.join(''), 'latin1').toString('utf8') : header;
}

/** Vietnam's morning of a day (02:00 UTC = 09:00 in Vietnam). */
const morningOf = (day: string) => new Date(`${day}T02:00:00Z`);

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: subjectOf(raw), text: decode(raw) });
        arrivals.emit('mail');
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  mailer = createMailer(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?from=${encodeURIComponent('Liên minh HTX <thu@lienminh.test>')}`);

  t = await createTestApp();
  const staff = await t.signIn('alliance_staff');
  const admin = await t.signIn('alliance_admin');
  staffEmails.push(staff.email, admin.email);
  // Neither a disabled account, a manager nor another alliance's staff hear of this alliance's items.
  const gone = await t.signIn('alliance_staff');
  await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, gone.email));
  await t.signIn('coop_manager');
  await t.signIn('alliance_staff', { tenantId: OTHER_TENANT });

  const db = t.database.db;
  const coop = await insertCooperative(db, { name: 'HTX Chè Long Cốc' });
  item.dueSoon = (await insertDifficulty(db, { organisationId: coop.id, title: 'Cần mặt bằng xây nhà sơ chế', dueOn: '2026-03-25' })).id;
  item.overdue = (await insertDifficulty(db, { organisationId: coop.id, title: 'Chậm hoàn thuế', state: 'handling', dueOn: '2026-03-20' })).id;
  item.later = (await insertDifficulty(db, { organisationId: coop.id, title: 'Chưa đến hạn', dueOn: '2026-04-10' })).id;
  item.answered = (await insertDifficulty(db, { organisationId: coop.id, title: 'Đã trả lời', state: 'answered', dueOn: '2026-03-20' })).id;
  // A recommendation forwarded on 5/3/2026: due 26/3; its difficulty is reminded through it, not on its own.
  const grouped = await insertDifficulty(db, { organisationId: coop.id, title: 'Thiếu vốn lưu động', dueOn: '2026-03-16' });
  const agency = (await t.request({ method: 'POST', url: '/api/agencies', cookie: staff.cookie, payload: { name: 'Sở Tài chính tỉnh Bắc Ninh', kind: 'department' } })).json();
  const draft = (await t.request({ method: 'POST', url: '/api/recommendations', cookie: staff.cookie, payload: { subject: 'Kiến nghị về vốn lưu động', category: 'capital_credit', difficultyIds: [grouped.id] } })).json();
  const forwarded = await t.request({ method: 'POST', url: `/api/recommendations/${draft.id}/forward`, cookie: staff.cookie, payload: { agencyId: agency.id, letterDate: '2026-03-05' } });
  expect(forwarded.json()).toMatchObject({ dueOn: '2026-03-26' });
  item.recommendation = draft.id;
  letterNumber = forwarded.json().letterNumber;
});
afterAll(async () => {
  mailer?.close();
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function nextMail(): Promise<Received> {
  while (received.length === 0) await once(arrivals, 'mail');
  return received.shift()!;
}

describe('what is due', () => {
  it('lists what falls due within 2 working days and what is overdue, leaving out the answered and the later', async () => {
    // Tuesday 24/3/2026: two working days on is Thursday 26/3.
    const due = await findDueItems(t.database.db, { tenantId: TENANT, today: '2026-03-24', calendar: lawCalendar() });
    expect(due.dueSoonUntil).toBe('2026-03-26');
    expect(due.dueSoon.map((i) => [i.kind, i.id, i.dueOn])).toEqual([
      ['difficulty', item.dueSoon, '2026-03-25'],
      ['recommendation', item.recommendation, '2026-03-26'],
    ]);
    expect(due.overdue.map((i) => i.id)).toEqual([item.overdue]);
    expect(due.dueSoon[1]).toMatchObject({ reference: letterNumber, party: 'Sở Tài chính tỉnh Bắc Ninh' });
    // On Friday 20/3 the weekend is skipped: Tuesday 24/3 is the second working day, 25/3 not yet in reach.
    const friday = await findDueItems(t.database.db, { tenantId: TENANT, today: '2026-03-20', calendar: lawCalendar() });
    expect(friday.dueSoonUntil).toBe('2026-03-24');
    expect(friday.dueSoon.map((i) => i.id)).toEqual([item.overdue]);
  });
});

describe('the reminder sweep', () => {
  it("mails the alliance's staff once per item and due date, and records each reminder on its item", async () => {
    const sweep = await sendDueReminders(t.database.db, { mailer, now: morningOf('2026-03-24') });
    expect(sweep.tenants).toEqual([{ tenantId: TENANT, reminded: 3, recipients: 2 }]);
    const mail = await nextMail();
    expect(mail.to.sort()).toEqual(staffEmails.map((e) => e.toLowerCase()).sort());
    expect(mail.subject).toBe('Nhắc hạn khó khăn, kiến nghị: 2 sắp đến hạn, 1 đã quá hạn');
    expect(mail.text).toMatch(/Khó khăn 2026-\d{4} của HTX Chè Long Cốc: Cần mặt bằng xây nhà sơ chế — hạn 25\/03\/2026/);
    expect(mail.text).toContain(`Kiến nghị công văn số ${letterNumber} gửi Sở Tài chính tỉnh Bắc Ninh: Kiến nghị về vốn lưu động — hạn trả lời 26/03/2026`);
    expect(mail.text).toMatch(/Đã quá hạn, chưa có trả lời:\n- Khó khăn 2026-\d{4} của HTX Chè Long Cốc: Chậm hoàn thuế — hạn 20\/03\/2026/);
    expect(mail.text).not.toContain('Chưa đến hạn');
    expect((await auditOf(t.database.db, item.dueSoon)).at(-1)).toMatchObject({ action: 'difficulty.due_reminder_sent', after: { dueOn: '2026-03-25', reminder: 'due_soon' } });
    expect((await auditOf(t.database.db, item.recommendation)).at(-1)).toMatchObject({ action: 'recommendation.due_reminder_sent', after: { dueOn: '2026-03-26', reminder: 'due_soon' } });

    // The same day again, and the next: nothing new.
    expect((await sendDueReminders(t.database.db, { mailer, now: morningOf('2026-03-24') })).tenants).toEqual([]);
    expect((await sendDueReminders(t.database.db, { mailer, now: morningOf('2026-03-25') })).tenants).toEqual([]);
    expect(received).toEqual([]);
  });

  it('reminds again when an item becomes overdue, and when its due date moves', async () => {
    // Friday 27/3: the difficulty due 25/3 and the recommendation due 26/3 are now overdue.
    expect((await sendDueReminders(t.database.db, { mailer, now: morningOf('2026-03-27') })).tenants).toEqual([{ tenantId: TENANT, reminded: 2, recipients: 2 }]);
    const overdue = await nextMail();
    expect(overdue.subject).toBe('Nhắc hạn khó khăn, kiến nghị: 2 đã quá hạn');
    expect(overdue.text).toContain('Cần mặt bằng xây nhà sơ chế');
    expect(overdue.text).not.toContain('Chậm hoàn thuế');

    await t.database.db.update(difficulties).set({ dueOn: '2026-03-31' }).where(eq(difficulties.id, item.overdue));
    expect((await sendDueReminders(t.database.db, { mailer, now: morningOf('2026-03-27') })).tenants).toEqual([{ tenantId: TENANT, reminded: 1, recipients: 2 }]);
    expect((await nextMail()).text).toContain('Chậm hoàn thuế — hạn 31/03/2026');
  });

  it('a mail server that refuses leaves the items to be reminded by the next sweep', async () => {
    const down = createMailer('smtp://127.0.0.1:9');
    try {
      const failed = await sendDueReminders(t.database.db, { mailer: down, now: morningOf('2026-04-09') });
      expect(failed.tenants).toEqual([expect.objectContaining({ tenantId: TENANT, reminded: 0, failed: expect.any(String) })]);
    } finally {
      down.close();
    }
    expect((await auditOf(t.database.db, item.later)).map((e) => e.action)).toEqual(['difficulty.due_reminder_sent', 'difficulty.due_reminder_failed']);
    const retried = await sendDueReminders(t.database.db, { mailer, now: morningOf('2026-04-09') });
    expect(retried.tenants).toEqual([{ tenantId: TENANT, reminded: expect.any(Number), recipients: 2 }]);
    expect((await nextMail()).text).toContain('Chưa đến hạn — hạn 10/04/2026');
  });

  it('sends nothing without a mail server, and the server starts the sweep only with one', async () => {
    const none = createMailer(undefined);
    expect((await sendDueReminders(t.database.db, { mailer: none, now: morningOf('2026-05-04') })).tenants).toEqual([]);
    const logged: string[] = [];
    const log = { info: (_: object, m?: string) => logged.push(m ?? ''), warn: (_: object, m?: string) => logged.push(m ?? '') };
    await startDueReminders(t.database, { mailer: none, log, firstAfterMs: 0 }).stop();
    expect(logged).toEqual([]);
    // With a mail server: the first sweep runs right after start (today's date: whatever is still due gets mailed).
    await insertDifficulty(t.database.db, { organisationId: (await insertCooperative(t.database.db, { name: 'HTX Bưởi Đoan Hùng' })).id, title: 'Quá hạn từ lâu', dueOn: '2020-01-06', raisedOn: '2020-01-02' });
    const running = startDueReminders(t.database, { mailer, log, firstAfterMs: 0 });
    const mail = await nextMail();
    await running.stop();
    expect(mail.text).toContain('Quá hạn từ lâu — hạn 06/01/2020');
    expect(logged).toContain('due reminders sent');
  });
});
