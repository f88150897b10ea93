import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { TENANT, type TestApp } from '../../../test/harness.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { sessions } from './accounts.sql.ts';
import { systemActor } from './roles.ts';

/** "coop_session=…" from a response that set it. */
export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  const header = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('coop_session='));
  return header ? String(header).split(';')[0] : undefined;
}

/** The token of a one-time link. */
export const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

let counter = 0;
/** An organisation of the alliance (or another one), with a registration number of its own. */
export async function makeOrganisation(db: Db, tenantId = TENANT, name?: string) {
  counter += 1;
  return createOrganisation(db, { actor: systemActor(tenantId), input: buildOrganisation({ name: name ?? `HTX Thử tài khoản ${counter} ${Math.random().toString(36).slice(2, 6)}`, registrationNumber: null }) });
}

/** A commune of today in the alliance's province. */
export async function communeOf(db: Db, provinceCode = '24'): Promise<{ code: string; name: string }> {
  const [row] = await db
    .select({ code: adminUnits.code, name: adminUnits.name })
    .from(adminUnits)
    .where(and(eq(adminUnits.version, '2025'), eq(adminUnits.level, 'commune'), eq(adminUnits.provinceCode, provinceCode)))
    .limit(1);
  return row!;
}

/** Invites an account as the admin and sets its password through the link; returns its id, link and cookie. */
export async function inviteAndActivate(t: TestApp, adminCookie: string, input: Record<string, unknown>, password: string, remoteAddress = '10.1.0.1') {
  const created = await t.request({ method: 'POST', url: '/api/accounts', cookie: adminCookie, payload: input });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const { account, link } = created.json();
  const set = await t.request({ method: 'POST', url: '/api/auth/set-password', payload: { token: tokenOf(link), password }, remoteAddress });
  if (set.statusCode !== 200) throw new Error(`set-password: ${set.statusCode} ${set.body}`);
  return { id: account.id as string, link: link as string, cookie: sessionCookie(set)! };
}

export async function sessionCount(db: Db, userId: string): Promise<number> {
  return (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

export async function auditActions(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, userId))).orderBy(auditEvents.at);
  return rows.map((r) => r.action);
}

export const me = async (t: TestApp, cookie: string) => (await t.request({ url: '/api/auth/me', cookie })).json().user;
