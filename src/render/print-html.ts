/**
 * The print-ready HTML page: sender block, date, recipient block, the body, space to sign, and
 * the sources as numbered notes, with @page set to the region's paper (A4, or US Letter in the
 * US and Canada). Section text arrives already HTML-escaped.
 */
import type { LetterSection } from './sections.js';
import { hasAddress, htmlEscape, sourceAddress, sourceEntry, type CitedSource } from './format.js';
import { ENGLISH_WORDS, type Words } from '../pack/words.js';

export interface PrintInput {
  sections: readonly LetterSection[];
  sources: readonly CitedSource[];
  paper: 'a4' | 'letter';
  language: string;
  title: string;
  /** The pack's words for the notes; English when left out. */
  words?: Words;
}

const lines = (text: string, indent: string) => text.split('\n').join(`<br>\n${indent}`);

function sectionHtml(section: LetterSection): string {
  const ind = '      ';
  switch (section.role) {
    case 'sender':
    case 'recipient':
      return `    <address class="${section.role}">\n${ind}${lines(section.text, ind)}\n    </address>`;
    case 'date':
    case 'salutation':
    case 'signoff':
    case 'signature':
      return `    <p class="${section.role}">${lines(section.text, ind)}</p>`;
    default: {
      const cls = section.role ? ` class="${section.role}"` : '';
      return section.text
        .split(/\n{2,}/)
        .map((p) => `    <p${cls}>${lines(p, ind)}</p>`)
        .join('\n');
    }
  }
}

function notesHtml(sources: readonly CitedSource[], words: Words): string {
  if (sources.length === 0) return '';
  const items = sources.map((s) => {
    const text = htmlEscape(sourceEntry(s, words.printTitleQuotes));
    const address = hasAddress(s) ? `<a href="${htmlEscape(s.url)}">${htmlEscape(s.url)}</a>` : htmlEscape(sourceAddress(s, words.noAddress));
    // The address follows the entry in the same line of notes: a Sources list that wraps less keeps the letter to one page.
    return `        <li>${text}. ${address}</li>`;
  });
  return `\n    <section class="notes">\n      <h2>${htmlEscape(words.sources)}</h2>\n      <ol>\n${items.join('\n')}\n      </ol>\n    </section>`;
}

export function formatPrintHtml(input: PrintInput): string {
  const letter = input.paper === 'letter';
  const page = letter ? 'size: letter; margin: 0.6in 0.85in 0.55in;' : 'size: A4; margin: 18mm 22mm 16mm;';
  const body = input.sections.map(sectionHtml).join('\n');
  return `<!doctype html>
<html lang="${htmlEscape(input.language)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${htmlEscape(input.title)}</title>
    <style>
      @page { ${page} }
      body { font: 10.5pt/1.36 "PT Serif", Georgia, "Times New Roman", serif; color: #111; max-width: 40em; margin: 2em auto; padding: 0 1em; }
      p { margin: 0 0 0.65em; orphans: 3; widows: 3; }
      address { font-style: normal; }
      .sender { text-align: right; margin-bottom: 0.6em; }
      .date { text-align: right; margin-bottom: 1em; }
      .recipient { margin-bottom: 1.1em; }
      .signoff { margin: 0.9em 0 0; }
      /* Room for a handwritten signature above the printed name. */
      .signature { margin-top: 3em; }
      .notes { margin-top: 1em; padding-top: 0.3em; border-top: 0.5pt solid #999; font-size: 8pt; line-height: 1.25; color: #333; break-inside: avoid; }
      .notes h2 { font-size: 8pt; margin: 0 0 0.2em; text-transform: uppercase; letter-spacing: 0.05em; }
      .notes ol { margin: 0; padding-left: 1.5em; }
      .notes a { color: inherit; text-decoration: none; overflow-wrap: anywhere; }
      @media print { body { margin: 0; padding: 0; max-width: none; } }
    </style>
  </head>
  <body>
    <main class="letter">
${body}
    </main>${notesHtml(input.sources, input.words ?? ENGLISH_WORDS)}
  </body>
</html>
`;
}
