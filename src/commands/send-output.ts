/**
 * Output that needs more than a string: a PDF (pdfkit, loaded only for a PDF) and the links that open
 * a new message with the letter filled in (--mailto, --webmail). Loaded by draft on demand.
 */
import { listChoices, UsageError } from '../errors.js';
import { emit } from '../io/emit.js';
import { MAILTO_SAFE_LENGTH, mailtoLink, WEBMAIL, webmailLink, type Webmail } from '../render/links.js';
import type { Letter } from '../render/letter.js';
import type { LetterRequest } from '../request.js';
import { optionNames } from '../validate.js';
import { info, note, warn } from '../ui.js';
import { grouped } from '../numbers.js';

/** The options of draft's that this output reads (draft loads this module, so it does not import draft's types). */
export interface SendOutputOptions {
  out?: string;
  force?: boolean;
  mailto?: boolean;
  webmail?: string;
}

function write(data: string | Uint8Array, options: Pick<SendOutputOptions, 'out' | 'force'>, what: string): void {
  const file = emit(data, options, typeof data === 'string' ? 'the link' : 'the PDF');
  if (file) info(`Wrote ${file} (${what}).`);
}

export function linkFor(letter: Letter, request: LetterRequest, options: Pick<SendOutputOptions, 'mailto' | 'webmail'>): string {
  const input = { to: request.recipientEmail, subject: letter.meta.subject, body: letter.text.replace(/\n$/, '') };
  if (options.webmail !== undefined) {
    if (!(WEBMAIL as readonly string[]).includes(options.webmail)) {
      throw new UsageError(`Unknown mail service "${options.webmail}" (--webmail). Choose ${listChoices([...WEBMAIL])}.`);
    }
    return webmailLink(options.webmail as Webmail, input);
  }
  return mailtoLink(input);
}

export async function emitSendOutput(letter: Letter, request: LetterRequest, options: SendOutputOptions): Promise<void> {
  for (const warning of letter.meta.warnings) note(warning);
  if (options.mailto || options.webmail !== undefined) {
    const link = linkFor(letter, request, options);
    if (options.mailto && link.length > MAILTO_SAFE_LENGTH) {
      warn(
        `The mailto: link is ${link.length} characters; some mail clients cut links longer than about ${grouped(MAILTO_SAFE_LENGTH)}. ` +
          'Try --no-sources or --max-chars, or --format eml to open the letter as a message file.',
      );
    }
    write(`${link}\n`, options, `${link.length} characters`);
    return;
  }
  const { letterToPdf } = await import('../render/pdf.js');
  const pdf = await letterToPdf(letter, optionNames);
  write(pdf, options, `${letter.meta.wordCount} words, PDF`);
}
