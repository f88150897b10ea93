/** The events calendar on a real database: coming first then past, published only, dates and place checked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createEvent, deleteEvent, findPublishedEvents, getPublishedEventBySlug, listEvents, updateEvent } from './events.service.ts';
import { readPortalVersion } from './portal-version.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const actor = systemActor(TENANT);

beforeAll(async () => {
  database = await openTestDatabase();
  const add = (title: string, startsOn: string, endsOn: string, published = true, kind: 'conference' | 'training' | 'trade_fair' | 'study_visit' = 'conference') =>
    createEvent(database.db, { actor, input: { title, kind, startsOn, endsOn, place: 'Hội trường Liên minh', published } });
  await add('Hội nghị tổng kết năm 2025', '2025-12-20', '2025-12-20');
  await add('Tập huấn Luật Hợp tác xã 2023', '2026-03-10', '2026-03-12', true, 'training');
  await add('Hội chợ nông sản', '2026-02-01', '2026-02-05', true, 'trade_fair');
  await add('Tham quan mô hình HTX', '2025-10-01', '2025-10-03', true, 'study_visit');
  await add('Bản nháp chưa công khai', '2026-02-02', '2026-02-02', false);
}, 60_000);
afterAll(() => database.drop());

describe('the events calendar', () => {
  it('lists those coming first (soonest first), then the past (latest first), published only', async () => {
    const list = await findPublishedEvents({ db: database.db, tenantId: TENANT, from: '2026-02-03', limit: 10 });
    expect(list.map((e) => [e.title, e.upcoming])).toEqual([
      ['Hội chợ nông sản', true], // still on: ends 5 February
      ['Tập huấn Luật Hợp tác xã 2023', true],
      ['Hội nghị tổng kết năm 2025', false],
      ['Tham quan mô hình HTX', false],
    ]);
    expect((await findPublishedEvents({ db: database.db, tenantId: TENANT, from: '2026-02-03', limit: 2 })).length).toBe(2);
  });

  it('gives a published event by its slug, never a draft', async () => {
    expect(await getPublishedEventBySlug({ db: database.db, tenantId: TENANT, slug: 'tap-huan-luat-hop-tac-xa-2023' })).toMatchObject({ kindLabel: 'Tập huấn, bồi dưỡng', startsOn: '2026-03-10', endsOn: '2026-03-12', url: '/su-kien/tap-huan-luat-hop-tac-xa-2023' });
    expect(await getPublishedEventBySlug({ db: database.db, tenantId: TENANT, slug: 'ban-nhap-chua-cong-khai' })).toBeNull();
  });

  it('finds by title without accents for the staff, drafts included', async () => {
    const found = await listEvents(database.db, { actor, q: 'hoi cho nong san', page: 1, pageSize: 10 });
    expect(found.items.map((e) => e.title)).toEqual(['Hội chợ nông sản']);
    expect((await listEvents(database.db, { actor, q: 'ban nhap', page: 1, pageSize: 10 })).total).toBe(1);
  });

  it('checks dates and place in Vietnamese, defaults the end to the start, and bumps the version for public ones', async () => {
    await expect(createEvent(database.db, { actor, input: { title: 'Sai ngày', kind: 'other', startsOn: '2026-05-02', endsOn: '2026-05-01', place: 'Hà Nội' } })).rejects.toMatchObject({ message: 'Ngày kết thúc không được trước ngày bắt đầu.', details: { field: 'endsOn' } });
    await expect(createEvent(database.db, { actor, input: { title: 'Không địa điểm', kind: 'other', startsOn: '2026-05-02' } })).rejects.toMatchObject({ details: { field: 'place' } });
    const before = await readPortalVersion(database.db, TENANT);
    const online = await createEvent(database.db, { actor, input: { title: 'Hội thảo trực tuyến', kind: 'other', startsOn: '2026-05-02', online: true } });
    expect(online).toMatchObject({ endsOn: '2026-05-02', online: true, published: false });
    expect(await readPortalVersion(database.db, TENANT)).toBe(before); // a draft changes no public page
    await updateEvent(database.db, { actor, id: online.id, input: { published: true } });
    expect(await readPortalVersion(database.db, TENANT)).toBe(before + 1);
    await deleteEvent(database.db, { actor, id: online.id });
    expect(await readPortalVersion(database.db, TENANT)).toBe(before + 2);
  });
});
