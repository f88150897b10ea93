// pdfmake, set up once for every PDF the platform writes (annual reports, borrowers' statements).
// Roboto as pdfmake ships it (Apache 2.0) covers every Vietnamese letter with its tones (checked glyph by
// glyph), and it installs with pdfmake, so a clean machine needs no system font.
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

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
