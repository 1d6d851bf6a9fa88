/**
 * The format stage: a finished letter laid out as the request's format asks (plain text,
 * Markdown, a print page in HTML, or an email message). A PDF is laid out later from the text
 * letter (pdf.ts), and so are the links that open a new message (links.ts).
 */
import { UsageError } from '../errors.js';
import type { Pack } from '../pack/types.js';
import { fieldAsNamed, type FieldNamer, type LetterRequest } from '../request.js';
import { buildEml } from './eml.js';
import { formatMarkdown, htmlEscape, sourceLines, textWithSources } from './format.js';
import type { FinishedLetter } from './letter.js';
import { formatPrintHtml } from './print-html.js';
import { joinSections } from './sections.js';

/** The letter's text in its requested format, Sources section included unless it has none. */
export function formatLetter(pack: Pack, request: LetterRequest, letter: FinishedLetter, names: FieldNamer = fieldAsNamed): string {
  const { notes, marked, meta } = letter;
  const { words } = pack;
  const sourceList = notes.length > 0 ? sourceLines(notes, words).join('\n') : '';
  switch (request.format) {
    case 'markdown':
      return formatMarkdown({ body: joinSections(marked), sources: notes, words });
    case 'html':
      return formatPrintHtml({ sections: marked, sources: notes, paper: meta.paper, language: pack.language, title: letter.title, words });
    case 'eml': {
      if (!request.email) {
        throw new UsageError(`${names('format')} eml needs your email address for the From header: add ${names('email')}.`);
      }
      const escaped = letter.sections.map((s) => ({ ...s, text: htmlEscape(s.text) }));
      return buildEml({
        from: { name: request.name, address: request.email, option: names('email'), nameOption: names('name') },
        to: request.recipientEmail
          ? { name: request.recipientName, address: request.recipientEmail, option: names('recipientEmail'), nameOption: names('recipientName') }
          : undefined,
        subject: meta.subject,
        date: request.date,
        text: textWithSources(letter.body, sourceList, words.sources),
        html: formatPrintHtml({ sections: escaped, sources: notes, paper: meta.paper, language: pack.language, title: meta.subject, words }),
      });
    }
    default:
      // Text, and the text a PDF is laid out from (see pdf.ts).
      return textWithSources(joinSections(marked), sourceList, words.sources);
  }
}
