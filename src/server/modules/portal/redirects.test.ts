/** normaliseOldPath (the one form of an old address), and findRedirect/saveRedirect on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, OTHER_TENANT, TENANT } from '../../../test/harness.ts';
import { findRedirect, normaliseOldPath, saveRedirect } from './redirects.service.ts';
import { readPortalVersion } from './portal-version.ts';

describe('normaliseOldPath', () => {
  it.each([
    ['/node/123', '/node/123'],
    ['/node/123/', '/node/123'],
    ['node/123', '/node/123'],
    ['//node//123//', '/node/123'],
    ['/tin-tuc/hoi-nghi?page=2#top', '/tin-tuc/hoi-nghi'],
    ['https://lienminhhtx.bacninh.gov.vn/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B/', '/tin-tuc/hội-nghị'],
    ['/tin-tuc/ho\u0323\u0302i-nghi\u0323', '/tin-tuc/hội-nghị'], // NFD typed → NFC
    ['/', '/'],
    ['', '/'],
    ['/50%-giam-gia', '/50%-giam-gia'], // a broken escape stays as typed
    ['  /Van-Ban/641  ', '/Van-Ban/641'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseOldPath(raw)).toBe(expected);
  });
});

describe('saved redirects', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  }, 60_000);
  afterAll(() => database.drop());

  it('stores the normalised old path, finds it however it is written, repoints it, and bumps the version', async () => {
    const { db } = database;
    const before = await readPortalVersion(db, TENANT);
    await db.transaction((tx) => saveRedirect(tx, { tenantId: TENANT, oldPath: 'https://old.site/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B/', targetPath: '/tin-tuc/hoi-nghi-2023', source: 'drupal' }));
    expect(await readPortalVersion(db, TENANT)).toBe(before + 1);
    expect(await findRedirect({ db, tenantId: TENANT, path: '/tin-tuc/hội-nghị' })).toBe('/tin-tuc/hoi-nghi-2023');
    expect(await findRedirect({ db, tenantId: TENANT, path: '/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B?x=1' })).toBe('/tin-tuc/hoi-nghi-2023');
    expect(await findRedirect({ db, tenantId: OTHER_TENANT, path: '/tin-tuc/hội-nghị' })).toBeNull();
    await db.transaction((tx) => saveRedirect(tx, { tenantId: TENANT, oldPath: '/tin-tuc/hội-nghị', targetPath: '/tin-tuc/moi' }));
    expect(await findRedirect({ db, tenantId: TENANT, path: '/tin-tuc/hội-nghị/' })).toBe('/tin-tuc/moi');
    await expect(db.transaction((tx) => saveRedirect(tx, { tenantId: TENANT, oldPath: '/', targetPath: '/tin-tuc' }))).rejects.toThrow('Không thể chuyển hướng trang chủ.');
    await expect(db.transaction((tx) => saveRedirect(tx, { tenantId: TENANT, oldPath: '/a', targetPath: 'javascript:alert(1)' }))).rejects.toThrow('Đường dẫn mới phải bắt đầu');
    await expect(db.transaction((tx) => saveRedirect(tx, { tenantId: TENANT, oldPath: '/a/', targetPath: '/a' }))).rejects.toThrow('trùng');
  });
});
