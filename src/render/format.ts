/**
 * Output formats. The template renders paragraphs separated by blank lines (already escaped for
 * HTML, Markdown-safe for Markdown); these functions wrap that body and add the Sources section.
 */
import type { Source } from '../pack/schema.js';
import type { LetterFormat } from '../request.js';

export interface CitedSource extends Source {
  dateText?: string;
}

export interface FormatInput {
  body: string;
  sources: CitedSource[];
  format: LetterFormat;
  paper: 'a4' | 'letter';
  language: string;
  title: string;
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
export function plainText(body: string, format: LetterFormat): string {
  if (format === 'html') return htmlUnescape(body);
  if (format === 'markdown') return body.replace(/\\([\\`*_[\]<>|~#+.)-])/g, '$1');
  return body;
}

export function sourceLine(s: CitedSource): string {
  return [s.publisher, `"${s.title}"`, s.dateText].filter(Boolean).join(', ') + (s.url ? ` <${s.url}>` : '');
}

const paragraphs = (body: string) => body.split(/\n{2,}/);

export function formatText(input: FormatInput): string {
  if (input.sources.length === 0) return `${input.body}\n`;
  const list = input.sources.map((s, i) => `${i + 1}. ${sourceLine(s)}`).join('\n');
  return `${input.body}\n\nSources\n${list}\n`;
}

export function formatMarkdown(input: FormatInput): string {
  // Lines inside one paragraph (address blocks, signature) need hard breaks in Markdown.
  const body = paragraphs(input.body)
    .map((p) => p.split('\n').join('\\\n'))
    .join('\n\n');
  if (input.sources.length === 0) return `${body}\n`;
  const list = input.sources
    .map((s, i) => `${i + 1}. ${markdownEscape(sourceLine(s).replace(/ <(.*)>$/, ''))}${s.url ? ` <${s.url}>` : ''}`)
    .join('\n');
  return `${body}\n\n## Sources\n\n${list}\n`;
}

export function formatHtml(input: FormatInput): string {
  const size = input.paper === 'letter' ? 'letter' : 'A4';
  const body = paragraphs(input.body)
    .map((p) => `    <p>${p.split('\n').join('<br>\n      ')}</p>`)
    .join('\n');
  const sources =
    input.sources.length === 0
      ? ''
      : `\n    <section class="sources">\n      <h2>Sources</h2>\n      <ol>\n${input.sources
          .map((s) => {
            const text = htmlEscape([s.publisher, `“${s.title}”`, s.dateText].filter(Boolean).join(', '));
            return `        <li>${text}${s.url ? `, <a href="${htmlEscape(s.url)}">${htmlEscape(s.url)}</a>` : ''}</li>`;
          })
          .join('\n')}\n      </ol>\n    </section>`;
  return `<!doctype html>
<html lang="${htmlEscape(input.language)}">
  <head>
    <meta charset="utf-8">
    <title>${htmlEscape(input.title)}</title>
    <style>
      @page { size: ${size}; margin: 20mm 22mm; }
      body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 42em; margin: 2em auto; padding: 0 1em; }
      p { margin: 0 0 0.9em; }
      .sources { margin-top: 1.6em; font-size: 9pt; color: #333; }
      .sources h2 { font-size: 9pt; margin: 0 0 0.3em; text-transform: uppercase; letter-spacing: 0.05em; }
      .sources ol { margin: 0; padding-left: 1.4em; }
      @media print { body { margin: 0; padding: 0; max-width: none; } }
    </style>
  </head>
  <body>
    <main class="letter">
${body}
    </main>${sources}
  </body>
</html>
`;
}

export function formatLetter(input: FormatInput): string {
  switch (input.format) {
    case 'markdown':
      return formatMarkdown(input);
    case 'html':
      return formatHtml(input);
    default:
      return formatText(input);
  }
}
