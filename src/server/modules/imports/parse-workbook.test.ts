import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { matchHeading, capitalScale } from './columns.ts';
import { readRegistryTable } from './parse-workbook.ts';
import { planRows } from './plan-rows.ts';
import { craftZip, generatedRegistry, sampleXlsx } from './test-files.ts';
import { matchKind, matchStatus } from './vocabulary.ts';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function fileError(fileName: string, content: Buffer): Promise<AppError> {
  const error = await readRegistryTable(fileName, content).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('bad_request');
  return error as AppError;
}

async function workbookWith(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('files that are not registry workbooks', () => {
  it('refuses random bytes, an empty file, a truncated zip and an old .xls with a Vietnamese message', async () => {
    expect((await fileError('danh-sach.xlsx', randomBytes(4096))).message).toMatch(/không phải bảng tính \.xlsx hợp lệ/);
    expect((await fileError('danh-sach.xlsx', Buffer.alloc(0))).message).toMatch(/^Tệp rỗng/);
    const sample = sampleXlsx();
    expect((await fileError('cut.xlsx', sample.subarray(0, sample.length / 2))).message).toMatch(/bị cắt cụt|không phải bảng tính/);
    expect((await fileError('cut.xlsx', sample.subarray(0, sample.length - 10))).message).toMatch(/không phải bảng tính/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(512)]);
    expect((await fileError('cu.xls', ole)).message).toMatch(/\.xls.*lưu lại dạng \.xlsx/);
    expect((await fileError('khong-phai.xlsx', craftZip([{ name: 'hello.txt', data: Buffer.from('xin chào') }]))).message).toMatch(/không chứa bảng tính Excel/);
  });

  it('ends any corruption of a workbook in a table or a Vietnamese error, never a crash', async () => {
    const sample = sampleXlsx();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (flips) => {
        const corrupted = Buffer.from(sample);
        for (const [at, byte] of flips) corrupted[at] = byte;
        const outcome = await readRegistryTable('hong.xlsx', corrupted).then(planRows, (e: unknown) => e);
        expect(outcome instanceof AppError || 'rowsInFile' in (outcome as object)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a zip bomb by its declared size, and one that lies about its size while inflating', async () => {
    const declared = craftZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<a/>'), declaredSize: 300 * 1024 * 1024 }]);
    expect((await fileError('bomb.xlsx', declared)).message).toMatch(/300 MB, vượt giới hạn 200 MB/);
    const liar = craftZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredSize: 1000 }]);
    expect((await fileError('liar.xlsx', liar)).message).toMatch(/bom nén/);
  });

  it('refuses a cell longer than 10,000 characters and more than 100,000 data rows', async () => {
    const long = await workbookWith([['Tên HTX', 'Lĩnh vực', 'Ngày thành lập'], ['HTX A', 'Nông nghiệp', 'x'.repeat(10_001)]]);
    expect((await fileError('long.xlsx', long)).message).toBe('Ô C2 dài 10.001 ký tự, vượt giới hạn 10.000 ký tự một ô.');
    const lines = ['Tên HTX,Lĩnh vực,Ngày thành lập'];
    for (let i = 0; i < 100_001; i++) lines.push(`HTX ${i},Nông nghiệp,2020`);
    expect((await fileError('many.csv', csv(lines.join('\n')))).message).toMatch(/hơn 100\.000 dòng dữ liệu/);
  });

  it('explains a missing heading row or a missing required column', async () => {
    expect((await fileError('x.csv', csv('a,b,c\n1,2,3\n'))).message).toMatch(/Không tìm thấy dòng tiêu đề/);
    expect((await fileError('x.csv', csv('Tên HTX,Mã số HTX,Tình trạng\nHTX A,2401025125,Đang hoạt động\n'))).message).toMatch(
      /thiếu cột "Lĩnh vực hoạt động", "Ngày thành lập"/,
    );
    expect((await fileError('x.csv', Buffer.from([0x54, 0xe9, 0x6e, 0x0a]))).message).toMatch(/UTF-8/);
  });
});

