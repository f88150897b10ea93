// The decision document's content from the register (decision 010): the decision, its recipients and their
// organisations, the alliance's heading and place from the letter settings.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { loadLetterSettings } from '../difficulties/letter-settings.service.ts';
import { buildDecisionDocx, decisionFileName } from './award-decision.docx.ts';
import { getAwardKind } from './award-kinds.service.ts';
import { requireAwardsStaff } from './awards.policy.ts';
import { awardDecisions, awards } from './awards.sql.ts';

/** The decision as a .docx with its file name. */
export async function decisionDocument(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<{ fileName: string; content: Buffer }> {
  const { tenantId } = requireAwardsStaff(actor);
  if (!isUuid(id)) throw notFound('quyết định khen thưởng');
  const [decision] = await db.select().from(awardDecisions).where(and(eq(awardDecisions.tenantId, tenantId), eq(awardDecisions.id, id)));
  if (!decision) throw notFound('quyết định khen thưởng');
  const rows = await db
    .select({ award: awards, organisationName: organisations.name })
    .from(awards)
    .leftJoin(organisations, and(eq(organisations.tenantId, awards.tenantId), eq(organisations.id, awards.organisationId)))
    .where(and(eq(awards.tenantId, tenantId), eq(awards.decisionId, id)))
    .orderBy(asc(awards.recipientKind), asc(awards.recipientName));
  const kind = await getAwardKind(db, decision.awardKindCode);
  const settings = await loadLetterSettings(db, tenantId);
  // The alliance's own decisions carry its governing body; another level's (UBND tỉnh, VCA) stand alone.
  const own = decision.issuer.trim().toLowerCase() === settings.issuer.trim().toLowerCase();
  const content = await buildDecisionDocx({
    issuer: decision.issuer,
    governingBody: own ? settings.governingBody : null,
    place: settings.place,
    number: decision.number,
    decidedOn: decision.decidedOn,
    kindName: kind.name,
    year: decision.year,
    signerName: decision.signerName,
    signerPosition: decision.signerPosition,
    allianceName: settings.allianceName,
    recipients: rows.map(({ award, organisationName }) => ({ ...award, organisationName })),
  });
  return { fileName: decisionFileName(decision.number), content };
}
