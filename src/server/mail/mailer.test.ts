/**
 * Mail through a real SMTP server run in this process (smtp-server): invitations and password resets arrive
 * with a link that works, and the logs carry neither the server's password nor the link.
 */
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../test/harness.ts';
import { createOrganisation } from '../modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../modules/demo/factories.ts';
import { systemActor } from '../modules/accounts/roles.ts';
import { me, sessionCookie } from '../modules/accounts/accounts.test-support.ts';
import { createMailer } from './mailer.ts';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
const arrivals = new EventEmitter();
let server: SMTPServer;
let port: number;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'lienminh' && auth.password === 'bi-mat-smtp') return callback(null, { user: auth.username });
      return callback(new Error('Sai tài khoản SMTP'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') };
        received.push(mail);
        arrivals.emit('mail', mail);
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
  const before = process.env.SMTP_URL;
  process.env.SMTP_URL = `smtp://lienminh:bi-mat-smtp@127.0.0.1:${port}?from=${encodeURIComponent('Liên minh HTX <thu@lienminh.test>')}`;
  try {
    t = await createTestApp();
  } finally {
    if (before === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = before;
  }
  admin = (await t.signIn('alliance_admin')).cookie;
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The next mail to an address (or one already received). */
async function mailTo(address: string): Promise<Received> {
  for (;;) {
    const found = received.find((m) => m.to.includes(address));
    if (found) {
      received.splice(received.indexOf(found), 1);
      return found;
    }
    await once(arrivals, 'mail');
  }
}

/** The set-password link of a mail (its text part is quoted-printable). */
function linkIn(raw: string): string {
  const decoded = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const match = /https?:\/\/[^\s"<]+\/account\/set-password\?token=[\w-]{43}/.exec(decoded);
  if (!match) throw new Error(`no link in: ${decoded.slice(0, 500)}`);
  return match[0];
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('with SMTP_URL', () => {
  it('the invitation is mailed, from the configured sender, with a link that sets the password', async () => {
    const res = await t.request({ method: 'POST', url: '/api/accounts', cookie: admin, payload: { role: 'alliance_staff', email: 'nhan.thu@lienminh.vn' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().emailed).toBe(true);
    expect((await t.request({ url: '/api/accounts', cookie: admin })).json().mailConfigured).toBe(true);
    const mail = await mailTo('nhan.thu@lienminh.vn');
    expect(mail.from).toBe('thu@lienminh.test');
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    const link = linkIn(mail.raw);
    expect(link).toBe(res.json().link);
    const set = await t.request({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(link), password: 'mat-khau-tu-thu' }, remoteAddress: '10.6.0.1' });
    expect(set.statusCode, set.body).toBe(200);
    expect((await me(t, sessionCookie(set)!)).email).toBe('nhan.thu@lienminh.vn');
  });

  it('a forgotten password: the reset link arrives by mail and works once', async () => {
    const forgot = await t.request({ method: 'POST', url: '/api/auth/forgot', payload: { login: 'Nhan.Thu@lienminh.vn' }, remoteAddress: '10.6.0.2' });
    expect(forgot.statusCode).toBe(200);
    const mail = await mailTo('nhan.thu@lienminh.vn');
    expect(mail.raw).toContain('Content-Type: text/html');
    const token = tokenOf(linkIn(mail.raw));
    const described = await t.request({ url: `/api/auth/token?token=${token}` });
    expect(described.json()).toMatchObject({ purpose: 'reset', state: 'valid' });
    expect((await t.request({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: 'mat-khau-sau-khi-quen' }, remoteAddress: '10.6.0.2' })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/auth/set-password', payload: { token, password: 'mat-khau-lan-thu-hai' }, remoteAddress: '10.6.0.2' })).statusCode).toBe(400);
    const login = await t.request({ method: 'POST', url: '/api/auth/login', payload: { login: 'nhan.thu@lienminh.vn', password: 'mat-khau-sau-khi-quen' }, remoteAddress: '10.6.0.3' });
    expect(login.statusCode).toBe(200);
  });

  it("an organisation's manager invited from its page gets the mail, naming the organisation", async () => {
    const org = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Mây tre đan Phúc Hòa', registrationNumber: null }) });
    const res = await t.request({ method: 'POST', url: '/api/accounts/manager-invitations', cookie: admin, payload: { organisationId: org.id, email: 'chu.nhiem@phuchoa.vn' } });
    expect(res.json().emailed).toBe(true);
    const mail = await mailTo('chu.nhiem@phuchoa.vn');
    const text = mail.raw.replace(/=\r?\n/g, '');
    expect(Buffer.from(text.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')).toContain('HTX Mây tre đan Phúc Hòa');
    expect(linkIn(mail.raw)).toBe(res.json().link);
  });

  it("the annual update's reminders reach the organisations that have not filed, and name those without an address", async () => {
    const withEmail = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Chè Nếnh Hòa Bình', email: 'htx.chenenh@hoabinh.vn' }) });
    const withoutEmail = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Rau sạch Đồng Kỳ', phone: '0987654321' }) });
    const res = await t.request({ method: 'POST', url: '/api/annual-updates/reminders', cookie: admin, payload: { year: 2026 } });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    // The two with an address: this one's own, and the cooperative whose manager was invited above (the manager's).
    expect(result.sent).toBe(2);
    expect(result.failed).toEqual([]);
    expect(result.withoutEmail).toEqual([expect.objectContaining({ organisationId: withoutEmail.id, name: 'HTX Rau sạch Đồng Kỳ', phone: '0987654321' })]);
    const mail = await mailTo('htx.chenenh@hoabinh.vn');
    const text = Buffer.from(mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    expect(text).toContain('chưa nhận được bản cập nhật thông tin năm 2026 của HTX Chè Nếnh Hòa Bình');
    expect(text).toContain('15/12/2026');
    expect((await mailTo('chu.nhiem@phuchoa.vn')).raw).toContain('2026');
    expect(withEmail.id).not.toBe(withoutEmail.id);
  });

  it('logs name neither the SMTP password nor the link', async () => {
    const lines: string[] = [];
    const log = { info: (o: unknown, m?: string) => lines.push(JSON.stringify(o) + (m ?? '')) } as unknown as Parameters<typeof createMailer>[1];
    const mailer = createMailer(`smtp://lienminh:bi-mat-smtp@127.0.0.1:${port}`, log);
    await mailer.send({ to: 'ai.do@htx.vn', subject: 'Thử', text: 'http://x/account/set-password?token=bi-mat-lien-ket' });
    mailer.close();
    await mailTo('ai.do@htx.vn');
    expect(lines.length).toBe(1);
    expect(lines.join()).not.toMatch(/bi-mat|ai\.do/);
  });
});
