// The pact and its scoreboard as documents (decision 010): the scoreboard as .xlsx (exceljs, scores as numbers)
// and .pdf, the pact itself (its members, criteria and scoring rules) as .pdf and .xlsx.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDateVi } from '../../../shared/dates.ts';
import { reportPdf } from '../../pdf.ts';
import { addTableSheet, newWorkbook, workbookBuffer, type Column } from '../reports/export/xlsx-table.ts';
import type { getPact } from './emulation-pacts.service.ts';
import { NOT_REPORTED, viDecimal, type Scoreboard } from './emulation-scoreboard.ts';

const SCORE_FORMAT = '0.00';
const head = (text: string): TableCell => ({ text, style: 'head' });

function subtitleOf(board: { block: { name: string; headName: string | null; deputyName: string | null }; pact: { signedOn: string | null } }): string {
  const parts = [board.block.name];
  if (board.block.headName) parts.push(`Trưởng khối: ${board.block.headName}`);
  if (board.block.deputyName) parts.push(`Phó khối: ${board.block.deputyName}`);
  if (board.pact.signedOn) parts.push(`Ký ngày ${formatDateVi(board.pact.signedOn)}`);
  return parts.join(' — ');
}

/** The scoreboard as the bytes of an .xlsx file: rank, member, a score per criterion, the total. */
export async function scoreboardXlsx(board: Scoreboard): Promise<Buffer> {
  const title = `Bảng điểm thi đua năm ${board.pact.year}: ${board.pact.title}`;
  const workbook = newWorkbook(title);
  const columns: Column[] = [
    { header: 'Hạng', width: 7, align: 'center' },
    { header: 'Đơn vị', width: 40 },
    ...board.criteria.map((c) => ({ header: `${c.position}. ${c.name} (tối đa ${c.maxPoints})`, width: 18, format: SCORE_FORMAT })),
    { header: `Tổng điểm (tối đa ${board.maxTotal})`, width: 14, format: SCORE_FORMAT },
  ];
  addTableSheet(workbook, 'Bảng điểm', {
    title,
    subtitle: subtitleOf(board),
    columns,
    rows: board.rows.map((r) => [r.rank, r.name, ...r.cells.map((c) => (c.score === null ? NOT_REPORTED : Number(c.score))), Number(r.total)]),
    note: `${board.tieBreakText} ${board.notReportedText}`,
  });
  addTableSheet(workbook, 'Tiêu chí', {
    title: `Tiêu chí và cách chấm điểm — ${board.pact.title}`,
    columns: [{ header: 'TT', width: 5, align: 'center' }, { header: 'Tiêu chí', width: 40 }, { header: 'Cách chấm điểm', width: 70 }],
    rows: board.criteria.map((c) => [c.position, `${c.name} (${c.unit})`, c.ruleText]),
  });
  return workbookBuffer(workbook);
}

/** The scoreboard as the bytes of a PDF. */
export async function scoreboardPdf(board: Scoreboard, alliance: string): Promise<Buffer> {
  const widths = [28, '*', ...board.criteria.map(() => 46), 50];
  return reportPdf({
    title: `BẢNG ĐIỂM THI ĐUA NĂM ${board.pact.year}`,
    subtitle: `${board.pact.title} — ${subtitleOf(board)}`,
    author: alliance,
    content: [
      {
        table: {
          headerRows: 1,
          widths,
          body: [
            [head('Hạng'), head('Đơn vị'), ...board.criteria.map((c) => head(`TC${c.position} (${c.maxPoints})`)), head(`Tổng (${board.maxTotal})`)],
            ...board.rows.map((r) => [
              { text: String(r.rank), alignment: 'center' as const },
              r.name,
              ...r.cells.map((c) => ({ text: c.score === null ? NOT_REPORTED : viDecimal(c.score), alignment: 'right' as const, italics: c.score === null })),
              { text: viDecimal(r.total), alignment: 'right' as const, bold: true },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
      { text: 'Tiêu chí', style: 'heading' },
      ...board.criteria.map((c): Content => ({ text: `TC${c.position}. ${c.name} (${c.unit}): ${c.ruleText}`, fontSize: 9, margin: [0, 0, 0, 3] })),
      { text: `${board.tieBreakText} ${board.notReportedText}`, italics: true, fontSize: 8, margin: [0, 12, 0, 0] },
    ],
  });
}

/** The pact itself (its members, criteria and scoring rules, signing, review minutes) as the bytes of a PDF. */
export async function pactPdf(pact: Awaited<ReturnType<typeof getPact>>, alliance: string): Promise<Buffer> {
  const members = pact.members.map((m, i) => {
    const role = m.id === pact.block.headOrganisationId ? ' (Trưởng khối)' : m.id === pact.block.deputyOrganisationId ? ' (Phó khối)' : '';
    return { text: `${i + 1}. ${m.name}${role}`, fontSize: 9 };
  });
  return reportPdf({
    title: `GIAO ƯỚC THI ĐUA NĂM ${pact.year}`,
    subtitle: `${pact.title} — ${pact.block.name}${pact.signedOn ? ` — ký ngày ${formatDateVi(pact.signedOn)}` : ' — dự thảo'}`,
    author: alliance,
    content: [
      { text: 'Các đơn vị tham gia', style: 'heading' },
      ...members,
      { text: 'Chỉ tiêu, tiêu chí thi đua', style: 'heading' },
      {
        table: {
          headerRows: 1,
          widths: [20, '*', 60, 40, 40, '*'],
          body: [
            [head('TT'), head('Tiêu chí'), head('Chỉ tiêu'), head('Điểm'), head('Tối đa'), head('Cách chấm điểm')],
            ...pact.criteria.map((c) => [String(c.position), c.name, `${viDecimal(c.target)} ${c.unit}`, String(c.points), String(c.maxPoints), c.ruleText]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
      ...(pact.reviewMinutes ? [{ text: 'Biên bản tổng kết', style: 'heading' }, { text: pact.reviewMinutes, fontSize: 9 }] : []),
    ],
  });
}

/** The pact itself as the bytes of an .xlsx file: its criteria (targets as numbers) and its members. */
export async function pactXlsx(pact: Awaited<ReturnType<typeof getPact>>): Promise<Buffer> {
  const title = `Giao ước thi đua năm ${pact.year}: ${pact.title}`;
  const subtitle = `${pact.block.name}${pact.signedOn ? ` — ký ngày ${formatDateVi(pact.signedOn)}` : ' — dự thảo'}`;
  const workbook = newWorkbook(title);
  addTableSheet(workbook, 'Tiêu chí', {
    title,
    subtitle,
    columns: [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Tiêu chí', width: 40 },
      { header: 'Chỉ tiêu', width: 12, format: '#,##0.####' },
      { header: 'Đơn vị tính', width: 12 },
      { header: 'Điểm', width: 8 },
      { header: 'Tối đa', width: 8 },
      { header: 'Cách chấm điểm', width: 70 },
    ],
    rows: pact.criteria.map((c) => [c.position, c.name, Number(c.target), c.unit, c.points, c.maxPoints, c.ruleText]),
  });
  addTableSheet(workbook, 'Đơn vị tham gia', {
    title: `Các đơn vị tham gia — ${pact.block.name}`,
    columns: [{ header: 'TT', width: 5, align: 'center' }, { header: 'Đơn vị', width: 50 }, { header: 'Vai trò', width: 14 }],
    rows: pact.members.map((m, i) => [i + 1, m.name, m.id === pact.block.headOrganisationId ? 'Trưởng khối' : m.id === pact.block.deputyOrganisationId ? 'Phó khối' : '']),
  });
  return workbookBuffer(workbook);
}
