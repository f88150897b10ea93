/**
 * The portal library over HTTP, in process: uploads bounded and checked by content (a renamed .html, too large),
 * the public /media and /tep addresses with their caching, documents found by number and by words, events,
 * redirects; audit events written.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { findAuditEvents } from '../audit/audit.service.ts';
import { phonePhoto } from './images.test-support.ts';
import { multipartForm, PDF_BYTES } from './library.authorization-rows.ts';
import { readPortalVersion } from './portal-version.ts';
import { redirectAuditId } from './redirects.service.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
}, 60_000);
afterAll(() => t.close());

describe('images', () => {
  it('uploads a photo with its alt text, lists it for the picker and serves its sizes for a year', async () => {
    const bytes = await phonePhoto(1300, 650);
    const res = await t.request({ method: 'POST', url: '/api/portal/images', cookie: staff, ...multipartForm('hội nghị.jpg', bytes, { alt: 'Toàn cảnh hội nghị', caption: 'Hội nghị tổng kết 2025' }, 'image/jpeg') });
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({ alt: 'Toàn cảnh hội nghị', caption: 'Hội nghị tổng kết 2025', width: 1300, height: 650, widths: [400, 800, 1200], src: `/media/${image.id}/400.webp` });
    const again = await t.request({ method: 'POST', url: '/api/portal/images', cookie: staff, ...multipartForm('ban-sao.jpg', bytes, { alt: 'Bản sao' }) });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: image.id, alreadyStored: true });

    const list = await t.request({ url: '/api/portal/images?pageSize=5', cookie: staff });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: image.id, src: `/media/${image.id}/400.webp`, alt: 'Toàn cảnh hội nghị' }] });

    const media = await t.request({ url: `/media/${image.id}/800.jpeg` });
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('image/jpeg');
    expect(media.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await sharp(media.rawPayload).metadata()).width).toBe(800);
    const etag = media.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await t.request({ url: `/media/${image.id}/800.jpeg`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await t.request({ url: `/media/${image.id}/400.webp` })).headers['content-type']).toBe('image/webp');
    for (const bad of [`/media/${image.id}/1600.webp`, `/media/${image.id}/800.png`, `/media/${image.id}/original.jpg`, '/media/not-an-id/400.webp', `/media/${image.id.slice(0, -1)}${image.id.endsWith('0') ? '1' : '0'}/400.webp`]) {
      expect((await t.request({ url: bad })).statusCode, bad).toBe(404);
    }
    expect(await findAuditEvents(t.database.db, TENANT, 'portal_image', image.id)).toHaveLength(1);
  });

  it('requires the alt text, and changes it later (the portal version moves)', async () => {
    const bytes = await phonePhoto(500, 500, { colour: '#123456' });
    const missing = await t.request({ method: 'POST', url: '/api/portal/images', cookie: staff, ...multipartForm('a.jpg', bytes, { caption: 'x' }) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'alt', message: 'Nhập mô tả ảnh cho người không xem được ảnh.' });
    const created = (await t.request({ method: 'POST', url: '/api/portal/images', cookie: staff, ...multipartForm('a.jpg', bytes, { alt: 'Ảnh vuông' }) })).json();
    const before = await readPortalVersion(t.database.db, TENANT);
    const patched = await t.request({ method: 'PATCH', url: `/api/portal/images/${created.id}`, cookie: staff, payload: { alt: 'Ảnh vuông màu xanh', caption: '' } });
    expect(patched.json()).toMatchObject({ alt: 'Ảnh vuông màu xanh', caption: null });
    expect(await readPortalVersion(t.database.db, TENANT)).toBe(before + 1);
    const empty = await t.request({ method: 'PATCH', url: `/api/portal/images/${created.id}`, cookie: staff, payload: { alt: ' ' } });
    expect(empty.statusCode).toBe(400);
  });

  it('refuses a renamed .html file and a file over 15 MB, in Vietnamese, naming the file', async () => {
    const html = await t.request({ method: 'POST', url: '/api/portal/images', cookie: staff, ...multipartForm('anh-dep.jpg', Buffer.from('<!doctype html><script>alert(1)</script>'), { alt: 'x' }, 'image/jpeg') });
    expect(html.statusCode).toBe(415);
    expect(html.json().message).toBe('Tệp "anh-dep.jpg" không phải ảnh JPEG, PNG hoặc WebP.');
    const big = await t.request({ method: 'POST', url: '/api/portal/images', cookie: staff, ...multipartForm('lon.jpg', Buffer.alloc(15 * 1024 * 1024 + 10, 0xff), { alt: 'x' }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toBe('Tệp "lon.jpg" lớn hơn 15 MB.');
  });
});

describe('files', () => {
  it('stores a PDF and serves it under its Vietnamese name; refuses a renamed .html and an image', async () => {
    const res = await t.request({ method: 'POST', url: '/api/portal/files', cookie: staff, ...multipartForm('Kế hoạch 641.pdf', PDF_BYTES, {}, 'application/pdf') });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file.url).toBe(`/tep/${file.id}/${encodeURIComponent('Kế hoạch 641.pdf')}`);
    const served = await t.request({ url: file.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(`attachment; filename="Ke hoach 641.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch 641.pdf')}`);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.rawPayload.equals(PDF_BYTES)).toBe(true);
    const otherId = file.id.replace(/.$/, (last: string) => (last === '0' ? '1' : '0')); // never the same id
    expect((await t.request({ url: `/tep/${otherId}/x.pdf` })).statusCode).toBe(404);

    const html = await t.request({ method: 'POST', url: '/api/portal/files', cookie: staff, ...multipartForm('bao-cao.pdf', Buffer.from('<html><body>x</body></html>'), {}, 'application/pdf') });
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ field: 'file', message: 'Nội dung tệp "bao-cao.pdf" không phải là tệp .pdf thật.' });
    const page = await t.request({ method: 'POST', url: '/api/portal/files', cookie: staff, ...multipartForm('trang.html', Buffer.from('<html></html>')) });
    expect(page.json().message).toBe('Chỉ nhận tệp pdf, docx, xlsx; tệp "trang.html" không thuộc các loại này.');
  });
});

describe('documents, events and redirects', () => {
  it('adds a document with its file and finds it by number and by words without accents', async () => {
    const file = (await t.request({ method: 'POST', url: '/api/portal/files', cookie: staff, ...multipartForm('641-KH-UBND.pdf', Buffer.concat([PDF_BYTES, Buffer.from('%641')])) })).json();
    const created = await t.request({ method: 'POST', url: '/api/portal/documents', cookie: staff, payload: { numberSymbol: '641/KH-UBND', kind: 'plan', title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã', issuer: 'UBND tỉnh Bắc Giang', issuedOn: '2022-12-28', fileId: file.id } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kindLabel: 'Kế hoạch', published: true, file: { fileName: '641-KH-UBND.pdf', url: file.url } });
    for (const q of ['641/kh-ubnd', '641 KH UBND', 'kinh te tap the']) {
      const found = await t.request({ url: `/api/portal/documents?q=${encodeURIComponent(q)}`, cookie: staff });
      expect(found.json().items.map((d: { numberSymbol: string }) => d.numberSymbol), q).toEqual(['641/KH-UBND']);
    }
    const bad = await t.request({ method: 'POST', url: '/api/portal/documents', cookie: staff, payload: { numberSymbol: '', kind: 'plan', title: 'X', issuer: 'Y', issuedOn: '2022-02-30' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/Số, ký hiệu|Ngày ban hành/);
  });

  it('adds, changes and removes an event', async () => {
    const created = await t.request({ method: 'POST', url: '/api/portal/events', cookie: staff, payload: { title: 'Hội chợ OCOP', kind: 'trade_fair', startsOn: '2026-09-10', endsOn: '2026-09-14', place: 'Nhà văn hoá tỉnh', published: true } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const patched = await t.request({ method: 'PATCH', url: `/api/portal/events/${id}`, cookie: staff, payload: { endsOn: '2026-09-01' } });
    expect(patched.statusCode).toBe(400);
    expect(patched.json()).toMatchObject({ field: 'endsOn', message: 'Ngày kết thúc không được trước ngày bắt đầu.' });
    expect((await t.request({ method: 'DELETE', url: `/api/portal/events/${id}`, cookie: staff })).statusCode).toBe(204);
    expect((await t.request({ url: `/api/portal/events/${id}`, cookie: staff })).statusCode).toBe(404);
  });

  it('adds, lists and removes a redirect by hand', async () => {
    const added = await t.request({ method: 'POST', url: '/api/portal/redirects', cookie: staff, payload: { oldPath: 'https://old.site/node/12/', targetPath: '/tin-tuc/hoi-nghi' } });
    expect(added.json()).toMatchObject({ oldPath: '/node/12', targetPath: '/tin-tuc/hoi-nghi', source: 'manual' });
    expect((await t.request({ url: '/api/portal/redirects?q=node', cookie: staff })).json()).toMatchObject({ total: 1, items: [{ oldPath: '/node/12' }] });
    expect((await t.request({ method: 'DELETE', url: '/api/portal/redirects', cookie: staff, payload: { oldPath: '/node/12' } })).statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: '/api/portal/redirects', cookie: staff, payload: { oldPath: '/node/12' } })).statusCode).toBe(404);
    const audit = await findAuditEvents(t.database.db, TENANT, 'portal_redirect', redirectAuditId('/node/12'));
    expect(audit.map((a) => a.action)).toEqual(['portal_redirect.deleted', 'portal_redirect.saved']);
  });
});
