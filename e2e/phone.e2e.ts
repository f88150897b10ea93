/**
 * Journey 3: on a 360×740 phone. Registry staff browse the registry as cards and open a record without
 * sideways scrolling; the menu is a drawer; English is a toggle that lasts. A cooperative's manager edits
 * only the annual-update fields, and a stale edit shows the server's Vietnamese message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { findOrganisations } from '../src/server/modules/cooperatives/cooperatives.search.ts';
import { getOrganisation, updateOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { SearchQuery } from '../src/shared/organisation.ts';
import { createAccount, horizontalOverflow, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';
import { seedOrganisations } from './support/seed.ts';

const PHONE = { width: 360, height: 740 };

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  await seedOrganisations(journey, 25, (i) => (i === 3 ? { name: 'Hợp tác xã Dịch vụ Nông nghiệp và Thương mại Tổng hợp Xuân Hương Lạng Giang', address: 'Thôn Đông Lầu Thượng, Xã Xuân Hương, huyện Lạng Giang, tỉnh Bắc Giang' } : {}));
});
afterAll(async () => {
  await journey?.close();
});

async function organisationId(name: string): Promise<{ id: string; registrationNumber: string }> {
  const found = await findOrganisations(journey.database.db, { actor: systemActor(TENANT_ID), query: SearchQuery.parse({ q: name }) });
  const item = found.items.find((i) => i.name === name)!;
  return { id: item.id, registrationNumber: item.registrationNumber! };
}

describe('on a phone', () => {
  it('lists the registry as cards and shows a record without sideways scrolling', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await journey.newPage(PHONE);
    await logIn(page, journey.baseUrl, staff);

    await page.getByTestId('organisation-card').first().waitFor();
    expect(await page.getByTestId('registry-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-registry-list');

    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-founded-year').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-registry-filters');

    const long = 'Hợp tác xã Dịch vụ Nông nghiệp và Thương mại Tổng hợp Xuân Hương Lạng Giang';
    await page.getByTestId('registry-search').locator('input').fill('xuan huong');
    await page.getByTestId('registry-search').locator('input').press('Enter');
    await page.getByTestId('organisation-card').filter({ hasText: long }).click();
    await expect.poll(() => page.getByTestId('organisation-name').innerText()).toBe(long);
    expect(await page.getByTestId('field-charterCapitalVnd').innerText()).toMatch(/^\d{1,3}(\.\d{3})* đ$/);
    expect(await page.getByTestId('field-foundedOn').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-organisation-detail', true);

    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.getByTestId('audit-trail').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);

    // Menu in a drawer; English by the toggle, kept after a reload.
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).waitFor();
    await page.waitForTimeout(500); // the drawer slides in
    await screenshot(page, 'phone-menu');
    await page.keyboard.press('Escape');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('tab', { name: 'Thông tin' }).waitFor();

    // The record as the registry held it before it existed: a message and a way back to today.
    await page.goto(`${page.url().split('?')[0]}?asOf=2000-01-01`);
    await page.getByText('Tổ chức chưa có trong sổ đăng ký vào ngày 01/01/2000').waitFor();
    await page.getByRole('button', { name: 'Xem hiện tại' }).click();
    await page.getByTestId('organisation-name').waitFor();

    // Log out: back to the public home.
    await page.getByTestId('user-menu').click();
    await page.getByText('Đăng xuất').click();
    await page.getByTestId('headline-figures').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    expect(problems).toEqual([]);
  });

  it('lets a cooperative manager edit only the annual-update fields of their own record', async () => {
    const own = await organisationId('Hợp tác xã Dịch vụ Nông nghiệp và Thương mại Tổng hợp Xuân Hương Lạng Giang');
    const manager = await createAccount(journey, 'coop_manager', { organisationRegistrationNumber: own.registrationNumber });
    const { page, problems } = await journey.newPage(PHONE);
    await logIn(page, journey.baseUrl, manager);
    // A manager lands on their own home (/member); the registry holds one organisation: their own.
    expect(new URL(page.url()).pathname).toBe('/member');
    await page.goto(`${journey.baseUrl}/registry`);
    await expect.poll(() => page.getByTestId('organisation-card').count()).toBe(1);
    await page.getByTestId('organisation-card').click();
    await page.getByTestId('edit-button').click();
    await page.locator('#workers').waitFor();
    expect(await page.locator('#name').count()).toBe(0);
    expect(await page.locator('#status').count()).toBe(0);
    expect(await page.locator('#charterCapitalVnd').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'phone-manager-edit', true);

    await page.locator('#membersOfficial').fill('42');
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('field-membersOfficial').innerText()).toBe('42');
    expect(await page.getByRole('tab', { name: 'Nhật ký' }).count()).toBe(0); // the server says: no audit for managers
    expect(problems).toEqual([]);
  });

  it('shows the server’s message when someone else saved first', async () => {
    const { id } = await organisationId('Hợp tác xã Dịch vụ Nông nghiệp và Thương mại Tổng hợp Xuân Hương Lạng Giang');
    const staff = await createAccount(journey, 'alliance_admin');
    const { page, problems } = await journey.newPage(PHONE);
    await logIn(page, journey.baseUrl, staff);
    await page.goto(`${journey.baseUrl}/registry/${id}/edit`);
    await page.locator('#workers').waitFor();

    // Someone else saves first.
    const { org } = await getOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), id });
    await updateOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), id, patch: { version: org.version, phone: '0987654321' } });

    await page.locator('#workers').fill('99');
    await page.getByTestId('save-button').click();
    const refusal = page.getByTestId('server-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Hồ sơ đã được người khác sửa');
    expect(await refusal.isVisible()).toBe(true);
    const box = (await refusal.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height); // in sight, beside the save button
    await screenshot(page, 'phone-stale-edit');
    expect(problems).toEqual([]);
  });
});
