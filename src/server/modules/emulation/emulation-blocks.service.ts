// Emulation blocks (decision 010): a block of peer organisations for a year, its members, its head and deputy.
// Staff create and change them (audited); a coop manager reads the blocks its organisations belong to.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { sortByVietnamese } from '../../../shared/vietnamese-order.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { managedOrganisationIds } from '../difficulties/difficulties.policy.ts';
import { isEmulationStaff, requireEmulationReader, requireEmulationStaff, type TenantUser } from './emulation.policy.ts';
import { emulationBlockMembers, emulationBlocks, emulationPacts, emulationResults } from './emulation.sql.ts';

export type BlockRow = typeof emulationBlocks.$inferSelect;
export type BlockMember = { id: string; name: string; registrationNumber: string | null };

/** The block by id if the actor may see it (staff: its alliance's; a manager: a block of its organisations); else 404. */
export async function findBlockInReach(db: Db, actor: TenantUser, id: string): Promise<BlockRow> {
  if (!isUuid(id)) throw notFound('khối thi đua');
  const [row] = await db.select().from(emulationBlocks).where(and(eq(emulationBlocks.tenantId, actor.tenantId), eq(emulationBlocks.id, id)));
  if (!row) throw notFound('khối thi đua');
  if (!isEmulationStaff(actor)) {
    const own = managedOrganisationIds(actor);
    const [member] = await db
      .select({ id: emulationBlockMembers.organisationId })
      .from(emulationBlockMembers)
      .where(and(eq(emulationBlockMembers.tenantId, actor.tenantId), eq(emulationBlockMembers.blockId, id), inArray(emulationBlockMembers.organisationId, own)))
      .limit(1);
    if (!member) throw notFound('khối thi đua');
  }
  return row;
}

/** The members of a block with their names, in Vietnamese name order. */
export async function blockMembers(db: Db, tenantId: number, blockId: string): Promise<BlockMember[]> {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, registrationNumber: organisations.registrationNumber })
    .from(emulationBlockMembers)
    .innerJoin(organisations, and(eq(organisations.tenantId, emulationBlockMembers.tenantId), eq(organisations.id, emulationBlockMembers.organisationId)))
    .where(and(eq(emulationBlockMembers.tenantId, tenantId), eq(emulationBlockMembers.blockId, blockId)));
  return sortByVietnamese(rows, (r) => r.name);
}

async function checkOrganisations(db: Db, tenantId: number, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const bad = unique.find((id) => !isUuid(id));
  if (bad) throw new AppError('bad_request', `Thành viên: không tìm thấy tổ chức "${bad}".`, { field: 'organisationIds' });
  if (unique.length === 0) return;
  const found = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, unique)));
  if (found.length !== unique.length) {
    const known = new Set(found.map((r) => r.id));
    throw new AppError('bad_request', `Thành viên: không tìm thấy tổ chức "${unique.find((id) => !known.has(id))}" trong Liên minh.`, { field: 'organisationIds' });
  }
}

function checkLeaders(members: string[], head: string | null, deputy: string | null): void {
  if (head && !members.includes(head)) throw new AppError('bad_request', 'Trưởng khối: phải là một thành viên của khối.', { field: 'headOrganisationId' });
  if (deputy && !members.includes(deputy)) throw new AppError('bad_request', 'Phó khối: phải là một thành viên của khối.', { field: 'deputyOrganisationId' });
  if (head && deputy && head === deputy) throw new AppError('bad_request', 'Phó khối: phải khác trưởng khối.', { field: 'deputyOrganisationId' });
}

async function pactOf(db: Db, tenantId: number, blockId: string) {
  const [pact] = await db
    .select({ id: emulationPacts.id, title: emulationPacts.title, state: emulationPacts.state, signedOn: emulationPacts.signedOn, scoreboardPublishedAt: emulationPacts.scoreboardPublishedAt })
    .from(emulationPacts)
    .where(and(eq(emulationPacts.tenantId, tenantId), eq(emulationPacts.blockId, blockId)));
  return pact ?? null;
}

function presentPact(actor: TenantUser, pact: Awaited<ReturnType<typeof pactOf>>) {
  if (!pact || (!isEmulationStaff(actor) && pact.state === 'draft')) return null;
  return { id: pact.id, title: pact.title, state: pact.state, signedOn: pact.signedOn, scoreboardPublished: pact.scoreboardPublishedAt !== null };
}

