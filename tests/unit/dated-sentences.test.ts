/** The facts-horizon note names the sentences that state releases, relief or sanctions, so the writer knows where to look. */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { datedSentences } from '../../src/render/warnings.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();

describe('the facts-horizon note', () => {
  const letters = [1, 2, 3, 4, 5, 6].flatMap((seed) =>
    (['us', 'eu', 'other'] as const).map((region) =>
      render(
        pack,
        request({ region, recipient: region === 'us' ? 'senator' : region === 'eu' ? 'mep' : 'representative', date: '2026-12-01', seed: String(seed) }),
      ),
    ),
  );

  it('names each sentence by its opening words as the letter has it, at most three, one line each', () => {
    for (const letter of letters) {
      const note = letter.meta.warnings.find((w) => w.startsWith('Facts in this letter go up to')) as string;
      expect(note, letter.body).toBeDefined();
      const [first, ...lines] = note.split('\n');
      // Short, with what to do, and the same whatever the sentences: bulk counts notes by it.
      expect(first).toMatch(/^Facts in this letter go up to [\w ]+ 2026; check its sentences on releases, relief and sanctions before you send it:$/);
      expect(first?.split(' ').length).toBeLessThanOrEqual(22);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines) {
        const m = /^ {2}- "([^"]+?)…?" \((relief|releases|sanctions) as of \S.*\d{4}\)$/.exec(line);
        expect(m, line).not.toBeNull();
        const opening = (m as RegExpExecArray)[1] as string;
        // It opens a sentence of this letter: after a paragraph break or a full stop.
        expect(letter.body, opening).toMatch(new RegExp(`(?:^|\\n|[.!?] )${opening.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      }
    }
  });

  it('gives the same first line to letters that differ only in wording, so bulk counts it once', () => {
    const firsts = new Set(letters.filter((l) => l.meta.region === 'us').map((l) => l.meta.warnings[0]?.split('\n')[0]));
    expect(firsts.size).toBe(1);
  });

  it('says nothing for a letter whose facts are recent', () => {
    const recent = render(pack, request({ region: 'us', recipient: 'senator', date: '2026-04-01' }));
    expect(recent.meta.warnings.filter((w) => w.startsWith('Facts in this letter'))).toEqual([]);
    expect(recent.meta.warnings.every((w) => w.trim() !== '')).toBe(true);
  });

  it('leaves out a count of prisoners (it has its own note) and facts that do not date', () => {
    const text = 'Viasna counted 1,131 political prisoners. In 2020 the OSCE found the election was not free.';
    const stated = [
      { id: 'still-imprisoned', wording: 'Viasna counted 1,131 political prisoners.' },
      { id: 'osce-2020-election', wording: 'In 2020 the OSCE found the election was not free.' },
    ];
    expect(datedSentences(pack, stated, text, 'en-GB')).toEqual([]);
  });

  it('puts the newest claim first and names a sentence once', () => {
    const text = 'On 11 September 2025 Belarus freed 52 prisoners. Later, in March 2026, 250 political prisoners were released.';
    const stated = [
      { id: 'release-sep-2025', wording: 'Belarus freed 52 prisoners.' },
      { id: 'release-mar-2026', wording: '250 political prisoners were released.' },
      { id: 'released-since-sep-2025', wording: '250 political prisoners were released.' },
    ];
    expect(datedSentences(pack, stated, text, 'en-GB')).toEqual([
      '"Later, in March 2026, 250 political…" (releases as of 19 March 2026)',
      '"On 11 September 2025 Belarus freed…" (relief as of 11 September 2025)',
    ]);
  });

  it("reads a German day of the month ('Am 26. Februar') as part of the sentence, not its end", () => {
    const text = 'Das war 2020. Am 26. Februar 2026 hat der Rat die Maßnahmen verlängert.';
    const stated = [{ id: 'release-mar-2026', wording: 'Am 26. Februar 2026 hat der Rat die Maßnahmen verlängert.' }];
    expect(datedSentences(pack, stated, text, 'de-DE')).toEqual(['"Am 26. Februar 2026 hat der…" (releases as of 19 March 2026)']);
  });
});
