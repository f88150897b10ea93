// The official letter: its words (Decree 30/2020's date and number lines), and the .docx the API serves, converted
// by LibreOffice to PDF without error and read back as text with the number, date, subject and cooperatives.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { numberLine, placeAndDateLine, subjectLine } from './letter-text.ts';
import { insertCooperative, insertDifficulty } from './recommendations.test-support.ts';

describe('the words of the heading', () => {
  it('pads a day under 10 and the months 1 and 2 only; a draft leaves blanks', () => {
    expect(placeAndDateLine('Phú Thọ', '2026-03-05', 2026)).toBe('Phú Thọ, ngày 05 tháng 3 năm 2026');
    expect(placeAndDateLine('Phú Thọ', '2026-02-14', 2026)).toBe('Phú Thọ, ngày 14 tháng 02 năm 2026');
    expect(placeAndDateLine('Phú Thọ', '2026-11-20', 2026)).toBe('Phú Thọ, ngày 20 tháng 11 năm 2026');
    expect(placeAndDateLine('Phú Thọ', null, 2026)).toMatch(/^Phú Thọ, ngày\s+tháng\s+năm 2026$/);
    expect(numberLine('125/LMHTX-VP', 'LMHTX-VP')).toBe('Số: 125/LMHTX-VP');
    expect(numberLine(null, 'LMHTX-VP')).toMatch(/^Số:\s{3,}\/LMHTX-VP$/);
    expect(subjectLine('V/v kiến nghị về vốn')).toBe('V/v kiến nghị về vốn');
  });
});

let t: TestApp;
let staff: string;
let dir: string;
const names = ['HTX Chè Long Cốc', 'HTX Bưởi Đoan Hùng', 'HTX Mây tre đan Phúc Hòa'];
let recommendationId: string;
let draftId: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  dir = mkdtempSync(path.join(tmpdir(), 'coop-letter-'));
  const ids: string[] = [];
  for (const name of names) {
    const coop = await insertCooperative(t.database.db, { name });
    ids.push((await insertDifficulty(t.database.db, { organisationId: coop.id, title: `Thiếu vốn lưu động của ${name}`, description: 'Ngân hàng yêu cầu tài sản bảo đảm mà hợp tác xã không có.' })).id);
  }
  const agency = (await t.request({ method: 'POST', url: '/api/agencies', cookie: staff, payload: { name: 'Sở Tài chính tỉnh Bắc Ninh', kind: 'department' } })).json();
  const draft = await t.request({ method: 'POST', url: '/api/recommendations', cookie: staff, payload: { subject: 'Kiến nghị tháo gỡ khó khăn về vốn cho hợp tác xã', category: 'capital_credit', difficultyIds: ids, agencyId: agency.id } });
  recommendationId = draft.json().id;
  const forwarded = await t.request({ method: 'POST', url: `/api/recommendations/${recommendationId}/forward`, cookie: staff, payload: { agencyId: agency.id, letterDate: '2026-03-05', signerName: 'Nguyễn Văn An' } });
  expect(forwarded.statusCode, forwarded.body).toBe(200);
  const other = await insertDifficulty(t.database.db, { organisationId: (await insertCooperative(t.database.db, { name: 'HTX Rau an toàn Đồng Kỳ' })).id });
  draftId = (await t.request({ method: 'POST', url: '/api/recommendations', cookie: staff, payload: { subject: 'Kiến nghị về mặt bằng sản xuất', category: 'land', difficultyIds: [other.id] } })).json().id;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Converts a file with LibreOffice (its own profile, so parallel runs do not clash); the converted file's path. */
function soffice(file: string, format: string): string {
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  return path.join(dir, `${path.basename(file, '.docx')}.${format.split(':')[0]}`);
}

async function download(id: string, name: string): Promise<{ file: string; disposition: string }> {
  const res = await t.request({ url: `/api/recommendations/${id}/letter.docx`, cookie: staff });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  const file = path.join(dir, name);
  writeFileSync(file, res.rawPayload);
  return { file, disposition: String(res.headers['content-disposition']) };
}

