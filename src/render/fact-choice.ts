/**
 * Which facts a letter's facts paragraph states, and in what order. With no facts chosen by the
 * writer, each letter takes its own seeded selection from the stance's list, so fifty letters to
 * one office do not carry the same paragraph; the region's lead facts (the relief the United
 * States has already given) always come first. Releases come before the count of those still
 * held, which reads as what remains after them. A writer's own --facts are kept as given.
 */
import { hash32 } from './variation.js';

/** How many facts a letter takes from a longer list. */
export const FACTS_PER_LETTER = 3;

/** A fact's weight when a letter must be cut to fit (higher stays longer), from its tags. */
export function factWeight(tags: readonly string[]): number {
  if (tags.includes('prisoners') || tags.includes('count')) return 4;
  if (tags.includes('release')) return 3;
  if (tags.includes('relief')) return 2;
  if (tags.includes('arrests')) return 2;
  return 1;
}

/** Where a fact sits in the paragraph: releases first, the count of those still held last. */
function place(tags: readonly string[]): number {
  if (tags.includes('relief') && !tags.includes('release')) return 0;
  if (tags.includes('release')) return 1;
  if (tags.includes('prisoners') || tags.includes('count')) return 3;
  return 2;
}

export interface FactChoice {
  pool: readonly string[];
  /** Facts every letter of the region starts with (not repeated from the pool). */
  lead: readonly string[];
  seed: string;
  /** The writer named the facts: keep them all, in their order. */
  chosenByWriter: boolean;
  tagsOf: (id: string) => readonly string[];
}

export function chooseFacts({ pool, lead, seed, chosenByWriter, tagsOf }: FactChoice): string[] {
  if (chosenByWriter) return [...pool];
  const rest = pool.filter((id) => !lead.includes(id));
  const key = (id: string) => hash32(`${seed}\u0000fact\u0000${id}`);
  const shuffled = [...rest].sort((a, b) => key(a) - key(b));
  // The weightiest fact (the count of those still held) is in every letter.
  const top = Math.max(0, ...rest.map((id) => factWeight(tagsOf(id))));
  const must = shuffled.filter((id) => factWeight(tagsOf(id)) === top).slice(0, 1);
  const picked = [...must, ...shuffled.filter((id) => !must.includes(id))].slice(0, Math.max(0, FACTS_PER_LETTER - lead.length + (lead.length > 0 ? 1 : 0)));
  const ordered = shuffled.filter((id) => picked.includes(id)).sort((a, b) => place(tagsOf(a)) - place(tagsOf(b)));
  return [...lead, ...ordered];
}

/** The facts left after dropping the `drop` lightest (ties: the later one goes first). */
export function dropLightest(facts: readonly string[], drop: number, tagsOf: (id: string) => readonly string[]): string[] {
  if (drop <= 0) return [...facts];
  const byWeight = facts.map((id, i) => ({ id, i, w: factWeight(tagsOf(id)) })).sort((a, b) => a.w - b.w || b.i - a.i);
  const gone = new Set(byWeight.slice(0, drop).map((x) => x.id));
  return facts.filter((id) => !gone.has(id));
}