/** The blocks the actor may see (of a year, newest first): staff all of the alliance's, a manager its own. */
export async function findBlocks(db: Db, { actor, year }: { actor: Actor; year?: number }) {
  const user = requireEmulationReader(actor);
  const conditions = [eq(emulationBlocks.tenantId, user.tenantId)];
  if (year !== undefined) conditions.push(eq(emulationBlocks.year, year));
  if (!isEmulationStaff(user)) {
    conditions.push(sql`exists (select 1 from ${emulationBlockMembers} m where m.tenant_id = ${emulationBlocks.tenantId} and m.block_id = ${emulationBlocks.id}
      and m.organisation_id in (${sql.join(managedOrganisationIds(user).map((id) => sql`${id}::uuid`), sql`, `)}))`);
  }
  const rows = await db
    .select({
      block: emulationBlocks,
      members: sql<number>`(select count(*)::int from ${emulationBlockMembers} m where m.tenant_id = ${emulationBlocks.tenantId} and m.block_id = ${emulationBlocks.id})`,
      headName: sql<string | null>`(select o.name from ${organisations} o where o.tenant_id = ${emulationBlocks.tenantId} and o.id = ${emulationBlocks.headOrganisationId})`,
      deputyName: sql<string | null>`(select o.name from ${organisations} o where o.tenant_id = ${emulationBlocks.tenantId} and o.id = ${emulationBlocks.deputyOrganisationId})`,
    })
    .from(emulationBlocks)
    .where(and(...conditions))
    .orderBy(desc(emulationBlocks.year), asc(emulationBlocks.name));
  const items = [];
  for (const r of rows) {
    items.push({ ...presentBlock(r.block), members: r.members, headName: r.headName, deputyName: r.deputyName, pact: presentPact(user, await pactOf(db, user.tenantId, r.block.id)) });
  }
  return { items, can: { create: isEmulationStaff(user) } };
}

function presentBlock(b: BlockRow) {
  return { id: b.id, year: b.year, name: b.name, headOrganisationId: b.headOrganisationId, deputyOrganisationId: b.deputyOrganisationId, createdAt: b.createdAt.toISOString() };
}

/** One block: its members, head and deputy, its pact (a manager sees it once signed). */
export async function getBlock(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireEmulationReader(actor);
  const block = await findBlockInReach(db, user, id);
  const members = await blockMembers(db, user.tenantId, id);
  const staff = isEmulationStaff(user);
  const pact = await pactOf(db, user.tenantId, id);
  return { ...presentBlock(block), members, pact: presentPact(user, pact), can: { edit: staff && pact?.state !== 'closed', createPact: staff && pact === null } };
}

/** Creates a block of a year with its members, head and deputy (staff). */
export async function createBlock(db: Db, { actor, input }: { actor: Actor; input: { year: number; name: string; organisationIds: string[]; headOrganisationId?: string | null; deputyOrganisationId?: string | null } }) {
  const user = requireEmulationStaff(actor);
  const members = [...new Set(input.organisationIds)];
  const head = input.headOrganisationId ?? null;
  const deputy = input.deputyOrganisationId ?? null;
  checkLeaders(members, head, deputy);
  return db.transaction(async (tx) => {
    await checkOrganisations(tx, user.tenantId, members);
    const [same] = await tx.select({ id: emulationBlocks.id }).from(emulationBlocks).where(and(eq(emulationBlocks.tenantId, user.tenantId), eq(emulationBlocks.year, input.year), eq(emulationBlocks.name, input.name)));
    if (same) throw new AppError('conflict', `Tên khối thi đua: năm ${input.year} đã có khối "${input.name}".`, { field: 'name' });
    const [block] = await tx
      .insert(emulationBlocks)
      .values({ tenantId: user.tenantId, year: input.year, name: input.name, headOrganisationId: head, deputyOrganisationId: deputy, createdBy: user.email })
      .returning();
    if (members.length > 0) await tx.insert(emulationBlockMembers).values(members.map((organisationId) => ({ tenantId: user.tenantId, blockId: block!.id, organisationId })));
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.block_created', entityType: 'emulation_block', entityId: block!.id, before: null, after: { ...presentBlock(block!), organisationIds: members } });
    return getBlock(tx, { actor, id: block!.id });
  });
}

