/**
 * Issue 12: the registry lists names in Vietnamese alphabetical order ("Cao Xá" before "Cẩm Lý", "Dĩnh Kế" before
 * "Đại Lâm", "HTX 8" before "HTX 10"), and its columns sort through the server (the order kept in the address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortByVietnamese } from '../src/shared/vietnamese-order.ts';
import { createAccount, horizontalOverflow, logIn, screenshot, startJourney, type Journey } from './support/journey.ts';
import { seedOrganisations } from './support/seed.ts';

const NAMES = [
  'Hợp tác xã Cẩm Lý', 'Hợp tác xã Đại Lâm', 'HTX 10', 'Hợp tác xã Cao Xá', 'Hợp tác xã Dĩnh Kế', 'HTX 8',
  'Hợp tác xã Đan Hội', 'HỢP TÁC XÃ ẤP BẮC', 'Hợp tác xã An Hà', 'Hợp tác xã Anh Sơn', 'Hợp tác xã Ứng Hòa', 'Hợp tác xã Uông Bí',
];
const FOUNDED = (i: number) => `20${String(10 + ((i * 5) % 12)).padStart(2, '0')}-06-01`;

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  await seedOrganisations(journey, NAMES.length, (i) => ({ name: NAMES[i]!, foundedOn: FOUNDED(i) }));
});
afterAll(async () => {
  await journey?.close();
});

describe('registry order', () => {
  it('lists names in Vietnamese order and sorts a column on the server', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await journey.newPage({ width: 1366, height: 900 });
    await logIn(page, journey.baseUrl, staff);
    await expect.poll(() => page.url()).toContain('/registry');
    const table = page.getByTestId('registry-table');
    const names = () => table.locator('tbody tr td:first-child a').allInnerTexts();
    await expect.poll(names).toEqual(sortByVietnamese(NAMES, (n) => n));
    const shown = await names();
    expect(shown.indexOf('Hợp tác xã Cao Xá')).toBeLessThan(shown.indexOf('Hợp tác xã Cẩm Lý'));
    expect(shown.indexOf('Hợp tác xã Dĩnh Kế')).toBeLessThan(shown.indexOf('Hợp tác xã Đại Lâm'));
    expect(shown.indexOf('HTX 8')).toBeLessThan(shown.indexOf('HTX 10'));
    await screenshot(page, 'registry-order-name');

    // Founding date: oldest first, then newest first; the order is in the address (a link keeps it).
    const byFounding = [...NAMES.keys()].sort((a, b) => FOUNDED(a).localeCompare(FOUNDED(b))).map((i) => NAMES[i]!);
    await page.getByRole('columnheader', { name: 'Thành lập' }).click();
    await expect.poll(() => page.url()).toContain('sort=foundedOn');
    await expect.poll(names).toEqual(byFounding);
    await page.getByRole('columnheader', { name: 'Thành lập' }).click();
    await expect.poll(() => page.url()).toContain('sort=-foundedOn');
    await expect.poll(names).toEqual([...byFounding].reverse());
    await page.reload();
    await expect.poll(names).toEqual([...byFounding].reverse());

    // The name column: ascending is the default order (the address drops it), descending the exact reverse.
    await page.getByRole('columnheader', { name: 'Tên tổ chức' }).click();
    await expect.poll(() => page.url()).not.toContain('sort=');
    await expect.poll(names).toEqual(sortByVietnamese(NAMES, (n) => n));
    await page.getByRole('columnheader', { name: 'Tên tổ chức' }).click();
    await expect.poll(() => page.url()).toContain('sort=-name');
    await expect.poll(names).toEqual(sortByVietnamese(NAMES, (n) => n).reverse());
    expect(problems).toEqual([]);
  });

  it('offers the same orders on a phone, where the cards have no column headers', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await journey.newPage({ width: 360, height: 780 });
    await logIn(page, journey.baseUrl, staff);
    await expect.poll(() => page.url()).toContain('/registry');
    const cardNames = () => page.getByTestId('organisation-card').locator('strong').allInnerTexts();
    await expect.poll(cardNames).toEqual(sortByVietnamese(NAMES, (n) => n));
    await page.getByRole('combobox', { name: 'Sắp xếp' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Thành lập gần đây nhất trước' }).click();
    await expect.poll(() => page.url()).toContain('sort=-foundedOn');
    const newestFirst = [...NAMES.keys()].sort((a, b) => FOUNDED(b).localeCompare(FOUNDED(a))).map((i) => NAMES[i]!);
    await expect.poll(cardNames).toEqual(newestFirst);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'registry-order-phone');
    expect(problems).toEqual([]);
  });
});
