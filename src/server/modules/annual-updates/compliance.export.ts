/**
 * The list behind a compliance number, to print and to call down (names, chairs, phone numbers): PDF for the
 * desk, .xlsx for whoever rings round.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { KIND_LABELS, type Kind } from '../../../shared/organisation.ts';
import { pdfmake } from '../../pdf.ts';
import { addTableSheet, newWorkbook, workbookBuffer } from '../reports/export/xlsx-table.ts';
import { UPDATE_STATE_LABELS } from './compliance.ts';
import type { ComplianceList, ComplianceListItem } from './compliance.service.ts';

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant as a Vietnamese reader reads it, in Vietnam time: "15/12/2026 23:59". */
export function formatVietnamTime(iso: string | null): string {
  if (!iso) return '';
  const parts = Object.fromEntries(VIETNAM_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

const stateOf = (item: ComplianceListItem) => {
  const state = UPDATE_STATE_LABELS[item.state] ?? item.state;
  return item.onTime === false ? `${state} (muộn)` : state;
};

/** The list's title lines: what, which year, how many. */
export function listTitles(list: ComplianceList, scopeName: string): { title: string; subtitle: string } {
  return {
    title: `Cập nhật thông tin năm ${list.year}: ${list.label.toLowerCase()}`,
    subtitle: `${scopeName} — hạn nộp 23:59 ngày 15/12/${list.year} — ${list.total} tổ chức`,
  };
}

/** The list as a PDF (A4 landscape, Roboto with every Vietnamese glyph). */
export async function complianceListPdf(list: ComplianceList, scopeName: string): Promise<Buffer> {
  const { title, subtitle } = listTitles(list, scopeName);
  const head = (text: string): TableCell => ({ text, bold: true, fillColor: '#e8f5e9' });
  const body: TableCell[][] = [
    [head('STT'), head('Tên tổ chức'), head('Mã số'), head('Người đại diện'), head('Điện thoại'), head('Email'), head('Xã, phường'), head('Tình trạng'), head('Nộp lần đầu')],
    ...list.items.map((item, i) => [
      { text: String(i + 1), alignment: 'center' as const },
      item.name,
      item.registrationNumber ?? '',
      item.representative ?? '',
      item.phone ?? '',
      item.email ?? '',
      item.communeName,
      stateOf(item),
      formatVietnamTime(item.firstSubmittedAt),
    ]),
  ];
  const content: Content[] = [
    { text: title, fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: subtitle, italics: true, alignment: 'center', margin: [0, 0, 0, 10] },
    list.items.length
      ? { table: { headerRows: 1, widths: [22, '*', 62, 80, 62, 90, 80, 70, 62], body }, layout: 'lightHorizontalLines', fontSize: 8 }
      : { text: 'Không có tổ chức nào.', italics: true },
  ];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 32, 28, 40],
    info: { title, author: scopeName, creator: 'Nền tảng Liên minh HTX' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 8, margin: [0, 12, 0, 0] }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}

/** The list as a workbook, one organisation a row. */
export async function complianceListXlsx(list: ComplianceList, scopeName: string): Promise<Buffer> {
  const { title, subtitle } = listTitles(list, scopeName);
  const workbook = newWorkbook(title);
  addTableSheet(workbook, 'Danh sách', {
    title,
    subtitle,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Tên tổ chức', width: 40 },
      { header: 'Mã số', width: 14 },
      { header: 'Loại hình', width: 18 },
      { header: 'Người đại diện', width: 24 },
      { header: 'Điện thoại', width: 14 },
      { header: 'Email', width: 26 },
      { header: 'Xã, phường', width: 22 },
      { header: 'Tình trạng', width: 24 },
      { header: 'Nộp lần đầu', width: 17 },
      { header: 'Nộp gần nhất', width: 17 },
    ],
    rows: list.items.map((item, i) => [
      i + 1,
      item.name,
      item.registrationNumber,
      KIND_LABELS[item.kind as Kind] ?? item.kind,
      item.representative,
      item.phone,
      item.email,
      item.communeName,
      stateOf(item),
      formatVietnamTime(item.firstSubmittedAt),
      formatVietnamTime(item.submittedAt),
    ]),
  });
  return workbookBuffer(workbook);
}
