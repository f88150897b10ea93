/**
 * Accounts in the browser: the alliance admin creates a commune officer and copies the invitation link; the
 * officer opens it on a phone, sets a password, and logs in by phone number; the admin disables them and
 * their open session ends; a user changes their own password from the user menu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/server/modules/accounts/accounts.sql.ts';
import { communeOf } from '../src/server/modules/accounts/accounts.test-support.ts';
import { createAccount, logIn, screenshot, startJourney, type Journey } from './support/journey.ts';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.close();
});

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };

describe('accounts', () => {
  it('invite, set a password from the link, log in by phone, disable (the session ends), change one’s own password', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const commune = await communeOf(journey.database.db);

    // 1. The admin creates a commune officer by phone number and copies the one-time link.
    const a = await journey.newPage(DESKTOP);
    await a.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.baseUrl });
    await logIn(a.page, journey.baseUrl, admin);
    await a.page.goto(`${journey.baseUrl}/registry`);
    await a.page.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await a.page.waitForURL(/\/accounts$/);
    await a.page.getByRole('heading', { name: 'Tài khoản của Liên minh' }).waitFor();
    await a.page.getByTestId('create-account').click();
    const form = a.page.getByTestId('account-form');
    await form.getByLabel('Số điện thoại').fill('+84 917 000 123');
    await form.getByLabel('Họ tên').fill('Ngô Văn Xã');
    await form.getByLabel('Vai trò').click();
    await a.page.locator('.ant-select-item-option', { hasText: 'Cán bộ cấp xã' }).click();
    await form.getByLabel('Xã/phường phụ trách').fill(commune.name);
    await a.page.locator('.ant-select-item-option', { hasText: commune.name }).first().click();
    await a.page.getByRole('button', { name: 'Tạo và lấy liên kết mời' }).click();
    const linkField = a.page.getByTestId('one-time-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/account\/set-password\?token=[\w-]{43}$/);
    await a.page.getByTestId('copy-link').click();
    await a.page.getByText('Đã sao chép liên kết.').waitFor();
    expect(await a.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await a.page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    const row = a.page.getByRole('row', { name: /Ngô Văn Xã/ });
    expect(await row.innerText()).toContain('Chờ đặt mật khẩu');
    expect(await row.innerText()).toContain(commune.name);

    // 2. The officer, on a phone in a fresh browser, opens the link and sets a password.
    const o = await journey.newPage(PHONE);
    await o.page.goto(link);
    await o.page.getByRole('heading', { name: 'Đặt mật khẩu cho tài khoản mới' }).waitFor();
    expect(await o.page.getByTestId('link-account').innerText()).toContain('0917000123');
    await o.page.locator('#new-password').fill('ngan');
    await o.page.locator('#confirm-password').fill('ngan');
    await o.page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await o.page.getByText('Mật khẩu cần ít nhất 10 ký tự.').waitFor();
    await o.page.locator('#new-password').fill('mat-khau-cua-xa-2025');
    await o.page.locator('#confirm-password').fill('mat-khau-cua-xa-2025');
    await o.page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await o.page.waitForURL(/\/registry/);
    await screenshot(o.page, 'accounts-officer-in-360');

    // The link was used: opened again, it says so.
    const again = await journey.newPage(PHONE);
    await again.page.goto(link);
    expect(await again.page.getByTestId('link-problem').innerText()).toContain('đã được dùng');

    // 3. Logging in by phone number, written the international way.
    const p = await journey.newPage(PHONE);
    await logIn(p.page, journey.baseUrl, { email: '+84 917 000 123', password: 'mat-khau-cua-xa-2025' });
    await p.page.goto(`${journey.baseUrl}/registry`);
    await p.page.getByRole('heading').first().waitFor();
    expect(p.page.url()).toContain('/registry');

    // 4. The admin disables the officer (after confirming): the officer's open session ends at once.
    await a.page.reload();
    await row.getByRole('button', { name: 'Khóa' }).click();
    await a.page.locator('.ant-popconfirm').getByRole('button', { name: 'Khóa' }).click();
    await a.page.getByText('Đã khóa tài khoản.').waitFor();
    expect(await row.innerText()).toContain('Đã khóa');
    await p.page.goto(`${journey.baseUrl}/registry`);
    await p.page.waitForURL(/\/login/);
    await p.page.locator('#email').fill('0917000123');
    await p.page.locator('#password').fill('mat-khau-cua-xa-2025');
    await p.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await p.page.getByTestId('login-error').waitFor();
    await screenshot(a.page, 'accounts-1366', true);

    // 5. The admin changes their own password from the user menu; the new one works, the old one no longer.
    await a.page.getByTestId('user-menu').click();
    await a.page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await a.page.waitForURL(/\/account\/password$/);
    await a.page.getByLabel('Mật khẩu hiện tại').fill(admin.password);
    await a.page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-cua-quan-tri');
    await a.page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-cua-quan-tri');
    await a.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await a.page.getByTestId('password-done').waitFor();
    const n = await journey.newPage(DESKTOP);
    await logIn(n.page, journey.baseUrl, { email: admin.email, password: 'mat-khau-moi-cua-quan-tri' });
    expect(n.page.url()).not.toContain('/login');

    expect([...a.problems, ...o.problems, ...p.problems, ...n.problems]).toEqual([]);
  });

  it('the admin lets a staff member publish on the portal (a checkbox shown for staff accounts only)', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const staff = await createAccount(journey, 'alliance_staff');
    const a = await journey.newPage(DESKTOP);
    await logIn(a.page, journey.baseUrl, admin);
    await a.page.goto(`${journey.baseUrl}/accounts`);
    await a.page.getByRole('row', { name: new RegExp(staff.email) }).getByRole('button', { name: 'Sửa' }).click();
    const box = a.page.getByTestId('portal-editor');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await a.page.locator('.ant-modal-footer').getByRole('button', { name: 'Lưu', exact: true }).click();
    await a.page.getByTestId('account-form').waitFor({ state: 'detached' });
    const [row] = await journey.database.db.select({ portalEditor: users.portalEditor }).from(users).where(eq(users.email, staff.email));
    expect(row?.portalEditor).toBe(true);
    expect(a.problems).toEqual([]);
  });
});
