/**
 * The cells of an .xlsx read straight from the XML parts that assertSafeZip has already inflated (issue 17):
 * one SAX pass over each part, keeping only the values a registry needs, instead of exceljs building every row,
 * cell and style object of the workbook in memory after unzipping it a second time. It reads what exceljs read:
 * visible sheets in workbook order, shared strings and rich text joined, a formula's cached result (never
 * evaluated), booleans, error values as their text, dates by the cell's number format (1900 or 1904 system),
 * merged cells copying their top-left value to every cell they span. A link is the text of its cell.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell } from './read-sheets.ts';

export type XlsxSheet = { name: string; state: string | undefined; part: string | undefined };
export type XlsxCellRow = { number: number; cells: Cell[]; lastColumn: number; live: boolean };

/** Formats Excel numbers by id without saying so in styles.xml; those that show a date or a time. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** What exceljs took for a date format: a y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** "_x000D_" and the like: characters XML cannot hold, as Excel escapes them in its text. */
const unescapeText = (text: string) => (text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

function parse(xml: Buffer, handlers: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (name: string) => void }): void {
  const parser = new SaxesParser({ position: false });
  if (handlers.open) parser.on('opentag', handlers.open as never);
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(tag.name));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml.toString('utf8')).close();
}

/** Sheets of workbook.xml in their order, with their part from the workbook's relationships; the 1904 date system. */
export function readWorkbook(workbookXml: Buffer, relsXml: Buffer | undefined, workbookPart: string): { sheets: XlsxSheet[]; date1904: boolean } {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const targets = new Map<string, string>();
  if (relsXml) {
    parse(relsXml, {
      open: (tag) => {
        if (tag.name !== 'Relationship' || !tag.attributes.Id || !tag.attributes.Target) return;
        const target = tag.attributes.Target;
        targets.set(tag.attributes.Id, target.startsWith('/') ? target.slice(1) : resolvePart(folder, target));
      },
    });
  }
  const sheets: XlsxSheet[] = [];
  let date1904 = false;
  parse(workbookXml, {
    open: (tag) => {
      if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904));
      if (tag.name === 'sheet') sheets.push({ name: tag.attributes.name ?? '', state: tag.attributes.state, part: targets.get(tag.attributes['r:id'] ?? '') });
    },
  });
  return { sheets, date1904 };
}

function resolvePart(folder: string, target: string): string {
  const parts = (folder + target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

/** The text of every shared string: plain or rich (runs joined), without its phonetic guide. */
export function readSharedStrings(xml: Buffer | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let text: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parse(xml, {
    open: (tag) => {
      if (tag.name === 'si') text = [];
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && !phonetic) inText = true;
    },
    text: (value) => {
      if (inText && text) text.push(value);
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && text) {
        strings.push(unescapeText(text.join('')));
        text = null;
      }
    },
  });
  return strings;
}

