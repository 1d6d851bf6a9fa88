/**
 * Named sections of a letter. A template marks a part with {{#section "reason"}}…{{/section}};
 * the helper wraps it in control-character markers that no request value can contain (the
 * request schema rejects control characters), and render() splits the output on them. Formats
 * use the roles for layout (address blocks, signature space in print), and --max-chars drops
 * optional roles to fit a web form. Text outside any section is kept as an unnamed section.
 */
import { SECTION_ROLES, type SectionRole } from '../pack/template-names.js';

export type { SectionRole };

export interface LetterSection {
  /** Undefined for text outside any {{#section}}, or under a name this tool does not know. */
  role?: SectionRole;
  text: string;
}

const OPEN = '\u0001';
const NAME_END = '\u0002';
const CLOSE = '\u0003';

export function sectionMarker(role: string, content: string): string {
  return `${OPEN}${role}${NAME_END}${content}${CLOSE}`;
}

const STRAY_MARKER = /[\u0001-\u0003]/;

const isRole = (s: string): s is SectionRole => (SECTION_ROLES as readonly string[]).includes(s);

/**
 * Splits a rendered template into sections, each tidied by `tidy`; empty ones are dropped.
 * Sections do not nest: an inner marker ends up as part of the outer text and is stripped.
 */
export function splitSections(raw: string, tidy: (s: string) => string): LetterSection[] {
  const out: LetterSection[] = [];
  const push = (text: string, role?: string) => {
    const clean = tidy(STRAY_MARKER.test(text) ? text.replace(/[\u0001-\u0003]/g, '') : text);
    if (clean) out.push(role && isRole(role) ? { role, text: clean } : { text: clean });
  };
  const pattern = /\u0001([^\u0002]*)\u0002([\s\S]*?)\u0003/g;
  let last = 0;
  for (const m of raw.matchAll(pattern)) {
    push(raw.slice(last, m.index));
    push(m[2] ?? '', m[1]);
    last = (m.index ?? 0) + m[0].length;
  }
  push(raw.slice(last));
  return out;
}

export const joinSections = (sections: readonly LetterSection[]): string => sections.map((s) => s.text).join('\n\n');
