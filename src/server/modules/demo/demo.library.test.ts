/** The demo library: the sector's documents findable by number and words, four events, once only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { findPublishedEvents } from '../portal/events.service.ts';
import { findPublishedDocuments } from '../portal/legal-documents.service.ts';
import { DEMO_DOCUMENTS, generateDemoLibrary } from './demo.library.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database.drop());

describe('the demo library', () => {
  it('adds the documents and events once, found as a reader types them', async () => {
    expect(await generateDemoLibrary(database.db, { tenantId: TENANT })).toEqual({ documents: DEMO_DOCUMENTS.length, events: 4 });
    expect(await generateDemoLibrary(database.db, { tenantId: TENANT })).toEqual({ documents: 0, events: 0 });
    const find = async (q: string) => (await findPublishedDocuments({ db: database.db, tenantId: TENANT, q, limit: 10, offset: 0 })).items.map((d) => d.numberSymbol);
    expect(await find('641/kh-ubnd')).toEqual(['641/KH-UBND']);
    expect(await find('luat hop tac xa')).toContain('17/2023/QH15');
    expect(await find('113/2024')).toEqual(['113/2024/NĐ-CP']);
    const events = await findPublishedEvents({ db: database.db, tenantId: TENANT, from: '2026-06-01', limit: 10 });
    expect(events.map((e) => e.kind)).toEqual(['trade_fair', 'study_visit', 'conference', 'training']);
  });
});
