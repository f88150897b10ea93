/**
 * The demo province reproduces the seed article's 2023 figures exactly, and the exports carry them: the
 * .xlsx read back through LibreOffice, the PDF read back through its fonts' Unicode maps.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { generateDemoProvince } from '../demo/demo.generator.ts';
import { pdfText, workbookToCsv } from './reports.test-support.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  await generateDemoProvince(t.database.db, { tenantId: TENANT });
  staff = (await t.signIn('alliance_staff')).cookie;
  const plan = await t.request({ method: 'POST', url: '/api/reports/plans', cookie: staff, payload: { year: 2023, indicator: 'newly_established', target: 50 } });
  expect(plan.statusCode, plan.body).toBe(200);
}, 180_000);
afterAll(() => t.close());

const SEED_SENTENCE =
  'Năm 2023, toàn tỉnh có 101 HTX thành lập mới (đạt 202% kế hoạch của năm), nâng tổng số HTX trong toàn tỉnh là 1.116 HTX, ' +
  'trong đó: Lĩnh vực nông nghiệp, lâm nghiệp, thủy sản là 731 HTX (chiếm 65,50%); lĩnh vực phi nông nghiệp là 365 HTX (chiếm 32,71%); ' +
  'Quỹ tín dụng nhân dân là 20 Quỹ (chiếm 1,79%). Tổng vốn điều lệ của các HTX là 2.772 tỷ đồng và số thành viên tham gia HTX là 42.153 người.';

describe('the demo province at 31/12/2023', () => {
  it('gives the seed article\'s figures, with shares that add up to 100.00', async () => {
    const res = await t.request({ url: '/api/reports/annual?year=2023', cookie: staff });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ year: 2023, asOf: '2023-12-31', total: 1116, newlyEstablished: 101, charterCapitalVnd: '2772000000000', members: 42153, frozen: false });
    expect(r.plan).toEqual({ newlyEstablished: 50, percent: 202 });
    expect(r.bySectorGroup.map((g: { count: number; percent: number }) => [g.count, g.percent])).toEqual([[731, 65.5], [365, 32.71], [20, 1.79]]);
    const units = (list: { percent: number }[]) => list.reduce((s, x) => s + Math.round(x.percent * 100), 0);
    expect(units(r.bySector)).toBe(10_000);
    expect(units(r.statusShares)).toBe(10_000);
    expect(r.byArea.reduce((s: number, a: { count: number }) => s + a.count, 0)).toBe(1116);
    expect(r.byCurrentCommune.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(1116);
    expect(r.narrative.startsWith(SEED_SENTENCE)).toBe(true);
  });

  it('draws the dashboard: ten years of new and dissolved organisations, filters', async () => {
    const d = (await t.request({ url: '/api/reports/dashboard?year=2023', cookie: staff })).json();
    expect(d.headline).toMatchObject({ total: 1116, newlyEstablished: 101, plan: { newlyEstablished: 50, percent: 202 } });
    expect(d.trend.map((p: { year: number }) => p.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(d.trend.at(-1)).toMatchObject({ total: 1116, newlyEstablished: 101 });
    expect(d.options.areas.length).toBeGreaterThan(5);
    const funds = (await t.request({ url: '/api/reports/dashboard?year=2023&sectorGroup=credit_fund', cookie: staff })).json();
    expect(funds.headline.total).toBe(20);
    expect(funds.plans).toEqual([]);
    const area = d.byArea[0];
    const inArea = (await t.request({ url: `/api/reports/dashboard?year=2023&area=${encodeURIComponent(area.area)}`, cookie: staff })).json();
    expect(inArea.headline.total).toBe(area.count);
  });

  it('exports one chart\'s data as .xlsx', async () => {
    const res = await t.request({ url: '/api/reports/dashboard/chart.xlsx?year=2023&chart=sectorGroups', cookie: staff });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]!.getSheetValues().flat();
    expect(values).toEqual(expect.arrayContaining(['Nông nghiệp, lâm nghiệp, thủy sản', 731, 65.5, 'Cộng', 1116]));
  });

  it('exports a workbook that LibreOffice opens, with the figures in it', async () => {
    const res = await t.request({ url: '/api/reports/annual.xlsx?year=2023', cookie: staff });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-nam-2023.xlsx');
    const sheets = workbookToCsv(res.rawPayload);
    const main = sheets.get('Báo cáo năm 2023')!;
    expect(main).toContain('Tổng số tổ chức kinh tế tập thể,tổ chức,"1,116",100.00');
    expect(main).toContain('"Nông nghiệp, lâm nghiệp, thủy sản",tổ chức,731,65.50');
    expect(main).toContain('Phi nông nghiệp,tổ chức,365,32.71');
    expect(main).toContain('Quỹ tín dụng nhân dân,tổ chức,20,1.79');
    expect(main).toContain('Thành lập mới trong năm,tổ chức,101');
    expect(main).toContain('Tỷ lệ đạt kế hoạch,%,,202.00');
    expect(main).toContain('Tổng vốn điều lệ,đồng,"2,772,000,000,000"');
    expect(main).toContain('Tổng số thành viên,người,"42,153"');
    expect(main).toContain('1.116 HTX');
    expect(sheets.get('Theo địa bàn')).toMatch(/Cộng,"1,116",101,/);
    expect(sheets.get('Theo xã, phường hiện nay')).toContain('"1,116"');
  }, 180_000);

  it('exports a PDF whose text is the report, in a font with every Vietnamese glyph', async () => {
    const res = await t.request({ url: '/api/reports/annual.pdf?year=2023', cookie: staff });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+Roboto-Regular/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('BÁO CÁO SỐ LIỆU KINH TẾ TẬP THỂ NĂM 2023');
    for (const phrase of ['101 HTX thành lập mới', '(đạt 202% kế hoạch của năm)', '1.116 HTX', 'thủy sản là 731 HTX (chiếm 65,50%)', '2.772 tỷ đồng', '42.153 người', 'Quỹ tín dụng nhân dân']) {
      expect(text).toContain(phrase);
    }
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const list = (await t.request({ url: '/api/cooperatives?pageSize=1', cookie: staff })).json();
    const org = (await t.request({ url: `/api/cooperatives/${list.items[0].id}`, cookie: staff })).json();
    const res = await t.request({ method: 'PATCH', url: `/api/cooperatives/${org.id}`, cookie: staff, payload: { version: org.version, registeredDistrict: '=HYPERLINK("http://evil.example","bấm")' } });
    expect(res.statusCode, res.body).toBe(200);
    const xlsx = await t.request({ url: '/api/reports/annual.xlsx?year=2023', cookie: staff });
    const areas = workbookToCsv(xlsx.rawPayload).get('Theo địa bàn')!;
    expect(areas).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm"")"`);
    expect(areas).not.toMatch(/(^|,)"?=HYPERLINK/m);
  }, 180_000);
});
