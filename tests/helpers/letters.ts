/**
 * Seeded letters for the guard tests that read many letters of one region, official and stance:
 * each test asks for the sections it checks, by role, from one shared renderer.
 */
import type { Pack } from '../../src/pack/types.js';
import type { LetterRequestInput } from '../../src/request.js';
import { render } from '../../src/render/render.js';
import { request } from './pack.js';

/** Every region, official and stance the pack serves, as [region, recipient, stance]. */
export const combosOf = (pack: Pack) => pack.regions.flatMap((r) => r.recipients.flatMap((t) => pack.stances.map((s) => [r.id, t.id, s.id] as const)));

export interface SeededLetter {
  /** "region/recipient/stance seed", for a failure message. */
  where: string;
  body: string;
  /** The text of every section with this role, its paragraphs joined by `join`. */
  section: (role: string) => string;
}

/** One letter per seed to a named official ("Ms Jane Smith"), dated 1 December 2026 unless `fields` says otherwise. */
export function lettersBySeed(pack: Pack, seeds: readonly string[], fields: Partial<LetterRequestInput>, join = '\n\n'): SeededLetter[] {
  return seeds.map((seed) => {
    const out = render(pack, request({ date: '2026-12-01', recipientName: 'Jane Smith', recipientTitle: 'Ms', ...fields, seed }));
    return {
      where: `${fields.region}/${fields.recipient}/${fields.stance} ${seed}`,
      body: out.body,
      section: (role) =>
        out.sections
          .filter((s) => s.role === role)
          .map((s) => s.text)
          .join(join),
    };
  });
}
