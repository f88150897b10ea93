import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { getLoan } from './loan-applications.service.ts';
import { checkDocument } from '../../files/upload-checks.ts';
import { loanPermissions } from './loans.policy.ts';
import { loanDocuments } from './loans.sql.ts';

/** Attaches a file to a loan the actor may read and still add documents to. */
export async function addLoanDocument(db: Db, { actor, id, fileName, content }: { actor: Actor; id: string; fileName: string; content: Buffer }) {
  const { loan } = await getLoan(db, { actor, id });
  if (!loanPermissions(actor, loan).uploadDocument) throw new AppError('forbidden', 'Bạn không thể đính kèm tài liệu vào khoản vay này ở trạng thái hiện tại.');
  const checked = checkDocument(fileName, content);
  if (!checked.ok) throw new AppError('unsupported_media_type', checked.reason, { field: 'file' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(loanDocuments)
      .values({ tenantId: loan.tenantId, loanId: loan.id, fileName: checked.fileName, contentType: checked.contentType, sizeBytes: content.length, content, uploadedBy: actor.kind === 'user' ? actor.email : 'anonymous' })
      .returning({ id: loanDocuments.id, fileName: loanDocuments.fileName, contentType: loanDocuments.contentType, sizeBytes: loanDocuments.sizeBytes, uploadedAt: loanDocuments.uploadedAt });
    await recordAudit(tx, { actor, tenantId: loan.tenantId, action: 'loan.document_added', entityType: 'loan', entityId: loan.id, before: null, after: { documentId: row!.id, fileName: row!.fileName, sizeBytes: row!.sizeBytes } });
    return { ...row!, uploadedAt: row!.uploadedAt.toISOString() };
  });
}

/** One document of a loan the actor may read, with its content. */
export async function getLoanDocument(db: Db, { actor, id, documentId }: { actor: Actor; id: string; documentId: string }) {
  const { loan } = await getLoan(db, { actor, id });
  if (!isUuid(documentId)) throw notFound('tài liệu');
  const [row] = await db
    .select()
    .from(loanDocuments)
    .where(and(eq(loanDocuments.tenantId, loan.tenantId), eq(loanDocuments.loanId, loan.id), eq(loanDocuments.id, documentId)));
  if (!row) throw notFound('tài liệu');
  return row;
}