describe('the letter of a forwarded recommendation', () => {
  it('converts to PDF with LibreOffice, and its text has the number, date, subject, agency, due date and each cooperative', { timeout: 300_000 }, async () => {
    const { file, disposition } = await download(recommendationId, 'cong-van.docx');
    expect(disposition).toContain('cong-van-1-LMHTX-VP.docx');
    const pdf = readFileSync(soffice(file, 'pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    const text = readFileSync(soffice(file, 'txt:Text (encoded):UTF8'), 'utf8').normalize('NFC');
    for (const words of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'LIÊN MINH HTX TỈNH BẮC NINH',
      'Số: 1/LMHTX-VP',
      'Bắc Ninh, ngày 05 tháng 3 năm 2026',
      'V/v Kiến nghị tháo gỡ khó khăn về vốn cho hợp tác xã',
      'Kính gửi: Sở Tài chính tỉnh Bắc Ninh',
      'trước ngày 26/03/2026',
      'Nơi nhận:',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
      ...names,
      ...names.map((n) => `Thiếu vốn lưu động của ${n}`),
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).toMatch(/kiến nghị số 2026-\d{4}/);
  });

  it('is A4 with the margins of the decree, in Times New Roman, as LibreOffice reads it', { timeout: 300_000 }, async () => {
    const { file } = await download(recommendationId, 'the-thuc.docx');
    const flat = readFileSync(soffice(file, 'fodt'), 'utf8');
    // The page's layout; with a header (the page number), LibreOffice counts the top margin to the header and the
    // header's height after it: the text starts below both, where Word's top margin ends.
    const pageLayout = /<style:page-layout [^>]*>(?:(?!<\/style:page-layout>)[\s\S])*fo:page-width[\s\S]*?<\/style:page-layout>/.exec(flat)?.[0] ?? '';
    const length = (block: string, attribute: string) => {
      const m = new RegExp(`${attribute}="([\\d.]+)(in|cm|mm)"`).exec(block);
      return m ? Number(m[1]) * ({ in: 25.4, cm: 10, mm: 1 } as const)[m[2] as 'in' | 'cm' | 'mm'] : undefined;
    };
    const mm = (attribute: string) => length(pageLayout, attribute) ?? Number.NaN;
    const header = /<style:header-style>\s*<style:header-footer-properties [^>]*>/.exec(pageLayout)?.[0] ?? '';
    expect(Math.round(mm('fo:page-width'))).toBe(210);
    expect(Math.round(mm('fo:page-height'))).toBe(297);
    const textTop = mm('fo:margin-top') + (length(header, 'fo:min-height') ?? 0);
    expect(textTop).toBeGreaterThanOrEqual(19.9);
    expect(textTop).toBeLessThanOrEqual(25.1);
    expect(mm('fo:margin-bottom')).toBeGreaterThanOrEqual(19.9);
    expect(mm('fo:margin-bottom')).toBeLessThanOrEqual(25.1);
    expect(mm('fo:margin-left')).toBeGreaterThanOrEqual(29.9);
    expect(mm('fo:margin-left')).toBeLessThanOrEqual(35.1);
    expect(mm('fo:margin-right')).toBeGreaterThanOrEqual(14.9);
    expect(mm('fo:margin-right')).toBeLessThanOrEqual(20.1);
    expect(flat).toContain('style:font-name="Times New Roman"');
    expect(flat).toContain('fo:font-size="14pt"');
  });

  it('a draft leaves the number and the day blank, and asks for an answer within 15 working days', { timeout: 300_000 }, async () => {
    const { file, disposition } = await download(draftId, 'du-thao.docx');
    expect(disposition).toContain('du-thao-cong-van-');
    const text = readFileSync(soffice(file, 'txt:Text (encoded):UTF8'), 'utf8').normalize('NFC');
    expect(text).toMatch(/Số:\s+\/LMHTX-VP/);
    expect(text).toMatch(/Bắc Ninh, ngày\s+tháng\s+năm \d{4}/);
    expect(text).toContain('Kính gửi: ……');
    expect(text).toContain('trong thời hạn 15 ngày làm việc kể từ ngày nhận được văn bản này');
    expect(text).toContain('HTX Rau an toàn Đồng Kỳ');
  });

  it('is for the alliance\'s staff only', async () => {
    const manager = (await t.signIn('coop_manager')).cookie;
    expect((await t.request({ url: `/api/recommendations/${recommendationId}/letter.docx`, cookie: manager })).statusCode).toBe(403);
    expect((await t.request({ url: `/api/recommendations/${recommendationId}/letter.docx` })).statusCode).toBe(401);
  });
});
