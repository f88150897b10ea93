// pdfmake, set up once for every PDF the platform writes (annual reports, borrowers' statements).
// Roboto as pdfmake ships it (Apache 2.0) covers every Vietnamese letter with its tones (checked glyph by
// glyph), and it installs with pdfmake, so a clean machine needs no system font.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
};
const allowedFiles = new Set(Object.values(FONTS.Roboto));
pdfmake.setFonts(FONTS);
// A document reads no file but the fonts and no URL, whatever text the registry or a loan holds.
pdfmake.setLocalAccessPolicy((file) => allowedFiles.has(path.resolve(file)));
pdfmake.setUrlAccessPolicy(() => false);

export { pdfmake };

/**
 * A report's PDF as the platform lays them out: A4, a centred title and an italic subtitle, headed sections
 * (style 'heading'), tables whose header cells take style 'head', "Trang n/N" at the foot.
 */
export function reportPdf({ title, subtitle, author, titleSize = 14, content }: { title: string; subtitle: string; author: string; titleSize?: number; content: Content[] }): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: { title, author, creator: 'Nền tảng Liên minh HTX' },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: titleSize, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      subtitle: { italics: true, alignment: 'center', margin: [0, 0, 0, 12] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 6] },
      head: { bold: true, fillColor: '#e8f5e9' },
    },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] }),
    content: [{ text: title, style: 'title' }, { text: subtitle, style: 'subtitle' }, ...content],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
