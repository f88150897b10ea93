/**
 * The alliance verifies the annual update in the browser: at 1366 px staff see the year's queue, accept an
 * update in a batch, open another beside last year's accepted values and return one field with a reason; the
 * manager corrects it (through the service, as the manager's app would); at 360 px staff accept the corrected
 * update, the registry's history shows the figures it changed, and the compliance page counts it. No console
 * error, no sideways scrolling on the phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { acceptUpdate } from '../src/server/modules/annual-updates/annual-updates.verification.ts';
import { submitUpdate } from '../src/server/modules/annual-updates/annual-updates.filing.ts';
import { htxValues } from '../src/server/modules/annual-updates/annual-updates.test-support.ts';
import { createAccount, horizontalOverflow, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
// The pages open on this year; the deadline (15 December) is ahead or behind, the journey does not depend on it.
const YEAR = new Date().getFullYear();

let journey: Journey;
let litchi: { id: string; name: string };
let tea: { id: string; name: string };
const managerOf = (organisationId: string): Actor => ({
  kind: 'user',
  userId: null,
  email: 'chu-nhiem@htx.test',
  role: 'coop_manager',
  tenantId: TENANT_ID,
  organisationId,
  communeCode: null,
  organisationIds: [organisationId],
} as Actor);

beforeAll(async () => {
  journey = await startJourney();
  const db = journey.database.db;
  const make = (name: string) =>
    createOrganisation(db, {
      actor: systemActor(TENANT_ID),
      input: buildOrganisation({ name, kind: 'HTX', status: 'active', foundedOn: '2015-03-02', registeredCommune: 'Xã Tân Dĩnh', registrationNumber: null, membersOfficial: 30, membersAssociatedCapital: 4, membersAssociatedNoCapital: 2, workers: 10, charterCapitalVnd: '1200000000' }),
    });
  litchi = await make('Hợp tác xã Vải thiều Tân Dĩnh');
  tea = await make('Hợp tác xã Chè xanh Tân Dĩnh');
  // Last year, accepted: what this year's figures are compared with.
  const staff = systemActor(TENANT_ID);
  const { update: last } = await submitUpdate(db, { actor: staff, organisationId: litchi.id, year: YEAR - 1, values: htxValues(), submitKey: 'journey-last-year-1' });
  await acceptUpdate(db, { actor: staff, id: last.id });
  // This year, submitted by each manager.
  await submitUpdate(db, {
    actor: managerOf(litchi.id),
    organisationId: litchi.id,
    year: YEAR,
    values: htxValues({ membersOfficial: 45, membersTotal: 53, revenueVnd: 4_200_000_000, revenueFromMembersVnd: 1_500_000_000 }),
    submitKey: 'journey-litchi-1',
  });
  await submitUpdate(db, { actor: managerOf(tea.id), organisationId: tea.id, year: YEAR, values: htxValues({ workers: 15 }), submitKey: 'journey-tea-1' });
});
afterAll(async () => {
  await journey?.close();
});

/** A fresh page signed in, collecting every console error besides the journey's page errors and CSP reports. */
async function signedIn(account: { email: string; password: string }, viewport: { width: number; height: number }) {
  const { page, problems } = await journey.newPage(viewport);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await logIn(page, journey.baseUrl, account);
  return { page, problems };
}

