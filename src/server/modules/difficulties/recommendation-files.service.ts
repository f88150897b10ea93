// The files of recommendations (the signed letter's scan) and of agencies' answers (the agency's letter), kept
// with request-files.ts in the same transaction as their audit event. Staff of the alliance only.
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadAgencyAnswer } from './agency-answers.service.ts';
import { requireDifficultyHandler } from './difficulties.policy.ts';
import { loadRecommendation, recommendationPermissions } from './recommendations.service.ts';
import { readRequestFile, storeRequestFile } from './request-files.ts';

type Upload = { fileName: string; content: Buffer };

/** Attaches the scan of the signed letter to a forwarded recommendation. */
export async function attachRecommendationFile(db: Db, { actor, id, file }: { actor: Actor; id: string; file: Upload }) {
  const user = requireDifficultyHandler(actor);
  return db.transaction(async (tx) => {
    const recommendation = await loadRecommendation(tx, user.tenantId, id, { lock: true });
    if (!recommendationPermissions(actor, recommendation).attach) {
      throw new AppError('conflict', 'Dự thảo chưa có số công văn: gửi kiến nghị trước, rồi đính kèm bản đã ký.', { field: 'file' });
    }
    const stored = await storeRequestFile(tx, { tenantId: user.tenantId, ownerKind: 'recommendation', ownerId: id, ...file, uploadedBy: user.email });
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'recommendation.file_attached', entityType: 'recommendation', entityId: id, before: null, after: { fileId: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes } });
    return stored;
  });
}

/** One file of a recommendation, with its content. */
export async function readRecommendationFile(db: Db, { actor, id, fileId }: { actor: Actor; id: string; fileId: string }) {
  const user = requireDifficultyHandler(actor);
  await loadRecommendation(db, user.tenantId, id);
  return readRequestFile(db, user.tenantId, 'recommendation', id, fileId);
}

/** Attaches the agency's letter (its scan or file) to a recorded answer. */
export async function attachAnswerFile(db: Db, { actor, id, file }: { actor: Actor; id: string; file: Upload }) {
  const user = requireDifficultyHandler(actor);
  return db.transaction(async (tx) => {
    await loadAgencyAnswer(tx, user.tenantId, id);
    const stored = await storeRequestFile(tx, { tenantId: user.tenantId, ownerKind: 'answer', ownerId: id, ...file, uploadedBy: user.email });
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'agency_answer.file_attached', entityType: 'agency_answer', entityId: id, before: null, after: { fileId: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes } });
    return stored;
  });
}

/** One file of an answer, with its content. */
export async function readAnswerFile(db: Db, { actor, id, fileId }: { actor: Actor; id: string; fileId: string }) {
  const user = requireDifficultyHandler(actor);
  await loadAgencyAnswer(db, user.tenantId, id);
  return readRequestFile(db, user.tenantId, 'answer', id, fileId);
}
