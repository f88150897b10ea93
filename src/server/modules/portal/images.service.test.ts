/**
 * storeImage on a real database: checked by content, EXIF/GPS/ICC stripped, turned upright, resized into the
 * decision's widths (never wider than the original), in WebP and JPEG; the same picture twice is stored once.
 */
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, OTHER_TENANT, TENANT } from '../../../test/harness.ts';
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { storeImage, variantWidths } from './images.service.ts';
import { phonePhoto } from './images.test-support.ts';
import { portalImages, portalImageVariants } from './portal.sql.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Database['db'];

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
}, 60_000);
afterAll(() => database.drop());

const variantsOf = (imageId: string) => db.select().from(portalImageVariants).where(and(eq(portalImageVariants.tenantId, TENANT), eq(portalImageVariants.imageId, imageId)));

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('storeImage', () => {
  it('strips EXIF and GPS from every stored size, and keeps the decision widths in WebP and JPEG', async () => {
    const bytes = await phonePhoto(2000, 1000);
    const source = await sharp(bytes).metadata();
    expect(source.exif).toBeDefined(); // the fixture really carries EXIF with GPS
    expect(bytes.includes(Buffer.from('CameraModelX'))).toBe(true);

    const stored = await storeImage({ db, tenantId: TENANT, bytes, originalName: 'hoi-nghi.jpg', alt: 'Hội nghị tổng kết', caption: 'Toàn cảnh hội nghị', sourceUrl: null, uploadedBy: 'staff@test.local' });
    expect(stored).toMatchObject({ width: 2000, height: 1000, alreadyStored: false });
    const variants = await variantsOf(stored.id);
    expect(variants.map((v) => `${v.width}.${v.format}`).sort()).toEqual(['1200.jpeg', '1200.webp', '1600.jpeg', '1600.webp', '400.jpeg', '400.webp', '800.jpeg', '800.webp']);
    for (const v of variants) {
      const meta = await sharp(v.content).metadata();
      expect(meta.format).toBe(v.format);
      expect(meta.width).toBe(v.width);
      expect(meta.height).toBe(v.width / 2);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(v.content.includes(Buffer.from('CameraModelX'))).toBe(false);
      expect(v.content.includes(Buffer.from('SecretOwner'))).toBe(false);
      expect(v.sizeBytes).toBe(v.content.length);
    }
    const [image] = await db.select().from(portalImages).where(eq(portalImages.id, stored.id));
    expect(image).toMatchObject({ alt: 'Hội nghị tổng kết', caption: 'Toàn cảnh hội nghị', originalName: 'hoi-nghi.jpg', uploadedBy: 'staff@test.local' });
  });

  it('turns a picture upright by its orientation tag', async () => {
    const stored = await storeImage({ db, tenantId: TENANT, bytes: await phonePhoto(900, 500, { orientation: 6, colour: '#aa3311' }), originalName: 'doc.jpg' });
    expect(stored).toMatchObject({ width: 500, height: 900 });
    const variants = await variantsOf(stored.id);
    expect(variants.map((v) => v.width)).toEqual([400, 400]);
    for (const v of variants) {
      const meta = await sharp(v.content).metadata();
      expect([meta.width, meta.height]).toEqual([400, 720]);
      expect(meta.orientation).toBeUndefined();
    }
  });

  it('never enlarges a small picture: one size, its own width', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const stored = await storeImage({ db, tenantId: TENANT, bytes: png, originalName: 'logo.png' });
    const variants = await variantsOf(stored.id);
    expect(variants.map((v) => `${v.width}x${v.height}.${v.format}`).sort()).toEqual(['300x200.jpeg', '300x200.webp']);
    expect(variantWidths(1000)).toEqual([400, 800]);
    expect(variantWidths(1600)).toEqual([400, 800, 1200, 1600]);
  });

  it('stores the same picture once per alliance', async () => {
    const bytes = await phonePhoto(640, 480, { colour: '#777700' });
    const first = await storeImage({ db, tenantId: TENANT, bytes, originalName: 'a.jpg', alt: 'Lần đầu' });
    const second = await storeImage({ db, tenantId: TENANT, bytes, originalName: 'b.jpg', alt: 'Lần hai' });
    expect(second).toEqual({ ...first, alreadyStored: true });
    expect(await db.select().from(portalImages).where(and(eq(portalImages.tenantId, TENANT), eq(portalImages.id, first.id)))).toHaveLength(1);
    const other = await storeImage({ db, tenantId: OTHER_TENANT, bytes, originalName: 'a.jpg' });
    expect(other.id).not.toBe(first.id);
  });

  it('refuses by content what is not a JPEG, PNG or WebP, naming the file in Vietnamese', async () => {
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    const asGif = await rejection(storeImage({ db, tenantId: TENANT, bytes: gif, originalName: 'anh.jpg' }));
    expect(asGif.message).toBe('Tệp "anh.jpg" không phải ảnh JPEG, PNG hoặc WebP.');
    const html = await rejection(storeImage({ db, tenantId: TENANT, bytes: Buffer.from('<html><script>alert(1)</script></html>'), originalName: 'trang.png' }));
    expect(html.message).toContain('"trang.png" không phải ảnh');
    const svg = await rejection(storeImage({ db, tenantId: TENANT, bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), originalName: 'x.svg' }));
    expect(svg.code).toBe('unsupported_media_type');
  });

  it('refuses more than 15 MB and more than 40 megapixels', async () => {
    const big = await rejection(storeImage({ db, tenantId: TENANT, bytes: Buffer.alloc(15 * 1024 * 1024 + 1, 1), originalName: 'to.jpg' }));
    expect(big).toMatchObject({ code: 'payload_too_large', message: 'Ảnh "to.jpg" lớn hơn 15 MB.' });
    // 8000 × 5001 of one colour compresses to a few kilobytes yet decodes to 40 million pixels.
    const wide = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    const huge = await rejection(storeImage({ db, tenantId: TENANT, bytes: wide, originalName: 'bom.png' }));
    expect(huge.code).toBe('payload_too_large');
    expect(huge.message).toContain('"bom.png"');
    expect(huge.message).toContain('40 triệu điểm ảnh');
  });
});
