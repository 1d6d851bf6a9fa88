/**
 * The letter as a PDF, laid out like the print page: sender block and date on the right,
 * recipient block, body, space to sign, and the sources as numbered notes. pdfkit is pure
 * JavaScript, and PT Serif (SIL Open Font License) is embedded as a subset, so Cyrillic and
 * Latin diacritics print without any font on the reader's machine. This module and its
 * dependencies load only when a PDF is asked for.
 */
import { createRequire } from 'node:module';
import type { Letter } from './render.js';
import { sourceAddress, sourceEntry } from './format.js';

const require = createRequire(import.meta.url);
const FONT_REGULAR = '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf';

const PT = 72 / 25.4; // points per millimetre

export async function letterToPdf(letter: Pick<Letter, 'sections' | 'notes' | 'meta'>): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const letterPaper = letter.meta.paper === 'letter';
  const margins = letterPaper
    ? { top: 0.6 * 72, bottom: 0.55 * 72, left: 0.85 * 72, right: 0.85 * 72 }
    : { top: 18 * PT, bottom: 16 * PT, left: 22 * PT, right: 22 * PT };
  const doc = new PDFDocument({
    size: letterPaper ? 'LETTER' : 'A4',
    margins,
    font: require.resolve(FONT_REGULAR),
    info: {
      Title: letter.meta.subject,
      Subject: letter.meta.subject,
      Creator: 'belarus-letter',
      CreationDate: new Date(`${letter.meta.date}T12:00:00Z`),
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const size = 10.5;
  const gap = 0.65 * size;
  doc.fontSize(size).lineGap(1.5);
  const para = (text: string, options: PDFKit.Mixins.TextOptions = {}, after = gap) => {
    doc.text(text, { ...options });
    doc.y += after;
  };
  for (const section of letter.sections) {
    switch (section.role) {
      case 'sender':
        para(section.text, { align: 'right' }, gap);
        break;
      case 'date':
        para(section.text, { align: 'right' }, 1.4 * gap);
        break;
      case 'recipient':
        para(section.text, {}, 1.6 * gap);
        break;
      case 'signoff':
        doc.y += 0.5 * gap;
        // Room for a handwritten signature below the sign-off.
        para(section.text, {}, 3 * size);
        break;
      default:
        for (const p of section.text.split(/\n{2,}/)) para(p, { align: section.role === 'signature' ? 'left' : 'justify' });
    }
  }
  if (letter.notes.length > 0) {
    doc.y += 0.5 * gap;
    const x = doc.page.margins.left;
    const width = doc.page.width - margins.left - margins.right;
    doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.y += 4;
    doc.fontSize(8).fillColor('#333333').text('SOURCES', x, doc.y, { characterSpacing: 0.4 });
    // Each entry with its address in one wrapped paragraph, so the notes keep the letter to a page.
    doc.fontSize(7.5);
    letter.notes.forEach((s, i) => doc.text(`${i + 1}. ${sourceEntry(s)}. ${sourceAddress(s)}`, { lineGap: 0 }));
  }
  doc.end();
  return done;
}
