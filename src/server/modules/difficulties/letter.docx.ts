// The official letter forwarding a recommendation, as a .docx (the `docx` package), laid out as Decree
// 30/2020/NĐ-CP, Appendix I asks of an administrative letter (công văn): A4, Times New Roman, margins top and
// bottom 20 mm, left 30 mm, right 15 mm; a borderless two-column heading (issuer with its governing body and the
// number on the left; the national motto and the place and date on the right), the recipient, the body, the
// recipients' list at the bottom left and the signature block on the right.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import { AGENCY_ANSWER_WORKING_DAYS } from './recommendations.schemas.ts';
import { closingParagraph, itemParagraph, numberLine, openingParagraph, placeAndDateLine, recipientsList, subjectLine, type LetterContent } from './letter-text.ts';

export const FONT = 'Times New Roman';
/** Font sizes in half-points (docx's unit): 14 pt for the body, 13 pt and 12 pt where the decree asks. */
export const PT = (points: number) => points * 2;

/** A4 in twips (210 × 297 mm), as Word writes it. */
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The heading's left column (issuer, number) is narrower than the motto's. */
export const LEFT_WIDTH = Math.round(TEXT_WIDTH * 0.42);
export const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;

export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

export type Line = { text: string } & Omit<IRunOptions, 'text'>;

export function line(text: string | Line | Line[], options: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number; before?: number; after?: number; indentFirst?: number } = {}): Paragraph {
  const runs = (typeof text === 'string' ? [{ text }] : [text].flat()).map((r) => new TextRun({ font: FONT, size: PT(options.size ?? 14), ...r }));
  return new Paragraph({
    alignment: options.alignment ?? AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    indent: options.indentFirst ? { firstLine: options.indentFirst } : undefined,
    children: runs,
  });
}

/** A short horizontal rule under a centred line: an empty paragraph with a top border, indented to a third of the column. */
export function shortRule(columnWidth: number, fraction: number): Paragraph {
  const side = Math.round((columnWidth * (1 - fraction)) / 2);
  return new Paragraph({ border: { top: RULE }, indent: { left: side, right: side }, spacing: { before: 0, after: 60 }, children: [] });
}

export function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
}

export function twoColumns(rows: [Paragraph[], Paragraph[]][], widths: [number, number]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(([left, right]) => new TableRow({ children: [cell(widths[0], left), cell(widths[1], right)] })),
  });
}

function heading(content: LetterContent): Table {
  const issuerBlock = [
    ...(content.governingBody ? [line(content.governingBody.toUpperCase(), { size: 13 })] : []),
    line({ text: content.issuer.toUpperCase(), bold: true }, { size: 13 }),
    shortRule(LEFT_WIDTH, 0.35),
  ];
  const motto = [
    line({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }, { size: 13 }),
    line({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true }, { size: 14 }),
    shortRule(RIGHT_WIDTH, 0.6),
  ];
  const numberAndSubject = [line(numberLine(content.letterNumber, content.symbol), { size: 13, before: 60 }), line(subjectLine(content.subject), { size: 12, before: 60 })];
  const placeAndDate = [line({ text: placeAndDateLine(content.place, content.letterDate, content.draftYear), italics: true }, { size: 14, before: 60 })];
  return twoColumns(
    [
      [issuerBlock, motto],
      [numberAndSubject, placeAndDate],
    ],
    [LEFT_WIDTH, RIGHT_WIDTH],
  );
}

function body(content: LetterContent): Paragraph[] {
  const indent = convertMillimetersToTwip(10);
  const justified = { alignment: AlignmentType.JUSTIFIED, indentFirst: indent, after: 120 };
  const paragraphs = [
    line([{ text: 'Kính gửi: ' }, { text: content.agencyName ?? '……………………………………' }], { before: 360, after: 240 }),
    line(openingParagraph(content), justified),
  ];
  content.items.forEach((item, index) => {
    const { heading: itemHeading, content: text } = itemParagraph(item, index);
    paragraphs.push(line({ text: itemHeading, bold: true }, { ...justified, after: 60 }));
    paragraphs.push(line(text, justified));
  });
  paragraphs.push(line(closingParagraph(content, AGENCY_ANSWER_WORKING_DAYS), justified));
  return paragraphs;
}

function signature(content: LetterContent): Table {
  const recipients = [
    line({ text: 'Nơi nhận:', bold: true, italics: true }, { alignment: AlignmentType.LEFT, size: 12, before: 240 }),
    ...recipientsList().map((r) => line(r, { alignment: AlignmentType.LEFT, size: 11 })),
  ];
  const signer = [
    line({ text: (content.signerTitle ?? 'CHỦ TỊCH').toUpperCase(), bold: true }, { before: 240 }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => line('')),
    line({ text: content.signerName ?? '', bold: true }),
  ];
  const half = Math.round(TEXT_WIDTH / 2);
  return twoColumns([[recipients, signer]], [half, TEXT_WIDTH - half]);
}

/** The letter as a .docx file. */
export async function buildLetterDocx(content: LetterContent): Promise<Buffer> {
  const document = new Document({
    creator: content.issuer,
    title: `${subjectLine(content.subject)}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        // From the second page on, its number centred at the top (Decree 30, Appendix I, II.8); none on the first.
        properties: { page: { size: PAGE, margin: MARGIN }, titlePage: true },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: PT(13), children: [PageNumber.CURRENT] })] })] }),
        },
        children: [heading(content), ...body(content), signature(content)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
