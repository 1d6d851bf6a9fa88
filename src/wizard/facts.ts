/** Which facts the wizard offers for a letter, in the order it lists them. */
import type { Pack, PackFact } from '../pack/load.js';
import type { Recipient } from '../pack/schema.js';
import { defaultFacts } from '../render/resolve.js';
import { formatPartialDate } from '../render/dates.js';

/**
 * Every fact a writer may want, the stance's defaults first, medium-confidence ones last. Left
 * out: another region's legal basis (it says nothing to this official), and for a minister their
 * own region's (a minister is asked to decide, not told their own powers).
 */
export function offeredFacts(pack: Pack, regionId: string, recipient: Recipient, stanceId: string): PackFact[] {
  const regionIds = new Set(pack.regions.map((r) => r.id));
  const defaults = defaultFacts(pack, stanceId);
  const relevant = [...pack.facts.values()].filter((fact) => {
    if (fact.id === recipient.basis) return false;
    if (!fact.tags.includes('legal-basis')) return true;
    const regionTags = fact.tags.filter((t) => regionIds.has(t));
    if (regionTags.includes(regionId)) return recipient.constituent;
    return regionTags.length === 0;
  });
  const rank = (f: PackFact) => {
    const i = defaults.indexOf(f.id);
    if (i >= 0) return i;
    return defaults.length + (f.confidence === 'medium' ? 1000 : 0);
  };
  return relevant
    .map((fact, order) => ({ fact, order }))
    .sort((a, b) => rank(a.fact) - rank(b.fact) || a.order - b.order)
    .map((x) => x.fact);
}

/** "Human Rights Watch, 15 December 2025; United Nations, 15 December 2025" for a fact. */
export function factSourceText(pack: Pack, fact: PackFact): string {
  return fact.sources
    .map((id) => {
      const s = pack.sources.get(id);
      if (!s) return id;
      return [s.publisher, s.date ? formatPartialDate(s.date, 'en-GB') : ''].filter(Boolean).join(', ');
    })
    .join('; ');
}
