/**
 * The alliance's staff handle difficulties in the browser (issue 14, decision 008): at 1366 px they add the usual
 * agencies, record one difficulty raised at a conference by three cooperatives at once (a duplicate cooperative
 * refused against its row first), group the three into a recommendation, download the draft letter (.docx, number
 * left blank), send it (due date prefilled with 15 working days, the number given), download the letter with its
 * number, attach the signed scan, record the agency's answer and close one difficulty as resolved; at 360 px they
 * find the queues, open a difficulty and close another as rejected (a reason asked for in words). No console
 * error, no sideways scrolling on the phone.
 */
import { inflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { createAccount, horizontalOverflow, screenshot, signedInPage, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
const COOPERATIVES = ['Hợp tác xã Nông nghiệp Cảnh Thụy', 'Hợp tác xã Gà đồi Yên Thế', 'Hợp tác xã Mật ong Lục Ngạn'];
const TITLE = 'Khó tiếp cận vốn vay ưu đãi để mở rộng sản xuất';
const SUBJECT = 'V/v tháo gỡ khó khăn tiếp cận vốn vay của các hợp tác xã';
const ANSWER = 'Ngân hàng đã hướng dẫn các hợp tác xã lập phương án vay theo chương trình tín dụng ưu đãi năm nay.';

let journey: Journey;
const organisations: { id: string; name: string }[] = [];

beforeAll(async () => {
  journey = await startJourney();
  for (const name of COOPERATIVES) {
    const org = await createOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), input: buildOrganisation({ name, kind: 'HTX', status: 'active', registeredCommune: 'Xã Tân Dĩnh' }) });
    organisations.push({ id: org.id, name });
  }
});
afterAll(async () => {
  await journey?.close();
});

/** A fresh page signed in as staff, every console error collected beside the journey's page errors and CSP reports. */
const signedIn = (account: { email: string; password: string }, viewport: { width: number; height: number }) => signedInPage(journey, account, viewport);

/** Picks an option of an antd select (opened by clicking `trigger`) by its text. */
async function choose(page: Page, trigger: string, option: string) {
  await page.locator(trigger).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Types into a searchable antd select and picks the option holding `option`. */
async function search(page: Page, trigger: string, text: string, option = text) {
  await page.locator(trigger).fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Types a date into an antd date field (dd/mm/yyyy); Tab leaves it with the date kept. */
async function typeDate(page: Page, id: string, ddmmyyyy: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

/** The text of a .docx's body (word/document.xml read out of the zip with node:zlib), tags removed. */
function docxText(docx: Buffer): string {
  const end = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = docx.readUInt16LE(end + 10);
  let at = docx.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const method = docx.readUInt16LE(at + 10);
    const size = docx.readUInt32LE(at + 20);
    const nameLength = docx.readUInt16LE(at + 28);
    const extra = docx.readUInt16LE(at + 30) + docx.readUInt16LE(at + 32);
    const local = docx.readUInt32LE(at + 42);
    const name = docx.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name === 'word/document.xml') {
      const start = local + 30 + docx.readUInt16LE(local + 26) + docx.readUInt16LE(local + 28);
      const data = docx.subarray(start, start + size);
      const xml = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      return xml.replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').normalize('NFC');
    }
    at += 46 + nameLength + extra;
  }
  throw new Error('no word/document.xml in the .docx');
}

/** Clicks a download link and returns what came down. */
async function download(page: Page, testId: string): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), content: Buffer.concat(chunks) };
}

const today = () => {
  const [y, m, d] = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};