describe('reading the layout', () => {
  it('finds the heading by its text, skips the column numbers, stops at the signatures', async () => {
    const table = await readRegistryTable('sample-registry.xlsx', sampleXlsx());
    expect(table).toMatchObject({ headerRow: 4, capitalScale: 6, format: 'xlsx' });
    expect(table.rows[0]!.row).toBe(6);
    expect(table.rows.at(-1)!.row).toBe(247);
    expect(table.rows).toHaveLength(242);
  });

  it('accepts other spellings of the headings, a semicolon CSV and capital in whole đồng', async () => {
    const text = [
      'DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ;;;;;',
      '',
      'TT;TÊN TỔ CHỨC;Mã số thuế;Lĩnh vực;Năm thành lập;Vốn điều lệ (đồng);Trạng thái;Loại hình',
      '1;Liên hiệp HTX Chè Yên Thế;2401025125;Nông nghiệp;2015;1.300.500.000;Tạm ngừng kinh doanh;',
      '2;Quỹ tín dụng nhân dân Cao Xá;2401009691;QTDND;05-10-2008;2.000.000.000;Bị thu hồi GCN;Quỹ tín dụng',
      ';;;;;',
      ';Thủ trưởng đơn vị;;;;',
    ].join('\r\n');
    const plan = planRows(await readRegistryTable('ds.csv', csv(text)));
    expect(plan.rowsInFile).toBe(2);
    expect(plan.accepted.map((r) => [r.row, r.input.kind, r.input.status, r.input.charterCapitalVnd, r.input.foundedOn])).toEqual([
      [4, 'LHHTX', 'suspended', '1300500000', '2015-01-01'],
      [5, 'QTDND', 'revoked', '2000000000', '2008-10-05'],
    ]);
  });

  it('reads a formula\'s cached result and never evaluates it', async () => {
    const xlsx = await workbookWith([
      ['Tên HTX', 'Lĩnh vực hoạt động', 'Ngày thành lập', 'Vốn điều lệ (triệu đồng)', 'Số thành viên'],
      [{ formula: 'CONCAT("HTX ","Chè")', result: 'HTX Chè' }, 'Nông nghiệp', '1/2/2010', { formula: 'A9*1000', result: 1500 }, { formula: 'NOW()' } as ExcelJS.CellFormulaValue],
    ]);
    const plan = planRows(await readRegistryTable('f.xlsx', xlsx));
    expect(plan.accepted[0]!.input).toMatchObject({ name: 'HTX Chè', charterCapitalVnd: '1500000000', membersOfficial: 0 });
    expect(plan.accepted[0]!.fields.membersOfficial).toBeUndefined();
  });

  it('lands a row with a wrong check digit or an unreadable number, with warnings, and rejects an unknown status', async () => {
    const xlsx = await generatedRegistry(0, [
      [1, 'HTX Sai số', 'HTX', '2401025126', 'Xã Tân Dĩnh', 'Lạng Giang', 'Nông nghiệp', '1/1/2010', '12,3,4', 'nhiều', 'Đang hoạt động'],
      [2, 'HTX Lạ', 'HTX', '2401009691', 'Xã Tân Dĩnh', 'Lạng Giang', 'Nông nghiệp', '1/1/2010', 100, 7, 'Đang ngủ đông'],
      [3, 'HTX Không sổ', 'Hộ kinh doanh', null, 'Xã Tân Dĩnh', 'Lạng Giang', 'Vận tải', '1/1/2010', 100, 7, null],
    ]);
    const plan = planRows(await readRegistryTable('w.xlsx', xlsx));
    expect(plan.accepted.map((r) => r.row)).toEqual([5, 7]);
    expect(plan.accepted[0]!.input.registrationNumber).toBe('2401025126');
    expect(plan.warnings.filter((w) => w.row === 5).map((w) => w.message)).toEqual([
      expect.stringMatching(/^Mã số không hợp lệ: chữ số kiểm tra .* vẫn nhập theo mã số này\.$/),
      expect.stringMatching(/^Vốn điều lệ: .*bỏ qua\.$/),
      expect.stringMatching(/^Cột "Số thành viên": .*bỏ qua\.$/),
    ]);
    expect(plan.rejected).toEqual([{ row: 6, reason: expect.stringMatching(/^Tình trạng "Đang ngủ đông" không nhận ra/) }]);
    expect(plan.accepted[1]!.input).toMatchObject({ kind: 'HTX', status: 'active', sectorCode: 'transport' });
    expect(plan.accepted[1]!.key).toBe('name:htx khong so');
  });
});

describe('vocabulary', () => {
  it('maps statuses, kinds and headings whatever their accents and case', () => {
    const statuses = {
      'Đang hoạt động': 'active', 'hoạt động': 'active', 'Tạm ngừng kinh doanh': 'suspended', 'TẠM NGỪNG': 'suspended',
      'Ngừng hoạt động': 'stopped', 'Không hoạt động tại địa chỉ đăng ký': 'not_at_address', 'Đang giải thể': 'dissolving',
      'Đã giải thể': 'dissolved', 'Bị thu hồi GCN': 'revoked', 'thu hồi': 'revoked', 'Phá sản': 'bankrupt',
      'Chuyển đổi thành doanh nghiệp': 'converted', 'dissolved': 'dissolved',
    };
    for (const [text, code] of Object.entries(statuses)) expect([text, matchStatus(text.normalize('NFD'))]).toEqual([text, code]);
    expect(matchStatus('không rõ')).toBeUndefined();
    expect(['HTX', 'lhhtx', 'Liên hiệp', 'Tổ hợp tác', 'THT', 'QTDND', 'Quỹ tín dụng'].map(matchKind)).toEqual(['HTX', 'LHHTX', 'LHHTX', 'THT', 'THT', 'QTDND', 'QTDND']);
    const headings = {
      STT: 'ordinal', 'Tên HTX': 'name', 'Tên tổ chức': 'name', 'Mã số HTX': 'registrationNumber', 'Mã số thuế': 'registrationNumber',
      'Xã/Phường': 'commune', 'Huyện/TP': 'district', 'Lĩnh vực hoạt động': 'sector', 'Ngày thành lập': 'foundedOn',
      'Vốn điều lệ (triệu đồng)': 'charterCapital', 'Số thành viên': 'members', 'Tình trạng': 'status', 'Ngày giải thể': 'dissolvedOn',
      'Người đại diện': 'representative', 'Họ tên người đại diện': 'representative', 'Điện thoại': 'phone',
    };
    for (const [text, field] of Object.entries(headings)) expect([text, matchHeading(text.toUpperCase())]).toEqual([text, field]);
    expect(['Vốn điều lệ (triệu đồng)', 'Vốn điều lệ (đồng)', 'Vốn điều lệ (VNĐ)', 'Vốn (tỷ đồng)', 'Vốn điều lệ'].map(capitalScale)).toEqual([6, 0, 0, 9, undefined]);
  });
});
