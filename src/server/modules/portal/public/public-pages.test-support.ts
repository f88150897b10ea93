/** Rows of the portal written straight into the tables (no service), for the public pages' tests. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../db/client.ts';
import { TENANT } from '../../../../test/harness.ts';
import { searchKey } from '../../../../shared/vietnamese-text.ts';
import { documentNumberKey } from '../legal-documents.service.ts';
import { articleText } from '../sanitize.ts';
import { events, legalDocuments, portalArticles, portalCategories, portalImages, portalImageVariants } from '../portal.sql.ts';

export async function insertCategory(db: Db, values: Partial<typeof portalCategories.$inferInsert> & { slug: string; name: string }) {
  const [row] = await db.insert(portalCategories).values({ tenantId: TENANT, ...values }).returning();
  return row!;
}

/** A published news article unless told otherwise (state, kind, dates). */
export async function insertArticle(db: Db, values: Partial<typeof portalArticles.$inferInsert> & { slug: string; title: string }) {
  const row = { tenantId: TENANT, state: 'published', publishedAt: new Date('2024-03-05T02:00:00Z'), summary: `Tóm tắt: ${values.title}`, bodyHtml: '<p>Nội dung.</p>', ...values };
  const [inserted] = await db
    .insert(portalArticles)
    .values({ searchText: searchKey(`${row.title} ${row.summary} ${articleText(row.bodyHtml)}`), ...row })
    .returning();
  return inserted!;
}

/** An image with its stored sizes (bytes are a stand-in: the pages only name the sizes). */
export async function insertImage(db: Db, { width = 1600, height = 1067, alt = 'Ảnh hội nghị', caption = null as string | null } = {}) {
  const id = randomUUID();
  await db.insert(portalImages).values({ tenantId: TENANT, id, originalName: 'anh.jpg', width, height, alt, caption, sha256: randomUUID() });
  const widths = [400, 800, 1200, 1600].filter((w) => w <= width);
  for (const w of widths) {
    for (const format of ['webp', 'jpeg']) {
      await db.insert(portalImageVariants).values({ tenantId: TENANT, imageId: id, width: w, format, height: Math.round((height * w) / width), sizeBytes: 3, content: Buffer.from([1, 2, 3]) });
    }
  }
  return id;
}

/** A published legal document. */
export async function insertDocument(db: Db, values: Partial<typeof legalDocuments.$inferInsert> & { slug: string; numberSymbol: string; title: string }) {
  const row = { tenantId: TENANT, kind: 'plan', issuer: 'UBND tỉnh Bắc Ninh', issuedOn: '2022-12-28', summary: '', published: true, ...values };
  const [inserted] = await db
    .insert(legalDocuments)
    .values({ ...row, numberKey: documentNumberKey(row.numberSymbol), searchText: searchKey(`${row.numberSymbol} ${row.title} ${row.issuer} ${row.summary}`) })
    .returning();
  return inserted!;
}

/** A published event. */
export async function insertEvent(db: Db, values: Partial<typeof events.$inferInsert> & { slug: string; title: string; startsOn: string }) {
  const [row] = await db.insert(events).values({ tenantId: TENANT, kind: 'conference', endsOn: values.startsOn, published: true, ...values }).returning();
  return row!;
}
