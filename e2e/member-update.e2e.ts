/**
 * The coop manager's annual update on a phone (issue 13, "Done when"): a manager invited by staff sets a
 * password through the link, logs in by phone number at 360 px, files the update section by section, loses
 * the connection mid-way and keeps typing, comes back (the draft reaches the server), submits once though the first answer is lost (the retry carries the same key: one filing, one
 * receipt); staff return one field; the manager sees the reason and corrects; staff accept; the organisation's
 * history shows the figures the update brought; a second organisation is chosen explicitly. Then: a draft
 * resumed on another device, and two devices' copies meeting.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationNumberAt } from '../src/server/modules/imports/test-files.ts';
import { createAccount, horizontalOverflow, logIn, PASSWORD, screenshot, startJourney, type Journey } from './support/journey.ts';

const PHONE = { width: 360, height: 740 };
const NAME = 'Hợp tác xã Nông nghiệp Tân Dĩnh';
const REGISTRATION = registrationNumberAt(9191);

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.close();
});

async function call(request: APIRequestContext, method: 'GET' | 'POST', path: string, data?: unknown) {
  const response = await request.fetch(`${journey.baseUrl}${path}`, { method, data, headers: { origin: journey.baseUrl } });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** A field by its label as shown (a required one ends with a star). */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`));

/** Types into a field of the current section, as a thumb would (the field is found by its label). */
async function type(page: Page, label: string, text: string) {
  const input = field(page, label);
  await input.fill(text);
  await input.blur();
}

async function next(page: Page, expectedStep: string) {
  await page.getByTestId('next-step').click();
  await expect.poll(() => page.getByTestId('step-indicator').innerText()).toContain(expectedStep);
  expect(await horizontalOverflow(page), `overflow at ${expectedStep}`).toBe(0);
}

/** Staff add a cooperative; returns it (as the API answers). */
async function addCooperative(request: APIRequestContext, name: string, registrationNumber: string) {
  return call(request, 'POST', '/api/cooperatives', {
    kind: 'HTX', status: 'active', foundedOn: '2019-03-15', sectorCode: 'agriculture', name, registrationNumber,
    charterCapitalVnd: '500000000', membersOfficial: 9, membersAssociatedCapital: 0, membersAssociatedNoCapital: 0, workers: 4,
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe (WCAG 2.1 A and AA) over the page as it stands: the rule and elements of each violation. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol: the CSP allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
  });
}

/** Console errors count as problems, but for the one kind the test causes on purpose. */
function watchConsole(page: Page, problems: string[], expected: RegExp) {
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.test(message.text())) problems.push(`console: ${message.text()}`);
  });
}

/** Vietnam's date today, 'YYYY-MM-DD'. */
const vietnamToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('a coop manager files the annual update on a phone', () => {
  it('files section by section through a lost connection, once, then corrects what staff returned', async () => {
    const year = Number(vietnamToday().slice(0, 4));
    // Staff add the cooperative, as the registry would have it.
    const staff = await createAccount(journey, 'alliance_staff');
    const { page: staffPage } = await journey.newPage();
    await logIn(staffPage, journey.baseUrl, staff);
    const organisation = await addCooperative(staffPage.request, NAME, REGISTRATION);

    // Staff invite its chair by phone number; the link is handed over (no mail server here).
    const invite = await call(staffPage.request, 'POST', '/api/accounts/manager-invitations', { organisationId: organisation.id, phone: '0912 345 678', displayName: 'Nguyễn Văn Tâm' });
    expect(invite.link).toMatch(/\/account\/set-password\?token=/);

    const { page, problems } = await journey.newPage(PHONE);
    // The one failure the journey causes on purpose: the submit whose answer it cuts (below).
    watchConsole(page, problems, /ERR_CONNECTION_RESET/);

    // The chair opens the link on the phone, chooses a password and is in.
    await page.goto(invite.link.replace(/^https?:\/\/[^/]+/, journey.baseUrl));
    await page.fill('#new-password', PASSWORD);
    await page.fill('#confirm-password', PASSWORD);
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/member');
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');

    // The login everyone meets: a heading, a skip link, email or phone (written as people write it).
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Đăng nhập');
    expect(await page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' }).count()).toBe(1);
    expect(await page.getByLabel('Email hoặc số điện thoại').count()).toBe(1);
    const violations: string[] = [];
    const checkAccessibility = async (where: string) => violations.push(...(await accessibilityViolations(page)).map((v) => `${where}: ${v}`));
    await checkAccessibility('login');
    await logIn(page, journey.baseUrl, { email: '+84 912 345 678', password: PASSWORD });
    expect(new URL(page.url()).pathname).toBe('/member');

    // Home: the organisation, what is due and when (a banner from 1 December).
    await expect.poll(() => page.getByTestId('member-organisation').innerText()).toContain(NAME);
    expect(await page.getByTestId('member-organisation').innerText()).toContain(REGISTRATION);
    expect(await page.getByTestId('member-update-state').innerText()).toBe('Chưa bắt đầu');
    const banner = page.getByTestId('deadline-banner');
    if (vietnamToday() >= `${year}-12-01`) expect(await banner.innerText()).toMatch(/hạn/);
    else expect(await banner.count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await checkAccessibility('home');
    await screenshot(page, 'member-home');

    await page.getByTestId('open-update').click();
    await expect.poll(() => page.getByTestId('step-indicator').innerText()).toContain('Bước 1/8');
    expect(new URL(page.url()).pathname).toBe(`/member/update/${year}`);

    // Members: a number typed the Vietnamese way, and one that is not a number.
    await type(page, 'Thành viên chính thức', '12');
    await type(page, 'Thành viên liên kết góp vốn', '3');
    await type(page, 'Thành viên liên kết không góp vốn', '0');
    await type(page, 'Tổng số thành viên', '15');
    await type(page, 'Thành viên mới gia nhập trong kỳ', '2,5');
    await page.getByTestId('next-step').click();
    expect(await page.getByTestId('field-membersJoined').innerText()).toContain('phải là số nguyên');
    await checkAccessibility('members, with an error');
    await type(page, 'Thành viên mới gia nhập trong kỳ', '2');
    await type(page, 'Thành viên ra khỏi trong kỳ', '1');
    await screenshot(page, 'member-update-members');
    await next(page, 'Bước 2/8');

    // Workers: thousands with dots.
    await type(page, 'Trong đó: lao động là thành viên', '6');
    await type(page, 'Lao động thường xuyên', '8');
    await type(page, 'Thu nhập bình quân của người lao động (đồng/tháng)', '6500000');
    expect(await field(page, 'Thu nhập bình quân của người lao động (đồng/tháng)').inputValue()).toBe('6.500.000');
    await next(page, 'Bước 3/8');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    const saved = await call(page.request, 'GET', `/api/annual-updates/mine?year=${year}`);
    expect(saved.update).toMatchObject({ state: 'draft', values: { membersOfficial: 12, membersTotal: 15, workers: 8, averageIncomeVnd: 6_500_000 } });

    // The connection goes: typing goes on, kept on the phone.
    await page.context().setOffline(true);
    await type(page, 'Vốn điều lệ (đồng)', '1.300.000.000');
    await expect.poll(() => page.getByTestId('save-status').innerText()).toBe('Đang ngoại tuyến — đã lưu trên máy');
    await type(page, 'Tổng nguồn vốn (đồng)', '2.000.000.000');
    await type(page, 'Tổng tài sản (đồng)', '2.500.000.000');
    await next(page, 'Bước 4/8');
    await type(page, 'Doanh thu (đồng)', '3.200.000.000');
    await type(page, 'Trong đó: doanh thu từ giao dịch với thành viên (đồng)', '1.000.000.000');
    await type(page, 'Lợi nhuận trước thuế (đồng)', '150.000.000');
    await type(page, 'Thuế và các khoản nộp ngân sách (đồng)', '20.000.000');
    expect(await page.getByTestId('save-status').innerText()).toBe('Đang ngoại tuyến — đã lưu trên máy');
    await screenshot(page, 'member-update-offline');
    const onServerWhileOffline = await call(staffPage.request, 'GET', `/api/annual-updates?year=${year}`);
    expect(JSON.stringify(onServerWhileOffline)).not.toContain('3200000000');

    // It comes back: the draft reaches the server without a tap.
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('saved');
    const resumed = await call(page.request, 'GET', `/api/annual-updates/mine?year=${year}`);
    expect(resumed.update.values).toMatchObject({ charterCapitalVnd: 1_300_000_000, totalAssetsVnd: 2_500_000_000, revenueVnd: 3_200_000_000, taxesPaidVnd: 20_000_000 });

    await next(page, 'Bước 5/8');
    await page.getByLabel('Đại học', { exact: true }).check();
    await type(page, 'Sản phẩm trong chuỗi giá trị', 'Gạo nếp cái hoa vàng');
    await type(page, 'Số sản phẩm OCOP', '1');
    await checkAccessibility('management (choices)');
    await next(page, 'Bước 6/8');
    for (const key of ['digitalWebsite', 'digitalEInvoice', 'digitalAccounting', 'digitalECommerce', 'digitalTraceability']) {
      await page.getByTestId(`field-${key}`).getByLabel(key === 'digitalEInvoice' ? 'Có' : 'Không', { exact: true }).check();
    }
    await next(page, 'Bước 7/8');
    await page.getByLabel('Khó khăn, vướng mắc và kiến nghị').fill('Thiếu vốn lưu động cho vụ đông.');
    await next(page, 'Bước 8/8');
    expect(await page.getByTestId('review-revenueVnd').innerText()).toBe('3.200.000.000 đồng');
    expect(await page.getByTestId('review-errors').count()).toBe(0);
    await checkAccessibility('review');
    await screenshot(page, 'member-update-review', true);

    // Submit; the answer is lost on its way back (the server filed it). The retry sends the same key.
    const keys: string[] = [];
    let firstReceipt = '';
    await page.route('**/submit', async (route) => {
      keys.push((route.request().postDataJSON() as { submitKey: string }).submitKey);
      const response = await route.fetch();
      firstReceipt = (await response.json()).receipt.number;
      await route.abort('connectionreset');
    });
    await page.getByTestId('submit-update').click();
    await page.getByTestId('submit-offline').waitFor();
    await page.unroute('**/submit');
    page.on('request', (request) => {
      if (request.url().endsWith('/submit')) keys.push((request.postDataJSON() as { submitKey: string }).submitKey);
    });
    await page.getByTestId('submit-update').click();
    await page.getByTestId('receipt').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await page.getByTestId('receipt-number').innerText()).toBe(firstReceipt);
    expect(await page.getByTestId('receipt-time').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await horizontalOverflow(page)).toBe(0);
    await checkAccessibility('receipt');
    await screenshot(page, 'member-update-receipt');

    // One filing in the alliance's queue.
    const queue = await call(staffPage.request, 'GET', `/api/annual-updates?year=${year}`);
    const rows = (queue.items as { organisationId?: string; organisation?: { id: string }; id: string; state: string }[]).filter((r) => (r.organisationId ?? r.organisation?.id) === organisation.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe('submitted');
    const updateId = rows[0]!.id;

    // Staff question the revenue.
    const reason = 'Doanh thu khác báo cáo tài chính năm, kiểm tra lại.';
    await call(staffPage.request, 'POST', `/api/annual-updates/${updateId}/return`, { reasons: { revenueVnd: reason } });

    // The manager sees what to correct, on the home and beside the field.
    await page.goto(`${journey.baseUrl}/member`);
    await expect.poll(() => page.getByTestId('member-update-state').innerText()).toBe('Liên minh đề nghị sửa');
    expect(await page.getByTestId('member-return-reasons').innerText()).toContain(reason);
    await page.getByTestId('open-update').click();
    await page.getByRole('button', { name: 'Bước 4: Kết quả sản xuất, kinh doanh (có ô cần sửa)' }).click();
    expect(await page.getByTestId('field-revenueVnd').getByTestId('return-reason').innerText()).toContain(reason);
    expect(await field(page, 'Doanh thu (đồng)').inputValue()).toBe('3.200.000.000');
    await type(page, 'Doanh thu (đồng)', '3.400.000.000');
    await checkAccessibility('returned field');
    await screenshot(page, 'member-update-returned');
    await page.getByRole('button', { name: /^Bước 8: Xem lại và nộp/ }).click();
    expect(await page.getByTestId('review-revenueVnd').innerText()).toBe('3.400.000.000 đồng');
    await page.getByTestId('submit-update').click();
    await page.getByTestId('receipt').waitFor();

    // Staff accept: the registry's figures move, in the organisation's history with the update named, and the
    // annual report's revenue (from accepted updates) moves by the corrected revenue.
    const reportBefore = (await call(staffPage.request, 'GET', `/api/reports/annual?year=${year}`)).updates;
    await call(staffPage.request, 'POST', `/api/annual-updates/${updateId}/accept`, {});
    const reportAfter = (await call(staffPage.request, 'GET', `/api/reports/annual?year=${year}`)).updates;
    expect(BigInt(reportAfter.revenueVnd) - BigInt(reportBefore.revenueVnd)).toBe(3_400_000_000n);
    expect(reportAfter.basedOn.accepted).toBe(reportBefore.basedOn.accepted + 1);
    const record = await call(staffPage.request, 'GET', `/api/cooperatives/${organisation.id}`);
    expect(record).toMatchObject({ membersOfficial: 12, membersAssociatedCapital: 3, workers: 8, charterCapitalVnd: '1300000000' });
    const history = await call(staffPage.request, 'GET', `/api/cooperatives/${organisation.id}/history`);
    const fromUpdate = (history.audit as { action: string; fromAnnualUpdate: { id: string; year: number } | null; after: Record<string, unknown> | null }[]).filter((e) => e.fromAnnualUpdate);
    expect(fromUpdate).toHaveLength(1);
    expect(fromUpdate[0]).toMatchObject({ action: 'organisation.updated', fromAnnualUpdate: { id: updateId, year }, after: { membersOfficial: 12, workers: 8 } });
    const accepted = await call(staffPage.request, 'GET', `/api/annual-updates/${updateId}`);
    expect(accepted.update).toMatchObject({ state: 'accepted', values: { revenueVnd: 3_400_000_000 } });

    await page.goto(`${journey.baseUrl}/member`);
    await expect.poll(() => page.getByTestId('member-update-state').innerText()).toBe('Đã được chấp nhận');
    expect(await horizontalOverflow(page)).toBe(0);

    // The chair also chairs another cooperative: staff invite the same phone for it; the home offers the choice.
    const union = await addCooperative(staffPage.request, 'Hợp tác xã Nông sản Lạng Giang', registrationNumberAt(9393));
    const second = await call(staffPage.request, 'POST', '/api/accounts/manager-invitations', { organisationId: union.id, phone: '0912345678' });
    expect(second.created).toBe(false);
    await page.reload();
    await page.getByLabel('Đang làm việc cho tổ chức').selectOption({ label: 'Hợp tác xã Nông sản Lạng Giang' });
    await page.getByRole('button', { name: 'Chuyển' }).click();
    await expect.poll(() => page.getByTestId('member-organisation-name').innerText()).toBe('Hợp tác xã Nông sản Lạng Giang');
    expect(await page.getByTestId('member-update-state').innerText()).toBe('Chưa bắt đầu');
    expect(await horizontalOverflow(page)).toBe(0);
    await checkAccessibility('home, two organisations');
    await screenshot(page, 'member-home-two-organisations');
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('resumes on another device from the server draft; a stale copy shows the newer one and lets the manager choose', async () => {
    const year = Number(vietnamToday().slice(0, 4));
    const staff = await createAccount(journey, 'alliance_staff');
    const { page: staffPage } = await journey.newPage();
    await logIn(staffPage, journey.baseUrl, staff);
    const registrationNumber = registrationNumberAt(9292);
    await addCooperative(staffPage.request, 'Hợp tác xã Dịch vụ Song Mai', registrationNumber);
    const manager = await createAccount(journey, 'coop_manager', { organisationRegistrationNumber: registrationNumber });
    const url = `${journey.baseUrl}/member/update/${year}`;

    // The phone: members typed and saved.
    const { page: phone, problems: phoneProblems } = await journey.newPage(PHONE);
    watchConsole(phone, phoneProblems, /status of 409/);
    await logIn(phone, journey.baseUrl, manager);
    await phone.goto(url);
    await type(phone, 'Thành viên chính thức', '20');
    await type(phone, 'Tổng số thành viên', '20');
    await expect.poll(() => phone.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');

    // The office computer: the same draft, from the server.
    const { page: desk, problems: deskProblems } = await journey.newPage();
    watchConsole(desk, deskProblems, /status of 409/);
    await logIn(desk, journey.baseUrl, manager);
    await desk.goto(url);
    await expect.poll(() => field(desk, 'Thành viên chính thức').inputValue(), { timeout: 10_000 }).toBe('20');
    expect(await field(desk, 'Tổng số thành viên').inputValue()).toBe('20');
    await type(desk, 'Thành viên chính thức', '21');
    await expect.poll(() => desk.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');

    // The phone, still on its older copy, saves again: the server has a newer one; both are shown.
    await type(phone, 'Thành viên liên kết góp vốn', '1');
    const conflict = phone.getByTestId('draft-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Thành viên chính thức');
    expect(await conflict.innerText()).toContain('21');
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(await accessibilityViolations(phone)).toEqual([]);
    await screenshot(phone, 'member-update-conflict');
    // Keep the phone's copy: it goes to the server over the newer one, knowingly.
    await phone.getByTestId('conflict-keep-mine').click();
    await expect.poll(() => phone.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    const mine = await call(phone.request, 'GET', `/api/annual-updates/mine?year=${year}`);
    expect(mine.update.values).toMatchObject({ membersOfficial: 20, membersAssociatedCapital: 1, membersTotal: 20 });

    // The office computer takes the server's copy when it meets the conflict in turn.
    await type(desk, 'Thành viên mới gia nhập trong kỳ', '3');
    await desk.getByTestId('draft-conflict').waitFor();
    await desk.getByTestId('conflict-take-server').click();
    await expect.poll(() => field(desk, 'Thành viên chính thức').inputValue()).toBe('20');
    expect(await field(desk, 'Thành viên mới gia nhập trong kỳ').inputValue()).toBe('');
    expect(await field(desk, 'Thành viên liên kết góp vốn').inputValue()).toBe('1');

    expect(phoneProblems).toEqual([]);
    expect(deskProblems).toEqual([]);
  });
});
