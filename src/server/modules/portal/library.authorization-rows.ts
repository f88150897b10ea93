// The portal library's rows of the authorization matrix (src/server/authorization.test.ts): images, files,
// legal documents, events, redirects are the alliance's admin's and staff's (portal editors are staff); another
// alliance's staff act in their own alliance, where these ids are not found. Test code only.
import type { InjectOptions } from 'fastify';
import sharp from 'sharp';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createEvent } from './events.service.ts';
import { storeImage } from './images.service.ts';
import { createDocument } from './legal-documents.service.ts';

export type LibraryFixture = { documentId: string; eventId: string; imageId: string; deleteDocumentIds: string[]; deleteEventIds: string[]; photo: Buffer; ids: string[] };

/** A PDF as small as a PDF can be: what the content check needs (the "%PDF-" signature). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A multipart/form-data body: one file in "file" and text fields. */
export function multipartForm(fileName: string, content: Buffer, fields: Record<string, string> = {}, contentType = 'application/octet-stream'): Pick<InjectOptions, 'headers' | 'payload'> {
  const boundary = `----lib${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([...parts, head, content, tail]) };
}

/** A document and an event to read and change, a photo, and one document and event for each DELETE attempt. */
export async function createLibraryFixture(db: Db): Promise<LibraryFixture> {
  const actor = systemActor(TENANT);
  const doc = (n: number) => createDocument(db, { actor, input: { numberSymbol: `${n}/KH-LMHTX`, kind: 'plan', title: `Kế hoạch kiểm tra quyền ${n}`, issuer: 'Liên minh HTX tỉnh', issuedOn: '2025-01-02' } });
  const event = (n: number) => createEvent(db, { actor, input: { title: `Hội nghị kiểm tra quyền ${n}`, kind: 'conference', startsOn: '2026-01-10', place: 'Hội trường', published: true } });
  const photo = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const documentId = (await doc(1)).id;
  const eventId = (await event(1)).id;
  const imageId = (await storeImage({ db, tenantId: TENANT, bytes: photo, originalName: 'kiem-tra.jpg', alt: 'Ảnh kiểm tra' })).id;
  const deleteDocumentIds: string[] = [];
  const deleteEventIds: string[] = [];
  // Every role's attempt gets its own (an allowed DELETE removes it; the next role must not meet a 404).
  for (let n = 0; n < 12; n += 1) {
    deleteDocumentIds.push((await doc(100 + n)).id);
    deleteEventIds.push((await event(100 + n)).id);
  }
  return { documentId, eventId, imageId, deleteDocumentIds, deleteEventIds, photo, ids: [documentId, eventId, imageId, ...deleteDocumentIds, ...deleteEventIds] };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'portal_editor' | 'other_tenant_staff';
type LibraryRowSpec = { route: string; request: () => InjectOptions; allowed: Who[] };

const STAFF: Who[] = ['alliance_admin', 'alliance_staff', 'portal_editor'];
const ANY_STAFF: Who[] = [...STAFF, 'other_tenant_staff'];

/** Every API route of the portal's library (images, files, documents, events, redirects), with who may pass. */
export function libraryRows(fixture: () => LibraryFixture): LibraryRowSpec[] {
  let deletedDocuments = 0;
  let deletedEvents = 0;
  const document = { numberSymbol: '7/KH-LMHTX', kind: 'plan', title: 'Kế hoạch tập huấn', issuer: 'Liên minh HTX tỉnh', issuedOn: '2025-03-01' };
  const event = { title: 'Tập huấn kiểm tra quyền', kind: 'training', startsOn: '2026-04-01', place: 'Hội trường' };
  return [
    { route: 'GET /api/portal/images', request: () => ({ url: '/api/portal/images' }), allowed: ANY_STAFF },
    { route: 'POST /api/portal/images', request: () => ({ method: 'POST', url: '/api/portal/images', ...multipartForm('anh.jpg', fixture().photo, { alt: 'Ảnh hội nghị' }, 'image/jpeg') }), allowed: ANY_STAFF },
    { route: 'PATCH /api/portal/images/:id', request: () => ({ method: 'PATCH', url: `/api/portal/images/${fixture().imageId}`, payload: { caption: 'Chú thích mới' } }), allowed: STAFF },
    { route: 'POST /api/portal/files', request: () => ({ method: 'POST', url: '/api/portal/files', ...multipartForm('ke-hoach.pdf', PDF_BYTES, {}, 'application/pdf') }), allowed: ANY_STAFF },
    { route: 'GET /api/portal/documents', request: () => ({ url: '/api/portal/documents?q=641%2Fkh-ubnd' }), allowed: ANY_STAFF },
    { route: 'POST /api/portal/documents', request: () => ({ method: 'POST', url: '/api/portal/documents', payload: document }), allowed: ANY_STAFF },
    { route: 'GET /api/portal/documents/:id', request: () => ({ url: `/api/portal/documents/${fixture().documentId}` }), allowed: STAFF },
    { route: 'PATCH /api/portal/documents/:id', request: () => ({ method: 'PATCH', url: `/api/portal/documents/${fixture().documentId}`, payload: { summary: 'Tóm tắt mới' } }), allowed: STAFF },
    { route: 'DELETE /api/portal/documents/:id', request: () => ({ method: 'DELETE', url: `/api/portal/documents/${fixture().deleteDocumentIds[deletedDocuments++ % 12]}` }), allowed: STAFF },
    { route: 'GET /api/portal/events', request: () => ({ url: '/api/portal/events?q=hoi nghi' }), allowed: ANY_STAFF },
    { route: 'POST /api/portal/events', request: () => ({ method: 'POST', url: '/api/portal/events', payload: event }), allowed: ANY_STAFF },
    { route: 'GET /api/portal/events/:id', request: () => ({ url: `/api/portal/events/${fixture().eventId}` }), allowed: STAFF },
    { route: 'PATCH /api/portal/events/:id', request: () => ({ method: 'PATCH', url: `/api/portal/events/${fixture().eventId}`, payload: { organiser: 'Liên minh HTX tỉnh' } }), allowed: STAFF },
    { route: 'DELETE /api/portal/events/:id', request: () => ({ method: 'DELETE', url: `/api/portal/events/${fixture().deleteEventIds[deletedEvents++ % 12]}` }), allowed: STAFF },
    { route: 'GET /api/portal/redirects', request: () => ({ url: '/api/portal/redirects' }), allowed: ANY_STAFF },
    { route: 'POST /api/portal/redirects', request: () => ({ method: 'POST', url: '/api/portal/redirects', payload: { oldPath: '/node/7', targetPath: '/tin-tuc/bai-moi' } }), allowed: ANY_STAFF },
    // The old path is in the body: after the first allowed removal the others get 404 (not a denial).
    { route: 'DELETE /api/portal/redirects', request: () => ({ method: 'DELETE', url: '/api/portal/redirects', payload: { oldPath: '/node/7' } }), allowed: ANY_STAFF },
  ];
}
