// The statement files: Vietnamese text kept, nothing a spreadsheet could run as a formula.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Statement } from './statement.service.ts';
import { statementPdf } from './statement.pdf.ts';
import { statementXlsx } from './statement.xlsx.ts';

const statement = {
  fundName: 'Liên minh HTX tỉnh Bắc Ninh',
  asOf: '2025-05-20',
  loan: { code: 'VAY-2025-0001' },
  facts: [['Khách hàng vay', '=HYPERLINK("http://x","Hợp tác xã")'], ['Địa chỉ', '@SUM(A1)'], ['Ghi chú', '-2+3'], ['Nhóm nợ', 'Nhóm 2 – Nợ cần chú ý']],
  schedule: [{ n: 1, dueDate: '2025-02-10', principalDueVnd: '10000000', interestDueVnd: '305753', principalPaidVnd: '10000000', interestPaidVnd: '305753' }],
  disbursements: [{ disbursedOn: '2025-01-10', amountVnd: '30000000', note: '+cmd|calc' }],
  payments: [],
} as unknown as Statement;

describe('statement files', () => {
  it('.xlsx: formula-like text is neutralised, amounts are numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await statementXlsx(statement)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
      expect(cell.formula ?? null).toBeNull();
    })));
    expect(texts).toContain(`'=HYPERLINK("http://x","Hợp tác xã")`);
    expect(texts).toContain("'@SUM(A1)");
    expect(texts).toContain("'-2+3");
    expect(texts).toContain("'+cmd|calc");
    expect(texts.every((t) => !/^[=+\-@]/.test(t))).toBe(true);
    expect(workbook.getWorksheet('Lịch trả nợ')?.getRow(5).getCell(3).value).toBe(10_000_000);
  });

  it('.pdf: a PDF with the font embedded', async () => {
    const pdf = await statementPdf(statement);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
  });
});
