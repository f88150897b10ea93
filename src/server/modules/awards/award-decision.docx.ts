// The award decision (Quyết định khen thưởng) as a .docx, in the Decree 30/2020/NĐ-CP layout of an individual
// decision (Appendix I, form 1.4): the heading of difficulties/letter.docx.ts (issuer and number on the left, the
// motto and place-date on the right), the title "QUYẾT ĐỊNH / Về việc tặng …", the grounds, the articles, the
// signature block; the recipients and their cash in a table after Article 1.
import { AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Packer, Table, TableCell, TableLayoutType, TableRow, WidthType, type IBorderOptions } from 'docx';
import { FONT, line, LEFT_WIDTH, MARGIN, PAGE, PT, RIGHT_WIDTH, shortRule, TEXT_WIDTH, twoColumns } from '../difficulties/letter.docx.ts';
import { placeAndDateLine, recipientsList } from '../difficulties/letter-text.ts';
import { formatVnd } from './awards.words.ts';

export type DecisionDocument = {
  issuer: string;
  governingBody: string | null;
  place: string;
  number: string;
  decidedOn: string;
  kindName: string;
  year: number;
  signerName: string;
  signerPosition: string;
  allianceName: string;
  recipients: { recipientKind: string; recipientName: string; personPosition: string | null; organisationName: string | null; cashVnd: number }[];
};

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** "Về việc tặng Bằng khen của Liên minh HTX Việt Nam": the decision's subject. */
export function decisionSubject(kindName: string): string {
  return `Về việc tặng ${kindName}`;
}

function countWords(d: DecisionDocument): string {
  const collectives = d.recipients.filter((r) => r.recipientKind === 'collective').length;
  const individuals = d.recipients.length - collectives;
  return [collectives ? `${collectives} tập thể` : null, individuals ? `${individuals} cá nhân` : null].filter(Boolean).join(' và ');
}

function recipientsTable(d: DecisionDocument): Table {
  const widths = [0.08, 0.42, 0.3, 0.2].map((w) => Math.round(w * TEXT_WIDTH));
  const cell = (text: string, width: number, options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: BORDERS,
      children: [line({ text, bold: options.bold }, { alignment: options.alignment ?? AlignmentType.LEFT, size: 13, before: 40, after: 40 })],
    });
  const header = new TableRow({
    tableHeader: true,
    children: ['TT', 'Tên tập thể, cá nhân', 'Chức vụ, đơn vị', 'Số tiền thưởng'].map((h, i) => cell(h, widths[i]!, { bold: true, alignment: AlignmentType.CENTER })),
  });
  const rows = d.recipients.map(
    (r, i) =>
      new TableRow({
        children: [
          cell(String(i + 1), widths[0]!, { alignment: AlignmentType.CENTER }),
          cell(r.recipientKind === 'individual' ? `Ông (Bà) ${r.recipientName}` : r.recipientName, widths[1]!),
          cell([r.personPosition, r.recipientKind === 'individual' ? r.organisationName : null].filter(Boolean).join(', '), widths[2]!),
          cell(formatVnd(r.cashVnd), widths[3]!, { alignment: AlignmentType.RIGHT }),
        ],
      }),
  );
  const total = d.recipients.reduce((a, r) => a + r.cashVnd, 0);
  const totalRow = new TableRow({
    children: [cell('', widths[0]!), cell('Tổng cộng', widths[1]!, { bold: true }), cell('', widths[2]!), cell(formatVnd(total), widths[3]!, { bold: true, alignment: AlignmentType.RIGHT })],
  });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows, totalRow] });
}

/** The decision as a .docx file. */
export async function buildDecisionDocx(d: DecisionDocument): Promise<Buffer> {
  const indent = convertMillimetersToTwip(10);
  const justified = { alignment: AlignmentType.JUSTIFIED, indentFirst: indent, after: 120 };
  const heading = twoColumns(
    [
      [
        [...(d.governingBody ? [line(d.governingBody.toUpperCase(), { size: 13 })] : []), line({ text: d.issuer.toUpperCase(), bold: true }, { size: 13 }), shortRule(LEFT_WIDTH, 0.35)],
        [line({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }, { size: 13 }), line({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true }), shortRule(RIGHT_WIDTH, 0.6)],
      ],
      [[line(`Số: ${d.number}`, { size: 13, before: 60 })], [line({ text: placeAndDateLine(d.place, d.decidedOn, d.year), italics: true }, { before: 60 })]],
    ],
    [LEFT_WIDTH, RIGHT_WIDTH],
  );
  const total = d.recipients.reduce((a, r) => a + r.cashVnd, 0);
  const body = [
    line({ text: 'QUYẾT ĐỊNH', bold: true }, { before: 360 }),
    line({ text: decisionSubject(d.kindName), bold: true }),
    shortRule(TEXT_WIDTH, 0.2),
    line({ text: d.signerPosition.toUpperCase(), bold: true }, { before: 120, after: 240 }),
    line('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', justified),
    line('Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;', justified),
    line(`Xét đề nghị của Hội đồng Thi đua - Khen thưởng ${d.allianceName},`, justified),
    line({ text: 'QUYẾT ĐỊNH:', bold: true }, { before: 120, after: 120 }),
    line(
      [{ text: 'Điều 1. ', bold: true }, { text: `Tặng ${d.kindName} cho ${countWords(d)} có tên sau đây, đã có thành tích xuất sắc trong phong trào thi đua năm ${d.year}:` }],
      justified,
    ),
  ];
  const after = [
    line(
      [{ text: 'Điều 2. ', bold: true }, { text: `Kèm theo ${d.kindName} là tiền thưởng theo quy định, tổng cộng ${formatVnd(total)}, từ quỹ thi đua, khen thưởng.` }],
      { ...justified, before: 120 },
    ),
    line([{ text: 'Điều 3. ', bold: true }, { text: 'Quyết định này có hiệu lực kể từ ngày ký. Các tập thể, cá nhân có tên tại Điều 1 và các đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.' }], justified),
  ];
  const half = Math.round(TEXT_WIDTH / 2);
  const signature = twoColumns(
    [
      [
        [line({ text: 'Nơi nhận:', bold: true, italics: true }, { alignment: AlignmentType.LEFT, size: 12, before: 240 }), ...['- Như Điều 1;', ...recipientsList().slice(2)].map((r) => line(r, { alignment: AlignmentType.LEFT, size: 11 }))],
        [line({ text: d.signerPosition.toUpperCase(), bold: true }, { before: 240 }), ...Array.from({ length: 4 }, () => line('')), line({ text: d.signerName, bold: true })],
      ],
    ],
    [half, TEXT_WIDTH - half],
  );
  const document = new Document({
    creator: d.issuer,
    title: `Quyết định số ${d.number} ${decisionSubject(d.kindName)}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: [heading, ...body, recipientsTable(d), ...after, signature] }],
  });
  return Packer.toBuffer(document);
}

/** "quyet-dinh-125-QD-UBND.docx". */
export function decisionFileName(number: string): string {
  return `quyet-dinh-${number.replace(/[^\p{L}\d-]+/gu, '-')}.docx`;
}
