/**
 * Deterministic choice of phrasings. The same seed always picks the same wording; different
 * seeds spread evenly over the choices. No Math.random: render stays pure.
 */
import { FILTER_KEYS } from '../pack/template-names.js';
import { fmix32, fnv1a32 } from '../hash.js';

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so nearby seeds scatter. */
export function hash32(text: string): number {
  return fmix32(fnv1a32(text));
}

/** The hash state of a seed, from which each section's pick follows (one pass over the seed). */
export const seedState = (seed: string): number => fnv1a32(`${seed}\u0000`);

/** hash32(`${seed}\u0000${section}`) % count, from the seed's state. */
export function pickFrom(state: number, section: string, count: number): number {
  if (count <= 0) throw new RangeError('nothing to pick from');
  return fmix32(fnv1a32(section, state)) % count;
}

export function pickIndex(seed: string, section: string, count: number): number {
  return pickFrom(seedState(seed), section, count);
}

/** The phrasing (an index into the block's phrasings) a seed picks from those eligible. */
export function chosenVariant(state: number, section: string, eligible: readonly number[]): number {
  return eligible[pickFrom(state, section, eligible.length)] ?? 0;
}

/** The default seed: who writes to whom, so each sender gets their own wording. */
export function defaultSeed(parts: { name: string; city: string; region: string; recipient: string; recipientName?: string; stance: string }): string {
  return [parts.name, parts.city, parts.region, parts.recipient, parts.recipientName ?? '', parts.stance].map((s) => s.toLowerCase()).join('|');
}

export interface VariantFilter {
  stance?: string;
  region?: string;
  recipient?: string;
  locale?: string;
}

export interface RenderIds {
  stance: string;
  region: string;
  recipient: string;
  locale: string;
}

export function hasFilter(filter: VariantFilter): boolean {
  return FILTER_KEYS.some((k) => filter[k] !== undefined);
}

export function matchesFilter(filter: VariantFilter, ids: RenderIds): boolean {
  return FILTER_KEYS.every((k) => {
    const want = filter[k];
    if (want === undefined) return true;
    return want
      .split(',')
      .map((s) => s.trim())
      .includes(ids[k]);
  });
}

/**
 * The phrasings a request may use: those written for it (a filter that matches) if any, else
 * the general ones (no filter). So a stance a campaigner adds falls back to general wording.
 */
export function eligibleVariants(filters: VariantFilter[], ids: RenderIds): number[] {
  const specific = filters.flatMap((f, i) => (hasFilter(f) && matchesFilter(f, ids) ? [i] : []));
  if (specific.length > 0) return specific;
  return filters.flatMap((f, i) => (hasFilter(f) ? [] : [i]));
}
