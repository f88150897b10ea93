// The scoreboard of a pact (decision 010): computed from the results and the rules at every request, never stored.
// Staff read it once the pact is signed; a member once it is published, with the scores of every member but the
// results (values) of its own organisations only.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { blockMembers, findBlockInReach } from './emulation-blocks.service.ts';
import { findPactInReach, pactCriteria, PACT_STATE_WORDS, plainDecimal } from './emulation-pacts.service.ts';
import { formatHundredths, scoreboardOf, TIE_BREAK_TEXT } from './emulation-scoring.ts';
import { isEmulationStaff, reportableOrganisations, requireEmulationReader } from './emulation.policy.ts';
import { emulationResults } from './emulation.sql.ts';

export const NOT_REPORTED = 'chưa báo cáo';

export type Scoreboard = Awaited<ReturnType<typeof getScoreboard>>;

/** The ranked scoreboard of a pact, as JSON (scores with 2 decimals as text, "12.50"). */
export async function getScoreboard(db: Db, { actor, pactId }: { actor: Actor; pactId: string }) {
  const user = requireEmulationReader(actor);
  const pact = await findPactInReach(db, user, pactId);
  const staff = isEmulationStaff(user);
  if (pact.state === 'draft') throw new AppError('conflict', 'Chưa có bảng điểm: giao ước chưa ký.', { state: pact.state });
  if (!staff && !pact.scoreboardPublishedAt) throw new AppError('forbidden', 'Bảng điểm chưa được công bố.');
  const block = await findBlockInReach(db, user, pact.blockId);
  const members = await blockMembers(db, user.tenantId, block.id);
  const criteria = await pactCriteria(db, user.tenantId, pactId);
  const results = await db.select().from(emulationResults).where(and(eq(emulationResults.tenantId, user.tenantId), eq(emulationResults.pactId, pactId)));
  const valueOf = (orgId: string, criterionId: string) => {
    const r = results.find((x) => x.organisationId === orgId && x.criterionId === criterionId);
    return r ? plainDecimal(r.value) : null;
  };
  const ranked = scoreboardOf(
    criteria,
    members.map((m) => ({ organisationId: m.id, name: m.name, values: criteria.map((c) => valueOf(m.id, c.id)) })),
  );
  const visible = new Set(reportableOrganisations(user, members.map((m) => m.id)));
  const nameOf = (id: string | null) => members.find((m) => m.id === id)?.name ?? null;
  return {
    pact: { id: pact.id, title: pact.title, year: pact.year, state: pact.state, stateText: PACT_STATE_WORDS[pact.state], signedOn: pact.signedOn, scoreboardPublishedAt: pact.scoreboardPublishedAt?.toISOString() ?? null },
    block: { id: block.id, name: block.name, headName: nameOf(block.headOrganisationId), deputyName: nameOf(block.deputyOrganisationId) },
    criteria: criteria.map((c) => ({ id: c.id, position: c.position, name: c.name, unit: c.unit, target: c.target, points: c.points, maxPoints: c.maxPoints, ruleText: c.ruleText })),
    maxTotal: criteria.reduce((a, c) => a + c.maxPoints, 0),
    rows: ranked.map((m) => ({
      rank: m.rank,
      organisationId: m.organisationId,
      name: m.name,
      own: !staff && visible.has(m.organisationId),
      total: formatHundredths(m.total),
      cells: m.scores.map((s, i) => ({
        score: s === null ? null : formatHundredths(s),
        // Another member's results are its own business: a member sees only its scores.
        value: visible.has(m.organisationId) ? valueOf(m.organisationId, criteria[i]!.id) : undefined,
      })),
    })),
    tieBreakText: TIE_BREAK_TEXT[pact.tieBreak] ?? TIE_BREAK_TEXT.criteria_order!,
    notReportedText: `Đơn vị chưa báo cáo một tiêu chí được 0 điểm ở tiêu chí đó (ghi "${NOT_REPORTED}").`,
    can: { publish: staff && pact.scoreboardPublishedAt === null },
  };
}

/** "12.50" → "12,50" (Vietnamese decimal comma), for the documents. */
export const viDecimal = (s: string | null | undefined) => (s === null || s === undefined ? '' : s.replace('.', ','));
