/** The server-rendered documents library and events calendar (/van-ban, /su-kien and their pages). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { insertDocument, insertEvent } from './public-pages.test-support.ts';

let t: TestApp;
const get = (url: string) => t.request({ method: 'GET', url });
const one = (html: string, re: RegExp) => re.exec(html)?.[1];
const listed = (html: string) => [...html.matchAll(/<h[23]><a href="\/(?:van-ban|su-kien)\/([^"]+)">/g)].map((m) => m[1]);
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await insertDocument(db, { slug: 'ke-hoach-641', numberSymbol: '641/KH-UBND', title: 'Kế hoạch phát triển kinh tế tập thể giai đoạn 2023-2025', issuedOn: '2022-12-28', effectiveOn: '2023-01-01', summary: 'Triển khai Luật Hợp tác xã.' });
  await insertDocument(db, { slug: 'nghi-dinh-45', numberSymbol: '45/2021/NĐ-CP', kind: 'decree', title: 'Nghị định về quỹ hỗ trợ phát triển hợp tác xã', issuer: 'Chính phủ', issuedOn: '2021-03-31' });
  await insertDocument(db, { slug: 'cong-van-an', numberSymbol: '9/CV-LMHTX', kind: 'official_letter', title: 'Công văn chưa công bố', published: false });
  await insertEvent(db, { slug: 'hoi-cho-ocop', title: 'Hội chợ OCOP', kind: 'trade_fair', startsOn: isoDay(10), endsOn: isoDay(12), place: 'Nhà văn hóa tỉnh', summary: 'Trưng bày sản phẩm OCOP.' });
  await insertEvent(db, { slug: 'tap-huan-truc-tuyen', title: 'Tập huấn trực tuyến', kind: 'training', startsOn: isoDay(3), online: true });
  await insertEvent(db, { slug: 'hoi-nghi-nam-ngoai', title: 'Hội nghị năm ngoái', startsOn: isoDay(-300) });
  await insertEvent(db, { slug: 'su-kien-nhap', title: 'Sự kiện nháp', startsOn: isoDay(5), published: false });
});
afterAll(async () => t?.close());

describe('documents', () => {
  it('lists the published documents, newest first, with filters by kind and year', async () => {
    const res = await get('/van-ban');
    expect(res.statusCode).toBe(200);
    expect(one(res.body, /<h1>(.*?)<\/h1>/)).toBe('Văn bản');
    expect(listed(res.body)).toEqual(['ke-hoach-641', 'nghi-dinh-45']);
    expect(res.body).toContain('<option value="decree">Nghị định (1)</option>');
    expect(res.body).toContain('<option value="2022">2022 (1)</option>');
    expect(listed((await get('/van-ban?loai=decree')).body)).toEqual(['nghi-dinh-45']);
    expect(listed((await get('/van-ban?nam=2022')).body)).toEqual(['ke-hoach-641']);
    expect((await get('/van-ban?loai=khong-co')).statusCode).toBe(404);
    expect((await get('/van-ban?nam=abc')).statusCode).toBe(404);
  });

  it('finds a document by its number however it is typed, and by words without accents', async () => {
    for (const q of ['641/KH-UBND', '641 kh ubnd', '641', 'phat trien kinh te tap the']) {
      const res = await get(`/van-ban?q=${encodeURIComponent(q)}`);
      expect(listed(res.body), q).toEqual(['ke-hoach-641']);
      expect(res.body).toContain('Tìm thấy 1 văn bản.');
    }
    expect(listed((await get('/van-ban?q=chua+cong+bo')).body)).toEqual([]);
  });

  it('shows one document with its number, kind, issuer and dates; an unpublished one is not found', async () => {
    const res = await get('/van-ban/ke-hoach-641');
    expect(res.statusCode).toBe(200);
    expect(one(res.body, /<h1>(.*?)<\/h1>/)).toBe('Kế hoạch số 641/KH-UBND: Kế hoạch phát triển kinh tế tập thể giai đoạn 2023-2025');
    expect(one(res.body, /<link rel="canonical" href="([^"]*)"/)).toBe('http://localhost:80/van-ban/ke-hoach-641');
    expect(res.body).toContain('<dt>Cơ quan ban hành</dt><dd>UBND tỉnh Bắc Ninh</dd>');
    expect(res.body).toContain('<time dateTime="2022-12-28">28/12/2022</time>');
    expect(res.body).toContain('<time dateTime="2023-01-01">01/01/2023</time>');
    expect((await get('/van-ban/cong-van-an')).statusCode).toBe(404);
  });
});

describe('events', () => {
  it('lists events to come, soonest first, then past ones; not unpublished ones', async () => {
    const res = await get('/su-kien');
    expect(res.statusCode).toBe(200);
    expect(listed(res.body)).toEqual(['tap-huan-truc-tuyen', 'hoi-cho-ocop', 'hoi-nghi-nam-ngoai']);
    expect(res.body.indexOf('Sắp diễn ra')).toBeLessThan(res.body.indexOf('Đã diễn ra'));
    expect(res.body.indexOf('Đã diễn ra')).toBeLessThan(res.body.indexOf('hoi-nghi-nam-ngoai'));
    expect(res.body).not.toContain('Sự kiện nháp');
    expect((await get('/su-kien?x=1')).statusCode).toBe(404);
  });

  it('shows one event with its dates, place and Event structured data', async () => {
    const res = await get('/su-kien/hoi-cho-ocop');
    expect(res.statusCode).toBe(200);
    expect(one(res.body, /<h1>(.*?)<\/h1>/)).toBe('Hội chợ OCOP');
    expect(res.body).toContain('<dt>Địa điểm</dt><dd>Nhà văn hóa tỉnh</dd>');
    const ld = JSON.parse(one(res.body, /<script type="application\/ld\+json">(.*?)<\/script>/s)!);
    expect(ld).toMatchObject({ '@type': 'Event', name: 'Hội chợ OCOP', startDate: isoDay(10), endDate: isoDay(12), location: { '@type': 'Place', name: 'Nhà văn hóa tỉnh' } });
    expect((await get('/su-kien/su-kien-nhap')).statusCode).toBe(404);
  });
});
