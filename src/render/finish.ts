/**
 * Finishing a letter from its template's output: sections tidied, the sections a fit to a web
 * form leaves out dropped, the facts it really states and their sources, its word count and the
 * writer's notes. Formatting (format-letter.ts) comes after.
 */
import type { Pack, PackFact } from '../pack/types.js';
import type { Source } from '../pack/schema.js';
import type { PreparedLetter } from './build-view.js';
import { fieldAsNamed, type FieldNamer } from '../request.js';
import { dateLocale, formatPartialDate } from './dates.js';
import { withDates } from './fact-text.js';
import { fillWord } from '../pack/words.js';
import { plainText, type CitedSource } from './format.js';
import type { FinishedLetter } from './letter.js';
import { joinSections, splitSections } from './sections.js';
import { letterWarnings } from './warnings.js';
import { countWords } from './word-count.js';

const CANADIAN_GAP = /(?:^|[^A-Za-z])[A-Z]{2} {2}[A-Z]\d[A-Z]$/;

/** Trailing spaces gone, at most one blank line between paragraphs, no leading or trailing blank lines. */
export function tidy(text: string): string {
  // Each replace only when needed: bulk tidies every section of every letter.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes(' \n') || out.includes('\t')) out = out.replace(/[ \t]+$/gm, '');
  if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n');
  // A phrasing a letter leaves out (an empty optional sentence) leaves two spaces behind.
  // Canada Post's two spaces between the province and the postal code ("Toronto ON  M5V 2T6") stay.
  if (out.includes('  '))
    out = out.replace(/(\S) {2,}(?=\S)/g, (run, c: string, at: number) => (CANADIAN_GAP.test(out.slice(Math.max(0, at - 2), at + 6)) ? run : `${c} `));
  return out.trim();
}

/** From the template's output to the letter, before it is formatted. */
export function finishLetter(pack: Pack, prepared: PreparedLetter, raw: string, cited: readonly string[], names: FieldNamer = fieldAsNamed): FinishedLetter {
  const { request, trim, bodyFormat, region, recipient, stance, template, packText, factWordings } = prepared;
  const allSections = splitSections(raw, tidy);
  const sections = trim.omit.size > 0 ? allSections.filter((s) => !(s.role && trim.omit.has(s.role))) : allSections;
  // Facts cited only in a dropped section are not the letter's, and neither are their sources.
  const plain = plainText(joinSections(sections), bodyFormat);
  const wordingShown = (id: string) => factWordings(pack.facts.get(id) as PackFact).find((w) => plain.includes(w));
  const stated = cited.flatMap((id) => {
    const wording = wordingShown(id);
    return wording === undefined ? [] : [{ id, wording }];
  });
  const shownCited = stated.map((s) => s.id);
  const sources = sourcesShown(pack, shownCited, dateLocale(pack.language, region.locale));
  const wordCount = countWords(plain);
  const title = fillWord(packText(pack.words.letterTitle), { recipient: packText(recipient.label) });
  return {
    body: plain,
    // A text letter's sections are plain text already.
    sections: bodyFormat === 'text' ? sections : sections.map((s) => ({ ...s, text: plainText(s.text, bodyFormat) })),
    notes: request.sources && !trim.noSources ? sources : [],
    marked: sections,
    title,
    words: pack.words,
    meta: {
      region: region.id,
      recipient: recipient.id,
      stance: stance.id,
      template: template.meta.id,
      format: request.format,
      date: request.date,
      seed: prepared.seed,
      citedFacts: shownCited,
      sources,
      wordCount,
      subject: packText(stance.subject ?? title),
      paper: region.paper,
      warnings: letterWarnings(pack, { request, recipient, region, trim, shownCited, wordCount, stated, text: plain }, names),
    },
  };
}

/** A letter's sources as its region shows them, each once, in the order the letter cites them. */
function sourcesShown(pack: Pack, cited: readonly string[], locale: string): CitedSource[] {
  const sources: CitedSource[] = [];
  const seen = new Set<string>();
  for (const factId of cited) {
    for (const sourceId of (pack.facts.get(factId) as PackFact).sources) {
      if (seen.has(sourceId)) continue;
      seen.add(sourceId);
      const source = pack.sources.get(sourceId) as Source;
      const date = source.date ? formatPartialDate(source.date, locale) : undefined;
      const note = source.note ? withDates(source.note, locale) : undefined;
      sources.push({ ...source, dateText: date && note ? `${date} (${note})` : (date ?? note) });
    }
  }
  return sources;
}
