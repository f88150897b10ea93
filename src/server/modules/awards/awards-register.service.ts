// The register (sổ khen thưởng, decision 010): every award ever given, searched accent-free by recipient,
// organisation or decision number and filtered by form, level, year, commune, organisation, recipient kind;
// revoked awards included and marked. And the alliance's active organisations never recognised.
import { and, asc, count, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import type { Actor } from '../accounts/roles.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { registerScope, requireAwardsStaff, requireRegisterReader } from './awards.policy.ts';
import type { RegisterQuery } from './awards.schemas.ts';
import { awardKinds, awards } from './awards.sql.ts';
import { AWARD_FORM_LABELS, AWARD_LEVEL_LABELS, RECIPIENT_KIND_LABELS, type AwardForm, type AwardLevel, type RecipientKind } from './awards.words.ts';

const communeName = sql<string | null>`(select u.name from ${adminUnits} u where u.version = '2025' and u.code = ${awards.communeCode})`;

/**
 * The awards of the same recipient as one award: a person by their key (name with ID number or birth date, never
 * sent to the browser), a collective by its organisation (or its name when it is not in the registry). An award the
 * reader may not see, or none, matches nothing.
 */
async function sameRecipientCondition(db: Db, actor: Actor, query: RegisterQuery) {
  const [award] = await db
    .select({ recipientKind: awards.recipientKind, personKey: awards.personKey, organisationId: awards.organisationId, recipientName: awards.recipientName })
    .from(awards)
    .where(and(registerScope(actor, query.tenant), eq(awards.id, query.sameRecipientAs!)))
    .limit(1);
  if (!award) return sql`false`;
  if (award.recipientKind === 'individual') return award.personKey ? eq(awards.personKey, award.personKey) : eq(awards.id, query.sameRecipientAs!);
  return and(
    eq(awards.recipientKind, 'collective'),
    award.organisationId ? eq(awards.organisationId, award.organisationId) : eq(awards.recipientName, award.recipientName),
  );
}

/** The register's rows the actor may read, filtered and paged; newest year first. */
export async function findAwards(db: Db, { actor, query }: { actor: Actor; query: RegisterQuery }) {
  requireRegisterReader(actor);
  const key = query.q ? searchKey(query.q) : '';
  const recipient = query.sameRecipientAs ? await sameRecipientCondition(db, actor, query) : undefined;
  const where = and(
    registerScope(actor, query.tenant),
    recipient,
    key ? ilike(awards.searchText, `%${key}%`) : undefined,
    query.form ? eq(awardKinds.form, query.form) : undefined,
    query.level ? eq(awardKinds.level, query.level) : undefined,
    query.year ? eq(awards.year, query.year) : undefined,
    query.communeCode ? eq(awards.communeCode, query.communeCode) : undefined,
    query.organisationId ? eq(awards.organisationId, query.organisationId) : undefined,
    query.recipientKind ? eq(awards.recipientKind, query.recipientKind) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(awards).innerJoin(awardKinds, eq(awardKinds.code, awards.awardKindCode)).where(where);
  const rows = await db
    .select({ award: awards, kindName: awardKinds.name, form: awardKinds.form, level: awardKinds.level, organisationName: organisations.name, communeName })
    .from(awards)
    .innerJoin(awardKinds, eq(awardKinds.code, awards.awardKindCode))
    .leftJoin(organisations, and(eq(organisations.tenantId, awards.tenantId), eq(organisations.id, awards.organisationId)))
    .where(where)
    .orderBy(desc(awards.year), desc(awards.decidedOn), asc(awardKinds.position), asc(awards.recipientName), asc(awards.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ award: a, kindName, form, level, organisationName, communeName: commune }) => ({
      id: a.id,
      year: a.year,
      awardKindCode: a.awardKindCode,
      awardKindName: kindName,
      form,
      formLabel: AWARD_FORM_LABELS[form as AwardForm] ?? form,
      level,
      levelLabel: AWARD_LEVEL_LABELS[level as AwardLevel] ?? level,
      recipientKind: a.recipientKind,
      recipientKindLabel: RECIPIENT_KIND_LABELS[a.recipientKind as RecipientKind],
      recipientName: a.recipientName,
      personPosition: a.personPosition,
      organisationId: a.organisationId,
      organisationName,
      communeCode: a.communeCode,
      communeName: commune,
      decisionId: a.decisionId,
      decisionNumber: a.decisionNumber,
      decidedOn: a.decidedOn,
      cashVnd: a.cashVnd,
      source: a.source,
      revoked: a.revokedOn !== null,
      revokedOn: a.revokedOn,
      revokeReason: a.revokeReason,
      revokeDecisionNumber: a.revokeDecisionNumber,
      recoverObject: a.recoverObject,
      recoverCashVnd: a.recoverCashVnd,
      can: { revoke: a.revokedOn === null && actor.kind === 'user' && actor.tenantId === a.tenantId && (actor.role === 'alliance_admin' || actor.role === 'alliance_staff') },
    })),
  };
}

/**
 * The alliance's active organisations that hold no award (revoked ones do not count), by commune: the counts per
 * commune and a page of the organisations, in commune then name order.
 */
export async function findNeverRecognised(db: Db, { actor, communeCode, page = 1, pageSize = 100 }: { actor: Actor; communeCode?: string; page?: number; pageSize?: number }) {
  const { tenantId } = requireAwardsStaff(actor);
  const never = sql`not exists (select 1 from ${awards} a where a.tenant_id = ${organisations.tenantId} and a.organisation_id = ${organisations.id} and a.revoked_on is null)`;
  const base = and(eq(organisations.tenantId, tenantId), eq(organisations.status, 'active'), never);
  const commune = sql<string | null>`(select u.name from ${adminUnits} u where u.version = '2025' and u.code = ${organisations.currentCommuneCode})`;
  const byCommune = await db
    .select({ communeCode: organisations.currentCommuneCode, communeName: commune, count: count() })
    .from(organisations)
    .where(base)
    .groupBy(organisations.currentCommuneCode)
    .orderBy(asc(commune));
  const where = and(base, communeCode ? eq(organisations.currentCommuneCode, communeCode) : undefined);
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, registrationNumber: organisations.registrationNumber, communeCode: organisations.currentCommuneCode, communeName: commune })
    .from(organisations)
    .where(where)
    .orderBy(asc(commune), asc(organisations.nameOrder), asc(organisations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total: byCommune.reduce((a, c) => a + c.count, 0), byCommune, items: rows };
}
