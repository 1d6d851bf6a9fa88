/**
 * Fitting a letter into a web form's character limit (--max-chars). render() tries the letter
 * whole, then with each step below applied on top of the ones before, and keeps the first that
 * fits, so a letter gives up only what it must. The ask, the opening (which states the ask), the
 * writer's story, the salutation and the signature are never dropped.
 */
import type { SectionRole } from './sections.js';

export interface Trim {
  /** Sections left out of the letter. */
  omit: ReadonlySet<SectionRole>;
  /** Leave out this many facts, the least weighty first (see fact-choice.ts). */
  dropFacts?: number;
  /** Leave out the Sources list. */
  noSources: boolean;
  /** What was dropped, in words, for the note to the writer. */
  dropped: readonly string[];
}

export const NO_TRIM: Trim = { omit: new Set(), noSources: false, dropped: [] };

// Least needed first. The count of those still imprisoned is the weightiest fact (fact-choice.ts),
// so it is the last fact to go, after every fact about releases and after the sources list.
const STEPS: { what: string; apply: (t: Trim) => Omit<Trim, 'dropped'> }[] = [
  // A web form has its own fields for names and addresses.
  { what: 'the address blocks and date', apply: (t) => ({ ...t, omit: new Set([...t.omit, 'sender', 'recipient', 'date']) }) },
  { what: 'one fact', apply: (t) => ({ ...t, dropFacts: 1 }) },
  { what: 'the reason paragraph', apply: (t) => ({ ...t, omit: new Set([...t.omit, 'reason']) }) },
  { what: 'a second fact', apply: (t) => ({ ...t, dropFacts: 2 }) },
  { what: 'a third fact', apply: (t) => ({ ...t, dropFacts: 3 }) },
  { what: 'the sources list', apply: (t) => ({ ...t, noSources: true }) },
  { what: 'the remaining facts', apply: (t) => ({ ...t, dropFacts: 99 }) },
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
