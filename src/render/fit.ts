/**
 * Fitting a letter into a web form's character limit (--max-chars). render() tries the letter
 * whole, then with each step below applied on top of the ones before, and keeps the first that
 * fits. The ask, the opening (which states the ask), the writer's story, the salutation and the
 * signature are never dropped; the sources list goes last, since it backs the facts.
 */
import type { SectionRole } from './sections.js';

export interface Trim {
  /** Sections left out of the letter. */
  omit: ReadonlySet<SectionRole>;
  /** At most this many facts in the facts paragraph. */
  maxFacts?: number;
  /** Leave out the Sources list. */
  noSources: boolean;
  /** What was dropped, in words, for the note to the writer. */
  dropped: readonly string[];
}

export const NO_TRIM: Trim = { omit: new Set(), noSources: false, dropped: [] };

const STEPS: { what: string; apply: (t: Trim) => Omit<Trim, 'dropped'> }[] = [
  // A web form has its own fields for names and addresses.
  { what: 'the address blocks and date', apply: (t) => ({ ...t, omit: new Set([...t.omit, 'sender', 'recipient', 'date']) }) },
  { what: 'the reason paragraph', apply: (t) => ({ ...t, omit: new Set([...t.omit, 'reason']) }) },
  { what: 'facts beyond the first', apply: (t) => ({ ...t, maxFacts: 1 }) },
  { what: 'the sources list', apply: (t) => ({ ...t, noSources: true }) },
];

/** Each trim to try, from none to all steps. */
export function trims(): Trim[] {
  const out: Trim[] = [NO_TRIM];
  for (const step of STEPS) {
    const prev = out[out.length - 1] as Trim;
    out.push({ ...step.apply(prev), dropped: [...prev.dropped, step.what] });
  }
  return out;
}

/**
 * Characters as a web form counts them on the server: Unicode characters, with each line break
 * counted as two because browsers submit line breaks as CR LF. The final newline is not counted.
 */
export function formChars(text: string): number {
  const t = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  let n = 0;
  for (const ch of t) n += ch === '\n' ? 2 : 1;
  return n;
}
