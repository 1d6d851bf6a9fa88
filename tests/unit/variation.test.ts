import { describe, expect, it } from 'vitest';
import { defaultSeed, eligibleVariants, hash32, pickIndex } from '../../src/render/variation.js';
import { loadPack } from '../../src/pack/load.js';
import { render } from '../../src/render/render.js';
import { request, userPack } from '../helpers/pack.js';

describe('variation', () => {
  it('picks the same index for the same seed and section', () => {
    expect(pickIndex('alex|leeds', 'opening', 3)).toBe(pickIndex('alex|leeds', 'opening', 3));
  });

  it('spreads different seeds over every choice', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) seen.add(pickIndex(`sender-${i}`, 'opening', 3));
    expect([...seen].sort()).toEqual([0, 1, 2]);
  });

  it('picks from the hash of seed and section, so wording stays as letters written before got it', () => {
    for (const [seed, section, n] of [
      ['alex doe|leeds|uk|mp||maintain', 'opening', 3],
      ['', 'close', 7],
      ['Zoë|Łódź', 'signoff', 2],
    ] as const) {
      expect(pickIndex(seed, section, n)).toBe(hash32(`${seed}\u0000${section}`) % n);
    }
  });

  it('hashes differently when only the section differs', () => {
    expect(hash32('a\u0000opening')).not.toBe(hash32('a\u0000close'));
  });

  it('derives the default seed from sender and recipient, case-insensitively', () => {
    const base = { name: 'Alex Doe', city: 'Leeds', region: 'uk', recipient: 'mp', stance: 'maintain' };
    expect(defaultSeed(base)).toBe(defaultSeed({ ...base, name: 'ALEX DOE' }));
    expect(defaultSeed(base)).not.toBe(defaultSeed({ ...base, name: 'Sam Lee' }));
  });

  it('prefers phrasings written for the request, else the general ones', () => {
    const ids = { stance: 'maintain', region: 'uk', recipient: 'mp', locale: 'en-GB' };
    const filters = [{}, { stance: 'maintain' }, { stance: 'strengthen' }, { stance: 'maintain,conditional' }];
    expect(eligibleVariants(filters, ids)).toEqual([1, 3]);
    expect(eligibleVariants(filters, { ...ids, stance: 'humanitarian' })).toEqual([0]);
    expect(eligibleVariants([{ locale: 'en-US' }], ids)).toEqual([]);
  });
});

describe('{{#variants}} blocks with literal filters', () => {
  it('pick the same phrasing as blocks whose filters are collected while rendering', () => {
    const phrasings =
      '{{#variant}}One.{{/variant}}{{#variant stance="maintain"}}Two.{{/variant}}{{#variant stance="maintain,strengthen"}}Three.{{/variant}}{{#variant stance="strengthen"}}Four.{{/variant}}';
    const front = (id: string) => `---\nid: ${id}\ndescription: test\nregions: [uk]\nstances: ["*"]\n---\n`;
    const pack = loadPack({
      templatesDir: userPack({
        // Known before rendering: every child is a literal {{#variant}} (see astFor).
        'letters/known.hbs': `${front('known')}{{#variants "x"}}${phrasings}{{/variants}} {{story}}\n`,
        // Not known: the phrasings sit inside an {{#if}}, so the block is run once to collect them.
        'letters/collected.hbs': `${front('collected')}{{#variants "x"}}{{#if sender.name}}${phrasings}{{/if}}{{/variants}} {{story}}\n`,
      }),
    });
    const seen = new Map<string, Set<string>>();
    for (const stance of ['maintain', 'strengthen', 'conditional']) {
      for (let seed = 0; seed < 30; seed++) {
        const known = render(pack, request({ template: 'known', stance, seed: String(seed) })).body;
        const collected = render(pack, request({ template: 'collected', stance, seed: String(seed) })).body;
        expect(known).toBe(collected);
        if (!seen.has(stance)) seen.set(stance, new Set());
        seen.get(stance)?.add(known);
      }
    }
    expect([...(seen.get('maintain') ?? [])].sort()).toEqual(['Three.', 'Two.']);
    expect([...(seen.get('strengthen') ?? [])].sort()).toEqual(['Four.', 'Three.']);
    expect([...(seen.get('conditional') ?? [])]).toEqual(['One.']);
  });

  it('render only the chosen phrasing, with the text and whitespace each phrasing holds', () => {
    // Eleven phrasings (a tree several forks deep), some only text, nested blocks and whitespace
    // inside them, one with an {{else}} that must stay unused, and whitespace between phrasings that
    // renders empty.
    const phrasings = Array.from({ length: 11 }, (_, i) =>
      i === 4
        ? '{{#variant stance="maintain"}}  Four {{#if story}}with {{story}}{{else}}alone{{/if}}.\n{{/variant}}'
        : i % 5 === 1
          ? `{{#variant}} Plain{{! a comment }} text ${i}.\n{{/variant}}`
          : `{{~#variant${i % 3 === 0 ? ' stance="maintain,conditional"' : ''}}} P${i}{{#variants "inner"}}{{#variant}}a{{/variant}}{{#variant}}b{{/variant}}{{/variants}} {{~/variant~}}\n`,
    ).join('');
    const front = (id: string) => `---\nid: ${id}\ndescription: test\nregions: [uk]\nstances: ["*"]\n---\n`;
    const pack = loadPack({
      templatesDir: userPack({
        'letters/known.hbs': `${front('known')}[{{#variants "x"}}\n${phrasings}{{/variants}}]\n`,
        'letters/collected.hbs': `${front('collected')}[{{#variants "x"}}{{#if sender.name}}\n${phrasings}{{/if}}{{/variants}}]\n`,
      }),
    });
    const seen = new Set<string>();
    for (const stance of ['maintain', 'strengthen', 'conditional']) {
      for (let seed = 0; seed < 40; seed++) {
        for (const story of ['', 'my story']) {
          const known = render(pack, request({ template: 'known', stance, seed: String(seed), story })).body;
          expect(known).toBe(render(pack, request({ template: 'collected', stance, seed: String(seed), story })).body);
          seen.add(known.replace(/my story/g, ''));
        }
      }
      const longest = render(pack, request({ template: 'known', stance }), { longest: true }).body;
      expect(longest).toBe(render(pack, request({ template: 'collected', stance }), { longest: true }).body);
    }
    // Every phrasing a stance may use is reached: 4 maintain-only or general ones (0, 3, 6, 9 and 4)
    // with the inner block's two choices, plus the general ones for the others.
    expect(seen.size).toBeGreaterThan(12);
    expect([...seen].some((s) => s.includes('Four with'))).toBe(true);
    expect([...seen].some((s) => s.includes('Plain text 6.'))).toBe(true);
  });

  it('keep the space a lone rendered phrasing starts and ends with, beside a block that strips with ~', () => {
    const front = '---\nid: strip\ndescription: test\nregions: [uk]\nstances: ["*"]\n---\n';
    const pack = loadPack({
      templatesDir: userPack({
        'letters/strip.hbs': `${front}[{{#variants "p"~}}\n{{#variant}} {{story}} end {{/variant~}}\n{{#variant}}{{/variant~}}\n{{~/variants}}]\n`,
      }),
    });
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) seen.add(render(pack, request({ template: 'strip', seed: String(seed), story: 'my story' })).body);
    expect([...seen].sort()).toEqual(['[ my story end ]', '[]']);
  });
});
