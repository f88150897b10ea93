/**
 * The alliance verifies the annual update in the browser: at 1366 px staff see the year's queue, accept an
 * update in a batch, open another beside last year's accepted values and return one field with a reason; the
 * manager corrects it (through the service, as the manager's app would); at 360 px staff accept the corrected
 * update, the registry's history shows the figures it changed, and the compliance page counts it. No console
 * error, no sideways scrolling on the phone.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { acceptUpdate } from '../src/server/modules/annual-updates/annual-updates.verification.ts';
import { submitUpdate } from '../src/server/modules/annual-updates/annual-updates.filing.ts';
import { htxValues } from '../src/server/modules/annual-updates/annual-updates.test-support.ts';
import { FIRST_DATA_ROW, KEY_ROW } from '../src/server/modules/annual-updates/template.ts';
import { createAccount, horizontalOverflow, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
// The pages open on this year; the deadline (15 December) is ahead or behind, the journey does not depend on it.
const YEAR = new Date().getFullYear();

let journey: Journey;
let litchi: { id: string; name: string };
let tea: { id: string; name: string; currentCommuneCode: string | null };
// Due, not filed: one is filed from paper through the Excel template, the other's row is refused.
let vegetables: { id: string; name: string };
let rice: { id: string; name: string };
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
  vegetables = await make('Hợp tác xã Rau an toàn Tân Dĩnh');
  rice = await make('Hợp tác xã Gạo thơm Tân Dĩnh');
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
  // Signed in by the API (the login page has its own journeys): the session cookie lands in this context.
  const login = await page.request.post(`${journey.baseUrl}/api/auth/login`, { data: { login: account.email, password: account.password } });
  expect(login.status()).toBe(200);
  await page.goto(`${journey.baseUrl}/registry`);
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

    // 8. Compliance: four due, two accepted, two missing; the number opens the list behind it.
    await phone.page.goto(`${journey.baseUrl}/updates/compliance`);
    await phone.page.getByTestId('compliance-totals').waitFor();
    const total = (page: Page, category: string) => page.getByTestId(`compliance-total-${category}`).locator('.ant-statistic-content').innerText();
    expect(await total(phone.page, 'due')).toBe('4');
    expect(await total(phone.page, 'accepted')).toBe('2');
    expect(await total(phone.page, 'missing')).toBe('2');
    expect(Number(await total(phone.page, 'onTime')) + Number(await total(phone.page, 'late'))).toBe(2);
    await phone.page.getByTestId('compliance-total-accepted').click();
    await phone.page.getByTestId('compliance-list').getByText('Đã chấp nhận: 2 tổ chức').waitFor();
    expect(await phone.page.getByTestId('compliance-list-row').count()).toBe(2);
    expect(await phone.page.getByTestId('list-pdf').getAttribute('href')).toContain(`/api/annual-updates/compliance/list.pdf?year=${YEAR}&category=accepted`);
    // The commune's "missing" number: the two not filed, with their representatives' phones.
    await phone.page.getByTestId(`by-commune-${tea.currentCommuneCode ?? 'none'}-missing`).click();
    await phone.page.getByTestId('compliance-list').getByText(/^Chưa nộp · .+: 2 tổ chức$/).waitFor();
    expect(await phone.page.getByTestId('compliance-list').innerText()).toContain(rice.name);
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'updates-compliance-360', true);
    // Without a mail server the reminders are refused in words that send staff to the printed list.
    await phone.page.getByTestId('send-reminders').click();
    await confirmDialog(phone.page, 'Gửi email nhắc nộp');
    expect(await phone.page.getByTestId('reminders-error').innerText()).toContain('in danh sách chưa nộp');
    // The browser logs the refused request (409) itself; nothing else went wrong.
    expect(phone.problems.filter((p) => /status of 409/.test(p))).toHaveLength(1);
    expect(phone.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);

    // 9. Paper updates through Excel at 1366 px: the template downloaded, filled (one good row, one with text in
    //    a number column), checked first, then imported; the refused row says which cell and why.
    await desk.page.goto(`${journey.baseUrl}/updates/compliance`);
    const [download] = await Promise.all([desk.page.waitForEvent('download'), desk.page.getByTestId('template-download').click()]);
    expect(download.suggestedFilename()).toBe(`mau-cap-nhat-${YEAR}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('HTX')!;
    const column = new Map<string, number>();
    sheet.getRow(KEY_ROW).eachCell((cell, index) => column.set(String(cell.value), index));
    const rowOf = (name: string) => {
      for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(column.get('name')!).value === name) return sheet.getRow(r);
      throw new Error(`${name} is not in the template`);
    };
    const paper = { ...htxValues(), managerTraining: 'Đại học', digitalWebsite: 'Có', digitalEInvoice: 'Không', digitalAccounting: 'Có', digitalECommerce: 'Không', digitalTraceability: 'Không' };
    for (const [name, values] of [[vegetables.name, paper], [rice.name, { ...paper, workers: 'mười hai' }]] as const) {
      const row = rowOf(name);
      for (const [key, value] of Object.entries(values)) if (column.has(key)) row.getCell(column.get(key)!).value = value as ExcelJS.CellValue;
    }
    await desk.page.getByTestId('updates-excel').locator('input[type=file]').setInputFiles({
      name: 'mau-da-dien.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await desk.page.getByTestId('updates-import-dry-run').click();
    const preview = desk.page.getByTestId('updates-import-preview');
    await preview.waitFor();
    expect(await desk.page.getByTestId('updates-import-submitted').innerText()).toContain('1');
    expect(await desk.page.getByTestId('updates-import-rejected').innerText()).toContain('1');
    const refused = await desk.page.getByTestId('updates-import-rejected-row').innerText();
    expect(refused).toContain(rice.name);
    expect(refused).toContain('Lao động thường xuyên');
    await desk.page.getByTestId('updates-import-confirm').click();
    await desk.page.getByTestId('updates-import-done').waitFor();
    await desk.page.getByTestId('compliance-total-missing').filter({ hasText: '1' }).waitFor();
    await screenshot(desk.page, 'updates-compliance-1366', true);
    // The paper update waits in the queue like one filed online.
    await desk.page.goto(`${journey.baseUrl}/updates?state=submitted`);
    await row(desk.page, vegetables.name).waitFor();
    expect(await desk.page.getByTestId('queue-total').innerText()).toBe('1 bản cập nhật');
    expect(desk.problems).toEqual([]);
  });

  it('the admin publishes next year\'s form from a copy, a commune officer reads without deciding', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const a = await signedIn(admin, DESKTOP);
    await a.page.goto(`${journey.baseUrl}/updates/forms?year=${YEAR + 1}`);
    const htx = a.page.getByTestId('form-HTX');
    await htx.waitFor();
    expect(await htx.getByTestId('form-version').innerText()).toBe('Phiên bản 1');
    await htx.getByTestId('publish-form').click();
    const editor = htx.getByTestId('form-json');
    const copy = JSON.parse(await editor.inputValue());
    expect(copy.kind).toBe('HTX');
    // A mistake is named by its place, in Vietnamese, and nothing is sent.
    const broken = structuredClone(copy);
    broken.sections[0].fields[1].key = broken.sections[0].fields[0].key;
    await editor.fill(JSON.stringify(broken, null, 2));
    await htx.getByTestId('form-json-publish').click();
    const errors = await htx.getByTestId('form-json-errors').innerText();
    expect(errors).toMatch(/Phần 1 \(\w+\), trường 2 \(membersOfficial\)/);
    expect(errors).toContain('trùng mã');
    // A label changed: checked, then published as version 2.
    const joined = copy.sections.flatMap((section: { fields: { key: string; label: { vi: string } }[] }) => section.fields).find((f: { key: string }) => f.key === 'membersJoined');
    joined.label.vi = 'Thành viên mới kết nạp trong kỳ';
    await editor.fill(JSON.stringify(copy, null, 2));
    await htx.getByTestId('form-json-check').click();
    expect(await htx.getByTestId('form-json-ok').innerText()).toMatch(/^Mẫu biểu hợp lệ: \d+ phần, \d+ chỉ tiêu\.$/);
    await htx.getByTestId('form-json-publish').click();
    await a.page.getByText('Đã ban hành phiên bản 2.').waitFor();
    await htx.getByTestId('form-version').filter({ hasText: 'Phiên bản 2' }).waitFor();
    await htx.getByText(/^Thành viên\b/).first().click();
    await htx.getByText('Thành viên mới kết nạp trong kỳ').waitFor();
    // The same page in English, through the dictionaries.
    await a.page.getByTestId('language-toggle').click();
    await a.page.getByText(`${YEAR + 1} information update forms`).waitFor();
    expect(await htx.getByTestId('form-version').innerText()).toBe('Version 2');
    await screenshot(a.page, 'updates-forms-1366-en', true);
    expect(a.problems).toEqual([]);

    // A commune officer on a phone: the queue of the commune, no selection, no decision, no publishing.
    const officer = await createAccount(journey, 'commune_officer', { communeCode: tea.currentCommuneCode! });
    const o = await signedIn(officer, PHONE);
    await o.page.goto(`${journey.baseUrl}/updates`);
    await row(o.page, litchi.name).waitFor();
    expect(await o.page.getByTestId('accept-selected').count()).toBe(0);
    expect(await o.page.locator('tr.ant-table-row input[type=checkbox]').count()).toBe(0);
    await row(o.page, litchi.name).getByRole('link', { name: litchi.name }).click();
    await o.page.getByTestId('update-comparison').waitFor();
    expect(await o.page.getByTestId('update-actions').count()).toBe(0);
    expect(await horizontalOverflow(o.page)).toBe(0);
    await o.page.goto(`${journey.baseUrl}/updates/forms`);
    await o.page.getByTestId('form-HTX').waitFor();
    expect(await o.page.getByTestId('publish-form').count()).toBe(0);
    expect(await horizontalOverflow(o.page)).toBe(0);
    await o.page.goto(`${journey.baseUrl}/updates/compliance`);
    await o.page.getByTestId('compliance-totals').waitFor();
    expect(await o.page.getByTestId('send-reminders').count()).toBe(0);
    expect(await o.page.getByTestId('updates-excel').count()).toBe(0);
    expect(o.problems).toEqual([]);
  });
});
