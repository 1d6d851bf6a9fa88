/**
 * Output formats. The template renders paragraphs separated by blank lines (already escaped for
 * HTML, Markdown-safe for Markdown); these functions wrap that body and add the Sources section.
 */
import type { Source } from '../pack/schema.js';
import type { BodyFormat } from '../request.js';
import { ENGLISH_WORDS, fillWord, type Words } from '../pack/words.js';

export interface CitedSource extends Source {
  dateText?: string;
}

export interface FormatInput {
  body: string;
  sources: readonly CitedSource[];
  /** The pack's words for the Sources section; English when left out. */
  words?: Words;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

export function htmlEscape(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c] ?? c);
}

const HTML_UNESCAPES = Object.fromEntries(Object.entries(HTML_ESCAPES).map(([k, v]) => [v, k]));

function htmlUnescape(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (e) => HTML_UNESCAPES[e] ?? e);
}

/** Backslash-escapes what Markdown would read as formatting in a writer's words. */
export function markdownEscape(s: string): string {
  return s
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** The letter body as a person would read it, for counting words and for previews. */
export function plainText(body: string, format: BodyFormat): string {
  if (format === 'html') return htmlUnescape(body);
  if (format === 'markdown') return body.replace(/\\([\\`*_[\]<>|~#+.)-])/g, '$1');
  return body;
}

/**
 * A source as a reader finds it: publisher, the published title in quotes (none when the source
 * has no title of its own), date. The address goes on a line of its own (see sourceLines).
 */
export function sourceEntry(s: CitedSource, quotes: readonly [string, string] = ENGLISH_WORDS.titleQuotes): string {
  return [s.publisher, s.title ? `${quotes[0]}${s.title}${quotes[1]}` : '', s.dateText].filter(Boolean).join(', ');
}

/** The address line of a source: its url, or why it has none, in the pack's words. */
export function sourceAddress(s: Pick<CitedSource, 'url' | 'reason'>, noAddress: string = ENGLISH_WORDS.noAddress): string {
  return s.url && s.url !== 'none' ? s.url : fillWord(noAddress, { reason: s.reason ?? 'none was found' });
}

/** Whether a source has an address a reader can open. */
export const hasAddress = (s: Pick<CitedSource, 'url'>): s is CitedSource & { url: string } => Boolean(s.url) && s.url !== 'none';

const paragraphs = (body: string) => body.split(/\n{2,}/);

/** A text letter from its body and the lines of its Sources section ('' for none). */
export function textWithSources(body: string, lines: string, heading: string = ENGLISH_WORDS.sources): string {
  return lines ? `${body}\n\n${heading}\n${lines}\n` : `${body}\n`;
}

export function formatMarkdown(input: FormatInput): string {
  // Lines inside one paragraph (address blocks, signature) need hard breaks in Markdown.
  const body = paragraphs(input.body)
    .map((p) => p.split('\n').join('\\\n'))
    .join('\n\n');
  if (input.sources.length === 0) return `${body}\n`;
  const words = input.words ?? ENGLISH_WORDS;
  // Markdown's own link syntax; an address with no web page keeps its reason, in words.
  const list = input.sources
    .map(
      (s, i) =>
        `${i + 1}. ${markdownEscape(sourceEntry(s, words.titleQuotes))}${hasAddress(s) ? `: <${s.url}>` : `. ${markdownEscape(sourceAddress(s, words.noAddress))}`}`,
    )
    .join('\n');
  return `${body}\n\n## ${markdownEscape(words.sources)}\n\n${list}\n`;
}

/** The Sources section of a plain-text letter: each entry numbered, its address on the line below. */
export function sourceLines(sources: readonly CitedSource[], words: Words = ENGLISH_WORDS): string[] {
  return sources.flatMap((s, i) => {
    const number = `${i + 1}. `;
    return [`${number}${sourceEntry(s, words.titleQuotes)}`, `${' '.repeat(number.length)}${sourceAddress(s, words.noAddress)}`];
  });
}