// A PDF as the scanner gives it, small: the server checks the content, not the name.
const SIGNED_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('staff handle difficulties and recommendations', () => {
  it('record for three cooperatives, group, send by letter, record the answer, close; on a phone too', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const desk = await signedIn(staff, DESKTOP);
    const page = desk.page;

    // 1. The agencies: none yet, the usual list of the province in one click.
    await page.goto(`${journey.baseUrl}/agencies`);
    await page.getByText('Chưa có cơ quan nào.').waitFor();
    await page.getByTestId('agency-defaults').click();
    await page.getByText(/Đã thêm \d+ cơ quan\./).waitFor();
    await page.locator('tr.ant-table-row', { hasText: 'Agribank' }).waitFor();
    expect(await page.getByTestId('agency-defaults').count()).toBe(0);

    // 2. From the menu, record one difficulty raised at a conference by the three cooperatives.
    await page.getByRole('menuitem', { name: 'Khó khăn, kiến nghị' }).click();
    await page.waitForURL(/\/difficulties$/);
    await page.getByRole('heading', { level: 1, name: 'Khó khăn, vướng mắc, kiến nghị' }).waitFor();
    await page.getByTestId('new-difficulties').click();
    await page.waitForURL(/\/difficulties\/new$/);
    for (const name of COOPERATIVES) {
      await search(page, '#organisationIds', name.split(' ').slice(-2).join(' '), name);
    }
    expect(await page.getByTestId('picked-row').count()).toBe(3);
    // Nothing typed yet: each missing field is named in words.
    await page.getByTestId('save-difficulties').click();
    await page.getByText('Nhập tiêu đề.').waitFor();
    await page.getByText('Nhập nội dung.').waitFor();
    await choose(page, '#channel', 'Hội nghị đối thoại');
    await page.locator('#occasion').fill('Hội nghị đối thoại với doanh nghiệp, hợp tác xã quý IV');
    await choose(page, '#category', 'Vốn, tín dụng');
    await page.locator('#title').fill(TITLE);
    await page.locator('#description').fill('Các hợp tác xã không có tài sản thế chấp nên không vay được vốn ưu đãi để mua máy móc, mở rộng sản xuất.');
    await choose(page, '#publicConsent', 'Công khai, ẩn tên HTX');
    await page.getByTestId('save-difficulties').click();
    await page.getByText('Đã ghi nhận 3 khó khăn.').waitFor();
    await page.waitForURL(/\/difficulties$/);
    const rows = page.locator('tr.ant-table-row', { hasText: TITLE });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('count-received').innerText()).toBe('Đã tiếp nhận (3)');
    const firstRow = await rows.first().innerText();
    expect(firstRow).toMatch(/\d{4}-\d{4}/);
    expect(firstRow).toContain('Vốn, tín dụng');
    expect(firstRow).toContain('Đã tiếp nhận');
    await screenshot(page, 'difficulties-queue-1366');

    // 3. The three grouped into one recommendation draft.
    for (const name of COOPERATIVES) await page.locator('tr.ant-table-row', { hasText: name }).locator('input[type=checkbox]').check();
    await page.getByTestId('group-selected').click();
    const group = page.locator('.ant-modal', { hasText: 'Gộp 3 khó khăn thành một kiến nghị' });
    await group.locator('#group-subject').fill(SUBJECT);
    await group.getByRole('button', { name: 'Gộp thành kiến nghị' }).click();
    await page.waitForURL(/\/recommendations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const grouped = page.getByTestId('recommendation-difficulties');
    for (const name of COOPERATIVES) await grouped.getByText(name).waitFor();

    // 4. The draft names its agency, and its letter comes down as a .docx with the number left blank.
    await search(page, '#draft-agency', 'Nông nghiệp và Phát triển');
    await page.getByTestId('save-draft').click();
    await page.getByText('Đã lưu dự thảo.').waitFor();
    const draft = await download(page, 'download-letter');
    expect(draft.name).toMatch(/\.docx$/);
    expect(draft.content.subarray(0, 2).toString()).toBe('PK');
    const draftText = docxText(draft.content);
    expect(draftText).toContain('Số:');
    expect(draftText).not.toMatch(/Số:\s*1\//);
    expect(draftText).toContain('tháo gỡ khó khăn tiếp cận vốn vay');

    // 5. Sent: the due date is prefilled from the working-day calendar, the number given by the server.
    await page.getByTestId('forward').click();
    const forward = page.locator('.ant-modal', { hasText: 'Gửi công văn kiến nghị' });
    await expect.poll(() => forward.locator('#forward-due').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await forward.locator('#forward-date').inputValue()).toBe(today());
    await forward.getByRole('button', { name: 'Gửi công văn' }).click();
    await page.getByText(/Đã gửi công văn số \d+\/LMHTX-VP\./).waitFor();
    const number = (await page.getByTestId('letter-number').innerText()).trim();
    expect(number).toMatch(/^\d+\/LMHTX-VP$/);
    await page.getByTestId('difficulty-state').filter({ hasText: 'Đã gửi' }).first().waitFor();
    const letter = await download(page, 'download-letter');
    expect(letter.name).toMatch(/\.docx$/);
    const letterText = docxText(letter.content);
    expect(letterText).toContain(number.split('/')[0]!);
    expect(letterText).toContain('LMHTX-VP');
    for (const name of COOPERATIVES) expect(letterText).toContain(name);

    // 6. The signed scan attached, listed for download.
    await page.locator('input[type=file]').setInputFiles({ name: 'cong-van-da-ky.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
    await page.getByText('Đã đính kèm cong-van-da-ky.pdf.').waitFor();
    await page.getByTestId('file-list').getByText('cong-van-da-ky.pdf').waitFor();

    // 7. The agency's answer recorded: missing fields are named, then the recommendation is answered.
    await page.getByTestId('record-answer').click();
    const answer = page.locator('.ant-modal', { hasText: 'Ghi nhận trả lời của cơ quan' });
    await answer.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
    await answer.getByText('Nhập số công văn trả lời.').waitFor();
    await answer.locator('#answer-number').fill('215/NHNo-KHDN');
    await typeDate(page, 'answer-date', today());
    await answer.locator('#answer-content').fill(ANSWER);
    await answer.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
    await page.getByText('Đã ghi nhận trả lời.').waitFor();
    await page.getByTestId('recommendation-answers').getByText(ANSWER).waitFor();
    await page.locator('.ant-card-extra').getByText('Đã có trả lời').waitFor();
    expect(await page.getByTestId('record-answer').count()).toBe(0);
    await screenshot(page, 'recommendation-answered-1366', true);

    // 8. One difficulty, answered by the agency, is closed as resolved.
    await page.getByTestId('recommendation-difficulties').locator('tr.ant-table-row', { hasText: COOPERATIVES[0]! }).getByRole('link').click();
    await page.waitForURL(/\/difficulties\/[0-9a-f-]{36}$/);
    await page.getByTestId('difficulty-answers').getByText(ANSWER).waitFor();
    await page.getByTestId('difficulty-recommendation').getByText(number, { exact: false }).waitFor();
    expect(await page.getByTestId('answer-form').count()).toBe(0);
    await choose(page, '#close-outcome', 'Đã giải quyết');
    await page.getByTestId('close-difficulty').click();
    await page.getByText('Đã kết thúc.').waitFor();
    await page.getByTestId('difficulty-outcome').getByText('Đã giải quyết').waitFor();
    await page.getByTestId('difficulty-history').getByText('Kết thúc').waitFor();
    expect(await page.getByTestId('close-form').count()).toBe(0);
    expect(desk.problems).toEqual([]);

    // 9. On a phone: the queue without sideways scrolling; another difficulty closed as rejected needs a reason.
    const phone = await signedIn(staff, PHONE);
    await phone.page.goto(`${journey.baseUrl}/difficulties?state=answered`);
    await phone.page.getByTestId('count-answered').filter({ hasText: 'Đã trả lời (2)' }).waitFor();
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await phone.page.locator('tr.ant-table-row', { hasText: COOPERATIVES[1]! }).getByRole('link', { name: TITLE }).click();
    await phone.page.waitForURL(/\/difficulties\/[0-9a-f-]{36}$/);
    await phone.page.getByTestId('difficulty-description').waitFor();
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await choose(phone.page, '#close-outcome', 'Không tiếp nhận');
    await phone.page.getByTestId('close-difficulty').click();
    await phone.page.getByText('Nhập lý do không tiếp nhận.').waitFor();
    await phone.page.locator('#close-reason').fill('Hợp tác xã đã giải thể trước khi cơ quan trả lời.');
    await phone.page.getByTestId('close-difficulty').click();
    await phone.page.getByTestId('difficulty-outcome').getByText('Không tiếp nhận').waitFor();
    await screenshot(phone.page, 'difficulty-closed-360', true);
    for (const path of ['/recommendations', '/agencies', '/difficulties/new']) {
      await phone.page.goto(`${journey.baseUrl}${path}`);
      await phone.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await horizontalOverflow(phone.page), path).toBe(0);
    }
    expect(phone.problems).toEqual([]);
  });
});