async function confirmDialog(page: Page, button: string) {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

const row = (page: Page, name: string) => page.locator('tr.ant-table-row', { hasText: name });

describe('verifying the annual update', () => {
  it('queue, batch accept, return a field, accept the correction on a phone, registry and compliance follow', async () => {
    const account = await createAccount(journey, 'alliance_staff');

    // 1. The queue at 1366 px, reached from the menu: this year, both updates waiting, on time.
    const desk = await signedIn(account, DESKTOP);
    await desk.page.getByRole('menuitem', { name: 'Cập nhật thông tin hằng năm' }).click();
    await desk.page.waitForURL(/\/updates$/);
    await desk.page.getByText(`Xác minh cập nhật thông tin năm ${YEAR}`).waitFor();
    await row(desk.page, litchi.name).waitFor();
    expect(await desk.page.getByTestId('queue-total').innerText()).toBe('2 bản cập nhật');
    expect(await desk.page.getByTestId('queue-count-submitted').innerText()).toBe('Chờ xác minh (2)');
    const teaRow = await row(desk.page, tea.name).innerText();
    expect(teaRow).toContain('Chờ xác minh');
    expect(teaRow).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(teaRow).toMatch(/Đúng hạn|Quá hạn/);

    // 2. The tea cooperative's update is accepted with the batch button, after a confirmation.
    expect(await desk.page.getByTestId('accept-selected').isDisabled()).toBe(true);
    await row(desk.page, tea.name).locator('input[type=checkbox]').check();
    await desk.page.getByTestId('accept-selected').click();
    await desk.page.locator('.ant-modal-confirm-title', { hasText: 'Chấp nhận 1 bản cập nhật đã chọn?' }).waitFor();
    await confirmDialog(desk.page, 'Chấp nhận');
    expect(await desk.page.getByTestId('accept-many-result').innerText()).toContain('Đã chấp nhận 1 bản cập nhật.');
    await desk.page.getByTestId('queue-count-accepted').filter({ hasText: 'Đã chấp nhận (1)' }).waitFor();
    await row(desk.page, tea.name).filter({ hasText: 'Đã chấp nhận' }).waitFor();

    // 3. The litchi cooperative's update beside last year's: members changed, highlighted with the difference.
    await row(desk.page, litchi.name).getByRole('link', { name: litchi.name }).click();
    await desk.page.waitForURL(/\/updates\/[0-9a-f-]{36}$/);
    await desk.page.getByTestId('update-comparison').waitFor();
    const members = desk.page.getByTestId('field-membersOfficial');
    expect(await members.getAttribute('data-changed')).toBe('true');
    expect(await desk.page.getByTestId('value-membersOfficial').innerText()).toBe('45 người');
    expect(await desk.page.getByTestId('section-members').innerText()).toContain('+5 người (+12,5%)');
    expect(await desk.page.getByTestId('value-revenueVnd').innerText()).toBe('4.200.000.000 đ');
    expect(await desk.page.getByTestId('field-workers').getAttribute('data-changed')).toBe('false');
    await screenshot(desk.page, 'updates-review-1366', true);

    // 4. Return: nothing ticked is refused in words; a ticked field without a reason too; then one reason.
    await desk.page.getByTestId('start-return').click();
    await desk.page.getByTestId('send-return').first().click();
    expect(await desk.page.getByTestId('review-error').innerText()).toContain('Đánh dấu ít nhất một trường cần hỏi lại');
    await desk.page.getByTestId('question-revenueVnd').check();
    await desk.page.getByTestId('send-return').first().click();
    await desk.page.getByText('Nhập lý do hỏi lại trường "Doanh thu (đồng)"').waitFor();
    await desk.page.getByTestId('reason-revenueVnd').fill('Doanh thu tăng 30% so với năm trước, đề nghị kiểm tra lại theo báo cáo tài chính.');
    await desk.page.getByTestId('send-return').first().click();
    await desk.page.getByTestId('return-reasons').waitFor();
    expect(await desk.page.getByTestId('update-state').first().innerText()).toBe('Trả lại để sửa');
    expect(await desk.page.getByTestId('return-reasons').innerText()).toContain('Doanh thu (đồng): Doanh thu tăng 30% so với năm trước');
    expect(await desk.page.getByTestId('update-actions').count()).toBe(0);
    const reviewUrl = desk.page.url();
    expect(desk.problems).toEqual([]);

    // 5. The manager corrects the revenue and submits again (as the manager's app does).
    await submitUpdate(journey.database.db, {
      actor: managerOf(litchi.id),
      organisationId: litchi.id,
      year: YEAR,
      values: htxValues({ membersOfficial: 45, membersTotal: 53, revenueVnd: 3_400_000_000, revenueFromMembersVnd: 1_500_000_000 }),
      submitKey: 'journey-litchi-2',
    });

    // 6. On a phone: the queue, then the corrected update with the question asked, accepted after a confirmation.
    const phone = await signedIn(account, PHONE);
    await phone.page.goto(`${journey.baseUrl}/updates`);
    await row(phone.page, litchi.name).waitFor();
    expect(await horizontalOverflow(phone.page)).toBe(0);
    // Questioned once, it is looked at on its own, not in a batch.
    expect(await row(phone.page, litchi.name).innerText()).toContain('Có trường bị hỏi lại');
    expect(await row(phone.page, litchi.name).locator('input[type=checkbox]').isDisabled()).toBe(true);
    await screenshot(phone.page, 'updates-queue-360', true);
    await phone.page.goto(reviewUrl);
    await phone.page.getByTestId('update-comparison').waitFor();
    expect(await phone.page.getByTestId('previous-reason-revenueVnd').innerText()).toContain('Doanh thu tăng 30%');
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await phone.page.getByTestId('accept-update').click();
    await phone.page.locator('.ant-modal-confirm-title', { hasText: 'Chấp nhận bản cập nhật này?' }).waitFor();
    await confirmDialog(phone.page, 'Chấp nhận');
    await phone.page.getByTestId('update-state').filter({ hasText: 'Đã chấp nhận' }).first().waitFor();
    const history = await phone.page.getByTestId('update-history').innerText();
    for (const step of ['Nộp', 'Trả lại để sửa', 'Nộp lại sau khi sửa', 'Chấp nhận']) expect(history).toContain(step);
    expect(history).toContain(account.email);
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'updates-review-360', true);

    // 7. The registry's history shows the figures the update changed, by whom.
    await phone.page.getByTestId('registry-link').click();
    await phone.page.waitForURL(/\/registry\/[0-9a-f-]{36}$/);
    await phone.page.getByRole('tab', { name: 'Nhật ký' }).click();
    const change = phone.page.getByTestId('audit-change-membersOfficial').first();
    await change.waitFor();
    expect(await change.innerText()).toMatch(/40\s*→\s*45/);
    expect(await phone.page.getByTestId('audit-event').first().innerText()).toContain(account.email);
    expect(await horizontalOverflow(phone.page)).toBe(0);

    // 8. Compliance: both due, both accepted, none missing; the number opens the list behind it.
    await phone.page.goto(`${journey.baseUrl}/updates/compliance`);
    await phone.page.getByTestId('compliance-totals').waitFor();
    const total = async (category: string) => (await phone.page.getByTestId(`compliance-total-${category}`).locator('.ant-statistic-content').innerText()).trim();
    expect(await total('due')).toBe('2');
    expect(await total('accepted')).toBe('2');
    expect(await total('missing')).toBe('0');
    expect(Number(await total('onTime')) + Number(await total('late'))).toBe(2);
    await phone.page.getByTestId('compliance-total-accepted').click();
    await phone.page.getByTestId('compliance-list').getByText('Đã chấp nhận: 2 tổ chức').waitFor();
    expect(await phone.page.getByTestId('compliance-list-row').count()).toBe(2);
    expect(await phone.page.getByTestId('list-pdf').getAttribute('href')).toContain(`/api/annual-updates/compliance/list.pdf?year=${YEAR}&category=accepted`);
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'updates-compliance-360', true);
    expect(phone.problems).toEqual([]);
  });
});