/** For each cell format (the `s` of a cell), whether it shows a number as a date. */
export function readDateStyles(xml: Buffer | undefined): boolean[] {
  const dates: boolean[] = [];
  if (!xml) return dates;
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parse(xml, {
    open: (tag) => {
      if (tag.name === 'numFmt') codes.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) formatIds.push(parseInt(tag.attributes.numFmtId ?? '0', 10) || 0);
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of formatIds) dates.push(id !== 0 && (codes.has(id) ? isDateFormat(codes.get(id)) : BUILT_IN_DATE_FORMATS.has(id)));
  return dates;
}

const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** "AB12" → 28 (its column); 0 when the reference has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

const rowOf = (reference: string) => parseInt(reference.replace(/^[A-Za-z]+/, ''), 10);

export type SheetContext = { sharedStrings: string[]; dateStyles: boolean[]; date1904: boolean };

/**
 * The rows of a worksheet as the file holds them (in row order, merged cells filled). A row is `live` when it has
 * a value or a cell exceljs counted (an unformatted empty cell, a merged cell); `lastColumn` is its last cell.
 * `area` is called with the cells a merge spans before they are made, so a huge merge is refused first.
 */
export function readWorksheet(xml: Buffer, context: SheetContext, area: (cells: number) => void): XlsxCellRow[] {
  const rows = new Map<number, XlsxCellRow>();
  const merges: string[] = [];
  let row: XlsxCellRow | null = null;
  let lastRow = 0;
  // the cell being read
  let column = 0;
  let type: string | undefined;
  let style = 0;
  let formula = false;
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let reading: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;

  const numberOrDate = (n: number): Cell => (style > 0 && context.dateStyles[style] ? excelToDate(n, context.date1904) : n);
  const cellValue = (): Cell | undefined => {
    const raw = value?.join('');
    if (formula) {
      if (!raw) return null;
      if (type === 'str') return raw;
      if (type === 'b') return parseInt(raw, 10) !== 0;
      if (type === 'e') return raw;
      return numberOrDate(parseFloat(raw));
    }
    if (type === 'inlineStr') return inline ? unescapeText(inline.join('')) : raw === undefined ? undefined : raw;
    if (raw === undefined) return undefined;
    switch (type) {
      case 's':
        return context.sharedStrings[parseInt(raw, 10)] ?? null;
      case 'str':
        return raw;
      case 'b':
        return parseInt(raw, 10) !== 0;
      case 'e':
        return raw;
      default:
        return numberOrDate(parseFloat(raw));
    }
  };

  parse(xml, {
    open: (tag) => {
      switch (tag.name) {
        case 'row': {
          const number = tag.attributes.r ? parseInt(tag.attributes.r, 10) : lastRow + 1;
          lastRow = number;
          row = rows.get(number) ?? { number, cells: [], lastColumn: 0, live: false };
          rows.set(number, row);
          break;
        }
        case 'c':
          if (!row) break;
          column = tag.attributes.r ? columnOf(tag.attributes.r) : row.lastColumn + 1;
          if (column === 0) column = row.lastColumn + 1;
          type = tag.attributes.t;
          style = tag.attributes.s ? parseInt(tag.attributes.s, 10) || 0 : 0;
          formula = false;
          value = null;
          inline = null;
          break;
        case 'f':
          if (!row) break;
          if (tag.attributes.t) formula = true;
          reading = 'f';
          break;
        case 'v':
          if (!row) break;
          value = [];
          reading = 'v';
          break;
        case 'is':
          if (row) inline = [];
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inline && !phonetic) reading = 't';
          break;
        case 'mergeCell':
          if (tag.attributes.ref) merges.push(tag.attributes.ref);
          break;
        default:
          break;
      }
    },
    text: (text) => {
      if (reading === 'v') value!.push(text);
      else if (reading === 't') inline!.push(text);
      else if (reading === 'f' && text) formula = true;
    },
    close: (name) => {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          reading = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!row) break;
          const cell = cellValue();
          if (column > row.lastColumn) row.lastColumn = column;
          if (cell !== undefined && cell !== null) {
            row.cells[column - 1] = cell;
            row.live = true;
          } else if (cell === null || style === 0) {
            // exceljs kept a formula without a result, and an empty cell without a format, as a cell
            row.live = true;
          }
          break;
        }
        case 'row':
          row = null;
          break;
        default:
          break;
      }
    },
  });

  for (const reference of merges) {
    const [from, to = from] = reference.split(':') as [string, string?];
    const top = rowOf(from);
    const left = columnOf(from);
    const bottom = rowOf(to);
    const right = columnOf(to);
    if (!(top > 0 && left > 0 && bottom >= top && right >= left)) continue;
    area((bottom - top + 1) * (right - left + 1));
    const master = rows.get(top)?.cells[left - 1] ?? null;
    for (let r = top; r <= bottom; r++) {
      let target = rows.get(r);
      if (!target) {
        target = { number: r, cells: [], lastColumn: 0, live: false };
        rows.set(r, target);
      }
      target.live = true;
      if (right > target.lastColumn) target.lastColumn = right;
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        if (master === null) delete target.cells[c - 1];
        else target.cells[c - 1] = master;
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.number - b.number);
}
