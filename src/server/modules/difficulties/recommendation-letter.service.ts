// The official letter of a recommendation as a .docx: its words from the recommendation, its difficulties and
// the alliance's letter settings; a draft's number and date are left blank to be written in when it is issued.
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../accounts/roles.ts';
import { todayInVietnam } from '../calendar/working-days.ts';
import { getAgency } from './agencies.service.ts';
import { requireDifficultyHandler } from './difficulties.policy.ts';
import { buildLetterDocx } from './letter.docx.ts';
import { letterFileName, type LetterContent } from './letter-text.ts';
import { loadLetterSettings } from './letter-settings.service.ts';
import { categoryLabel } from './public-difficulties.words.ts';
import { difficultiesOf } from './recommendation-difficulties.ts';
import { loadRecommendation } from './recommendations.service.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the letter of a recommendation says (also what the tests read back from the converted file). */
export async function letterContentOf(db: Db, tenantId: number, id: string): Promise<LetterContent> {
  const recommendation = await loadRecommendation(db, tenantId, id);
  const settings = await loadLetterSettings(db, tenantId);
  const agency = recommendation.agencyId ? await getAgency(db, tenantId, recommendation.agencyId) : null;
  const grouped = (await difficultiesOf(db, tenantId, [id])).get(id) ?? [];
  return {
    governingBody: settings.governingBody,
    issuer: settings.issuer,
    symbol: settings.symbol,
    place: settings.place,
    letterNumber: recommendation.letterNumber,
    letterDate: recommendation.letterDate,
    draftYear: Number(todayInVietnam().slice(0, 4)),
    subject: recommendation.subject,
    categoryLabel: categoryLabel(recommendation.category),
    agencyName: agency?.name ?? null,
    allianceName: settings.allianceName,
    opening: recommendation.body,
    items: grouped.map((d) => ({
      organisationName: d.organisation.name,
      communeName: d.organisation.communeName,
      registrationNumber: d.organisation.registrationNumber,
      code: d.code,
      title: d.title,
      description: d.description,
    })),
    dueOn: recommendation.dueOn,
    signerTitle: recommendation.signerTitle ?? settings.signerTitle,
    signerName: recommendation.signerName ?? settings.signerName,
  };
}

/** The .docx of a recommendation's letter and the name to download it under. */
export async function getRecommendationLetter(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<{ fileName: string; content: Buffer }> {
  const { tenantId } = requireDifficultyHandler(actor);
  const content = await letterContentOf(db, tenantId, id);
  return { fileName: letterFileName(content.letterNumber, id), content: await buildLetterDocx(content) };
}
