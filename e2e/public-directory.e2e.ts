/**
 * Journey 2: an anonymous visitor uses the public directory. It finds organisations by name and shows what
 * anyone may know, never a person's name or a phone number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot, startJourney, type Journey } from './support/journey.ts';
import { seedOrganisations } from './support/seed.ts';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.close();
});

describe('public directory, anonymous visitor', () => {
  it('lists and finds organisations without personal data', async () => {
    const seeded = await seedOrganisations(journey, 12, (i) => (i === 0 ? { name: 'Hợp tác xã Gốm Thổ Hà', representative: 'Nguyễn Thị Đại Diện', phone: '0912345678', email: 'gomthoha@example.vn' } : {}));
    const { page, problems } = await journey.newPage({ width: 360, height: 740 });
    await page.goto(journey.baseUrl);

    await page.getByTestId('directory-entry').first().waitFor();
    expect(await page.getByTestId('directory-entry').count()).toBe(12);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'journey2-directory-360');

    // Nothing personal anywhere on the page or in what the page received.
    const html = await page.content();
    for (const input of seeded) {
      if (input.representative) expect(html).not.toContain(input.representative);
      if (input.phone) expect(html).not.toContain(input.phone);
    }
    expect(html).not.toContain('gomthoha@example.vn');
    const api = await (await page.request.get(`${journey.baseUrl}/api/public/directory`)).json();
    expect(Object.keys(api.items[0]).sort()).toEqual(['currentCommuneCode', 'currentCommuneName', 'id', 'kind', 'name', 'sectorCode', 'status']);

    // Search by name, without accents.
    const search = page.getByTestId('directory-search').locator('input');
    await search.fill('gom tho ha');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(1);
    expect(await page.getByTestId('directory-entry').innerText()).toContain('Hợp tác xã Gốm Thổ Hà');

    // A person's name finds nothing: the directory is not a way to look people up.
    await search.fill('Nguyễn Thị Đại Diện');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('directory-total').innerText()).toContain('0 tổ chức');

    // The registry itself asks for a login.
    await page.goto(`${journey.baseUrl}/registry`);
    await page.waitForURL(/\/login\?next=/);

    expect(problems).toEqual([]);
  });
});
