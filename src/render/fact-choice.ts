/**
 * Which facts a letter's facts paragraph states, and in what order. With no facts chosen by the
 * writer, each letter takes its own seeded selection from the stance's list (one release, one
 * fact of context, the count of those still held), so fifty letters to one office do not carry
 * the same paragraph. In a region with lead facts (the relief the United States has already
 * given, the EU's renewal) the letter starts from one of them instead, then the count; a lead
 * tagged "after-release" takes only the context's place, after a release, for a pack whose later
 * sentences speak of "the releases" and so must have said what they were. A writer's own --facts
 * are kept as given. Background (tagged "background", the 2020 election) opens the paragraph.
 */
import { hash32 } from './variation.js';

/** A fact's weight when a letter must be cut to fit (higher stays longer), from its tags. */
export function factWeight(tags: readonly string[]): number {
  if (tags.includes('count')) return 4;
  if (tags.includes('release')) return 3;
  if (tags.includes('relief')) return 2;
  return 1;
}

/**
 * The part of the paragraph a fact fills: a release, then some context, then the count of those
 * still held, which reads as what remains after the releases. A letter states one fact of each
 * part, so it never says the same thing twice (the releases one by one and their total).
 */
type Part = 'release' | 'context' | 'count';
function partOf(tags: readonly string[]): Part {
  if (tags.includes('count')) return 'count';
  if (tags.includes('release')) return 'release';
  return 'context';
}
const PARTS: readonly Part[] = ['release', 'context', 'count'];

export interface FactChoice {
  pool: readonly string[];
  /** Facts a letter of the region starts with, one of them by seed (the relief a government has already given). */
  lead: readonly string[];
  seed: string;
  /** The writer named the facts: keep them all, in their order. */
  chosenByWriter: boolean;
  tagsOf: (id: string) => readonly string[];
  /** When a fact was last known true (its asOf): the paragraph tells events in the order they happened. */
  dateOf?: (id: string) => string;
}

export function chooseFacts({ pool, lead, seed, chosenByWriter, tagsOf, dateOf }: FactChoice): string[] {
  if (chosenByWriter) return [...pool];
  const key = (id: string) => hash32(`${seed}\u0000fact\u0000${id}`);
  // One of the region's lead facts, so that they too differ from letter to letter.
  const leads = [...lead].sort((a, b) => key(a) - key(b)).slice(0, 1);
  // After a lead on relief, another fact about relief would repeat it.
  const leadTags = new Set(leads.flatMap((id) => tagsOf(id)));
  const rest = pool.filter((id) => !lead.includes(id) && !(leadTags.has('relief') && tagsOf(id).includes('relief')));
  const out: string[] = [];
  // The lead takes the release's place and the context's, or, tagged "after-release", only the context's.
  const afterRelease = leads.some((id) => tagsOf(id).includes('after-release'));
  const leadAt: Part | undefined = leads.length === 0 ? undefined : afterRelease ? 'context' : 'release';
  for (const part of PARTS) {
    if (part === leadAt) {
      out.push(...leads);
      continue;
    }
    if (part === 'context' && leads.length > 0) continue;
    const candidates = rest.filter((id) => partOf(tagsOf(id)) === part).sort((a, b) => key(a) - key(b));
    const pick = candidates[0];
    if (pick === undefined) continue;
    // Background (the 2020 election) comes first, as history does: between the releases and the
    // count it would leave "those still held" reading as if it followed 2020.
    if (tagsOf(pick).includes('background')) out.unshift(pick);
    else out.push(pick);
  }
  return dateOf ? inOrderOfDate(out, tagsOf, dateOf) : out;
}

/**
 * The release and the lead told in the order they happened: a March 2026 release stated before
 * the EU's renewal of February 2026 reads as if the Council renewed after it. Ties keep the
 * engine's order (a release, then the relief that followed it); the background stays first and
 * the count of those still held stays last, as what remains after them.
 */
function inOrderOfDate(facts: readonly string[], tagsOf: FactChoice['tagsOf'], dateOf: (id: string) => string): string[] {
  const fixed = (id: string) => tagsOf(id).includes('background') || partOf(tagsOf(id)) === 'count';
  const middle = facts.filter((id) => !fixed(id)).sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
  return [...facts.filter((id) => tagsOf(id).includes('background')), ...middle, ...facts.filter((id) => !tagsOf(id).includes('background') && fixed(id))];
}

/** The facts left after dropping the `drop` lightest (ties: the later one goes first). */
export function dropLightest(facts: readonly string[], drop: number, tagsOf: (id: string) => readonly string[]): string[] {
  if (drop <= 0) return [...facts];
  const byWeight = facts.map((id, i) => ({ id, i, w: factWeight(tagsOf(id)) })).sort((a, b) => a.w - b.w || b.i - a.i);
  const gone = new Set(byWeight.slice(0, drop).map((x) => x.id));
  return facts.filter((id) => !gone.has(id));
}