/** Renames a block or changes its head and deputy (staff; members only). */
export async function updateBlock(db: Db, { actor, id, input }: { actor: Actor; id: string; input: { name?: string; headOrganisationId?: string | null; deputyOrganisationId?: string | null } }) {
  const user = requireEmulationStaff(actor);
  return db.transaction(async (tx) => {
    const block = await findBlockInReach(tx, user, id);
    const members = (await blockMembers(tx, user.tenantId, id)).map((m) => m.id);
    const next = {
      name: input.name ?? block.name,
      headOrganisationId: input.headOrganisationId === undefined ? block.headOrganisationId : input.headOrganisationId,
      deputyOrganisationId: input.deputyOrganisationId === undefined ? block.deputyOrganisationId : input.deputyOrganisationId,
    };
    checkLeaders(members, next.headOrganisationId, next.deputyOrganisationId);
    if (next.name !== block.name) {
      const [same] = await tx.select({ id: emulationBlocks.id }).from(emulationBlocks).where(and(eq(emulationBlocks.tenantId, user.tenantId), eq(emulationBlocks.year, block.year), eq(emulationBlocks.name, next.name)));
      if (same) throw new AppError('conflict', `Tên khối thi đua: năm ${block.year} đã có khối "${next.name}".`, { field: 'name' });
    }
    await tx.update(emulationBlocks).set(next).where(and(eq(emulationBlocks.tenantId, user.tenantId), eq(emulationBlocks.id, id)));
    const before = { name: block.name, headOrganisationId: block.headOrganisationId, deputyOrganisationId: block.deputyOrganisationId };
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.block_updated', entityType: 'emulation_block', entityId: id, before, after: next });
    return getBlock(tx, { actor, id });
  });
}

/** Sets a block's members (staff): a member with results, or the head or deputy, cannot be removed. */
export async function setBlockMembers(db: Db, { actor, id, organisationIds }: { actor: Actor; id: string; organisationIds: string[] }) {
  const user = requireEmulationStaff(actor);
  const members = [...new Set(organisationIds)];
  return db.transaction(async (tx) => {
    const block = await findBlockInReach(tx, user, id);
    const pact = await pactOf(tx, user.tenantId, id);
    if (pact?.state === 'closed') throw new AppError('conflict', 'Không thể đổi thành viên: giao ước của khối đã tổng kết.', { field: 'organisationIds' });
    await checkOrganisations(tx, user.tenantId, members);
    const current = await blockMembers(tx, user.tenantId, id);
    const removed = current.filter((m) => !members.includes(m.id));
    for (const m of removed) {
      if (m.id === block.headOrganisationId) throw new AppError('bad_request', `Thành viên: "${m.name}" đang là trưởng khối; chọn trưởng khối khác trước.`, { field: 'organisationIds' });
      if (m.id === block.deputyOrganisationId) throw new AppError('bad_request', `Thành viên: "${m.name}" đang là phó khối; chọn phó khối khác trước.`, { field: 'organisationIds' });
    }
    if (pact && removed.length > 0) {
      const [reported] = await tx
        .select({ id: emulationResults.organisationId })
        .from(emulationResults)
        .where(and(eq(emulationResults.tenantId, user.tenantId), eq(emulationResults.pactId, pact.id), inArray(emulationResults.organisationId, removed.map((m) => m.id))))
        .limit(1);
      if (reported) throw new AppError('conflict', `Thành viên: "${removed.find((m) => m.id === reported.id)!.name}" đã báo cáo kết quả, không thể bỏ khỏi khối.`, { field: 'organisationIds' });
    }
    const added = members.filter((m) => !current.some((c) => c.id === m));
    if (removed.length > 0) {
      await tx.delete(emulationBlockMembers).where(and(eq(emulationBlockMembers.tenantId, user.tenantId), eq(emulationBlockMembers.blockId, id), inArray(emulationBlockMembers.organisationId, removed.map((m) => m.id))));
    }
    if (added.length > 0) await tx.insert(emulationBlockMembers).values(added.map((organisationId) => ({ tenantId: user.tenantId, blockId: id, organisationId })));
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'emulation.block_members_set', entityType: 'emulation_block', entityId: id, before: { organisationIds: current.map((m) => m.id) }, after: { organisationIds: members } });
    return getBlock(tx, { actor, id });
  });
}
