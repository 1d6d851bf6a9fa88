/**
 * The letter as a PDF, laid out like the print page: sender block and date on the right,
 * recipient block, body, space to sign, and the sources as numbered notes. pdfkit is pure
 * JavaScript, and PT Serif (SIL Open Font License) is embedded as a subset, so Cyrillic and
 * Latin diacritics print without any font on the reader's machine. This module and its
 * dependencies load only when a PDF is asked for.
 */
import { createRequire } from 'node:module';
import { AppError, EXIT } from '../errors.js';
import { fieldAsNamed, type FieldNamer } from '../request.js';
import type { Letter } from './letter.js';
import { sourceAddress, sourceEntry, sourceLines } from './format.js';
import { ENGLISH_WORDS } from '../pack/words.js';

const require = createRequire(import.meta.url);
const FONT_REGULAR = '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf';
const FONT_NAME = 'PT Serif';

/** The part of fontkit's font that the check needs (pdfkit keeps it as its font's `font`). */
interface GlyphSource {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { glyphs: { id: number }[] };
}

/** Spaces and invisible marks (joiners, variation selectors) print as nothing in any font. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists the variation selectors themselves, each matched alone
const INVISIBLE = /[\s\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/**
 * The characters of `text` the font cannot draw, in order of first use. pdfkit would print them
 * as nothing, and a name or a story would lose letters without a word. A character the font lacks
 * but can build from parts it has (a letter and its accent) is drawn, so it is not counted.
 */
export function missingGlyphs(font: GlyphSource, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of new Set(text)) {
    const code = ch.codePointAt(0) as number;
    if (INVISIBLE.test(ch) || font.hasGlyphForCodePoint(code)) continue;
    if (font.layout(ch).glyphs.some((g) => g.id === 0)) missing.add(ch);
  }
  return [...missing];
}

/** The characters as a message shows them: each with its code, the first ten. */
function listed(chars: string[]): string {
  const shown = chars.slice(0, 10).map((ch) => `"${ch}" (U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`);
  return `${shown.join(', ')}${chars.length > 10 ? ` and ${chars.length - 10} more` : ''}`;
}

const PT = 72 / 25.4; // points per millimetre

/** `names` words the format's field in the refusal's hint as the caller names it (draft: --format). */
export async function letterToPdf(letter: Pick<Letter, 'sections' | 'notes' | 'meta' | 'words'>, names: FieldNamer = fieldAsNamed): Promise<Uint8Array> {
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
  // Checked before a byte is written: a PDF that drops characters is refused, not made.
  const words = letter.words ?? ENGLISH_WORDS;
  const font = (doc as unknown as { _font: { font: GlyphSource } })._font.font;
  const text = [...letter.sections.map((s) => s.text), ...sourceLines(letter.notes, words), words.sources].join('\n').normalize('NFC');
  const missing = missingGlyphs(font, text);
  if (missing.length > 0) {
    throw new AppError(
      `The PDF's font (${FONT_NAME}) has no ${missing.length === 1 ? 'character' : 'characters'} ${listed(missing)}, so the PDF would leave ${missing.length === 1 ? 'it' : 'them'} out; nothing was written.`,
      EXIT.failed,
      `Use ${names('format')} html and print it from your browser, which finds a font for every character (or ${names('format')} text).`,
    );
  }
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const size = 10.5;
  const gap = 0.65 * size;
  doc.fontSize(size).lineGap(1.5);
  // Composed characters: the font has "ä" but not the separate accent of "a" + U+0308.
  const para = (text: string, options: PDFKit.Mixins.TextOptions = {}, after = gap) => {
    doc.text(text.normalize('NFC'), { ...options });
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
    doc
      .moveTo(x, doc.y)
      .lineTo(x + width, doc.y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.y += 4;
    doc.fontSize(8).fillColor('#333333').text(words.sources.toUpperCase(), x, doc.y, { characterSpacing: 0.4 });
    // Each entry with its address in one wrapped paragraph, so the notes keep the letter to a page.
    doc.fontSize(7.5);
    letter.notes.forEach((s, i) =>
      doc.text(`${i + 1}. ${sourceEntry(s, words.titleQuotes)}. ${sourceAddress(s, words.noAddress)}`.normalize('NFC'), { lineGap: 0 }),
    );
  }
  doc.end();
  return done;
}
