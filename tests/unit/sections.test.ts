import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { eligibleVariants, type VariantFilter } from '../../src/render/variation.js';
import { builtinPack } from '../helpers/pack.js';

const pack = builtinPack();

/** Every {{#variants "name"}} block in the pack, with the filters of its {{#variant}}s. */
function sections(): Map<string, VariantFilter[]> {
  const out = new Map<string, VariantFilter[]>();
  // biome-ignore lint/suspicious/noExplicitAny: walks the Handlebars AST generically, whatever node type
  const walk = (node: any, current?: VariantFilter[]): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'BlockStatement' && node.path.original === 'variants') {
      const list: VariantFilter[] = [];
      out.set(node.params[0].value, list);
      walk(node.program, list);
      return;
    }
    if (node.type === 'BlockStatement' && node.path.original === 'variant' && current) {
      const filter: VariantFilter = {};
      for (const pair of node.hash?.pairs ?? []) (filter as Record<string, string>)[pair.key] = pair.value.value;
      current.push(filter);
    }
    for (const child of node.body ?? []) walk(child, current);
    walk(node.program, current);
    walk(node.inverse, current);
  };
  for (const t of [...pack.partials.values(), ...pack.templates]) walk(Handlebars.parse(t.source));
  return out;
}

describe('phrasings', () => {
  const found = sections();

  it('covers each section of a letter', () => {
    expect([...found.keys()].sort()).toEqual(
      expect.arrayContaining(['intro', 'lead', 'action', 'aim-verb', 'aim-tail', 'aim-again', 'reason-2', 'reply-1', 'reply-2', 'signoff']),
    );
  });

  for (const [name, filters] of found) {
    // A block is a choice: at least two phrasings wherever it is written for the letter. A block
    // written for other officials (a legislator's action) offers a minister only its general
    // fallback, which the letter does not use.
    it(`"${name}" has at least two phrasings for every stance and region it is written for`, () => {
      const general = filters.flatMap((f, i) => (Object.keys(f).length === 0 ? [i] : []));
      const specific = general.length < filters.length;
      for (const region of pack.regions) {
        for (const recipient of region.recipients) {
          for (const stance of pack.stances) {
            const ids = { stance: stance.id, region: region.id, recipient: recipient.id, locale: region.locale };
            const eligible = eligibleVariants(filters, ids);
            if (specific && eligible.every((i) => general.includes(i))) continue;
            expect(eligible.length, `${region.id}/${recipient.id}/${stance.id}`).toBeGreaterThanOrEqual(2);
          }
        }
      }
    });
  }
});
