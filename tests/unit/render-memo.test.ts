import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../src/pack/load.js';
import { prepareLetter, render } from '../../src/render/render.js';
import { renderMemoised, shapeKey } from '../../src/render/render-memo.js';
import { NO_TRIM } from '../../src/render/fit.js';
import { isSubstitutable } from '../../src/render/substitutable.js';
import { WRITER_VALUE_PATHS } from '../../src/render/view.js';
import { letterRequestSchema, type LetterRequestInput } from '../../src/request.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();

/** The built-in pack with some partials replaced, unchecked (pack loading would refuse some). */
function withPartials(sources: Record<string, string>): Pack {
  const partials = new Map(pack.partials);
  for (const [name, source] of Object.entries(sources)) {
    partials.set(name, { name, file: `partials/${name}.hbs`, origin: 'test', source, ast: pack.handlebars.parse(source) });
  }
  return { ...pack, partials };
}

/** Text of the kinds sign-up sheets hold: punctuation, accents, Markdown, spaces, line breaks. */
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'Alex Doe', 'Zoë Łukaszewicz', 'O\'Brien & Sons', '*bold* _x_ [link](y) # 1. -', 'Portland, OR', '—', '2025', 'a  b\tc'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const story = fc.oneof(cell, fc.array(cell, { maxLength: 4 }).map((ps) => ps.join('\n\n')), fc.constant('One.\n\n\nTwo.\r\nThree '));
const ALL_IDS = pack.regions.flatMap((r) => r.recipients.flatMap((x) => pack.stances.map((s) => ({ region: r.id, recipient: x.id, stance: s.id }))));

const rowFields = {
  ids: fc.constantFrom(...ALL_IDS),
  name: cell,
  city: cell,
  address: fc.array(cell, { maxLength: 3 }),
  email: fc.constantFrom(undefined, 'a@example.org'),
  recipientName: fc.option(cell, { nil: undefined }),
  recipientTitle: fc.option(fc.constantFrom('Dr', 'Ms', ''), { nil: undefined }),
  recipientAddress: fc.array(cell, { maxLength: 2 }),
  story: fc.option(story, { nil: undefined }),
  seed: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  format: fc.constantFrom('text', 'markdown', 'eml', 'html'),
  date: fc.constantFrom('2026-01-10', '2026-11-25'),
  facts: fc.option(fc.subarray([...pack.facts.keys()], { minLength: 1, maxLength: 3 }), { nil: undefined }),
};
const rows = fc.record(rowFields);
/** Rows from a few of each choice, so many share a shape and differ in little else. */
const kin = fc.constantFrom('Alex Doe', 'Zoë', 'O\'Brien & Sons', '*x*', '');
const narrowRows = fc.record({
  ...rowFields,
  ids: fc.constantFrom(...ALL_IDS.slice(0, 2)),
  name: kin,
  city: kin,
  address: fc.array(kin, { maxLength: 2 }),
  recipientName: fc.option(kin, { nil: undefined }),
  recipientAddress: fc.array(kin, { maxLength: 1 }),
  story: fc.option(fc.constantFrom('Mine.', 'One.\n\nTwo.'), { nil: undefined }),
  seed: fc.constant(undefined),
  format: fc.constantFrom('text', 'markdown'),
  facts: fc.constantFrom<string[] | undefined>(undefined, ['still-imprisoned']),
});

function requestFor({ ids: chosen, ...rest }: typeof rows extends fc.Arbitrary<infer T> ? T : never) {
  const parsed = letterRequestSchema.safeParse({ ...chosen, ...rest } as LetterRequestInput);
  return parsed.success ? parsed.data : undefined;
}

const outcome = (f: () => unknown) => {
  try {
    return { letter: f() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

describe('renderMemoised', () => {
  it('gives exactly the letter render gives, for any rows in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(rows, narrowRows), { minLength: 1, maxLength: 12 }), (batch) => {
        for (const row of batch) {
          const req = requestFor(row);
          if (!req) continue;
          expect(outcome(() => renderMemoised(pack, req))).toEqual(outcome(() => render(pack, req)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('tells letters apart by shape exactly when their views differ in more than the writer\'s values', () => {
    fc.assert(
      fc.property(fc.array(narrowRows, { minLength: 2, maxLength: 60 }), (batch) => {
        const views = new Map<string, string>();
        for (const row of batch) {
          const req = requestFor(row);
          if (!req) continue;
          const prepared = prepareLetter(pack, req, NO_TRIM, (s) => (s ? '\u0004' : ''));
          const key = shapeKey(prepared);
          const view = JSON.stringify(prepared.view);
          expect(views.get(key) ?? view).toBe(view);
          views.set(key, view);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with render for a pack whose templates it cannot reuse, and for one it can', () => {
    const lookInside = withPartials({ signature: '{{sender.name}}{{#if (eq sender.city "Leeds")}} (of Leeds){{/if}}\n{{sender.city}}\n' });
    const edited = withPartials({
      signature: '{{sender.name}}, {{sender.city}}{{#if recipient.title}} (to {{recipient.title}}){{/if}}\n{{#each sender.address}}{{@index}}: {{this}}\n{{/each}}',
    });
    // A {{#section}} inside a phrasing: sections cannot be planned around the phrasings.
    const sectionInPhrasing = withPartials({
      close:
        '{{#variants "close"}}\n{{#variant}}{{#section "close"}}Thanks,  {{sender.name}}.  {{/section}}{{/variant}}\n{{#variant}}{{#section "close"}}\n\n\nWith thanks from {{sender.city}}.{{/section}}{{#section "signoff"}}Yours,{{/section}}{{/variant}}\n{{/variants}}\n{{#section "signature"}}{{> signature}}{{/section}}\n',
    });
    for (const name of ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo']) {
      const req = request({ name });
      expect(renderMemoised(sectionInPhrasing, req)).toEqual(render(sectionInPhrasing, req));
    }
    expect(new Set(['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'].map((name) => render(sectionInPhrasing, request({ name })).meta.wordCount)).size).toBeGreaterThan(1);
    expect(lookInside.templates.map((t) => isSubstitutable(lookInside, t))).toContain(false);
    expect(edited.templates.every((t) => isSubstitutable(edited, t))).toBe(true);
    for (const p of [lookInside, edited]) {
      for (const [city, recipientTitle] of [['Leeds', 'Dr'], ['York', ''], ['Leeds', ''], ['York', 'Ms']]) {
        const req = request({ city, recipientTitle, address: ['1 High St', 'Flat 2'] });
        expect(renderMemoised(p, req)).toEqual(render(p, req));
      }
    }
    expect(renderMemoised(lookInside, request({ city: 'Leeds' })).text).toContain('(of Leeds)');
    expect(renderMemoised(lookInside, request({ city: 'York' })).text).not.toContain('(of Leeds)');
    expect(renderMemoised(edited, request({ recipientTitle: 'Dr' })).text).toContain('Alex Doe, Leeds (to Dr)');
  });

  it('leaves a pack whose own text holds a placeholder character to render', () => {
    const odd = { ...withPartials({ signature: '{{sender.name}}\n{{sender.city}} \u0004\ue000\u0005\n' }) };
    const req = request();
    expect(renderMemoised(odd, req)).toEqual(render(odd, req));
    expect(render(odd, req).text).toContain('Leeds \u0004\ue000\u0005');
  });

  it('reports a template error as render does', () => {
    const broken = withPartials({ close: '{{#variants "close"}}{{#variant}}{{fact "no-such-fact"}}{{/variant}}{{/variants}}\n' });
    const req = request();
    expect(() => render(broken, req)).toThrow(/no-such-fact/);
    expect(() => renderMemoised(broken, req)).toThrow(/no-such-fact/);
  });
});

describe('isSubstitutable', () => {
  const withPartial = (source: string) => {
    const p = withPartials({ signature: source });
    return p.templates.every((t) => isSubstitutable(p, t));
  };

  it('accepts the built-in letter, and templates that only print or test the writer\'s values', () => {
    expect(pack.templates.every((t) => isSubstitutable(pack, t))).toBe(true);
    expect(withPartial('{{#if sender.email}}{{sender.email}}{{else}}{{sender.name}}{{/if}}')).toBe(true);
    expect(withPartial('{{#each recipient.address}}{{#unless @first}}, {{/unless}}{{this}}{{/each}}')).toBe(true);
    expect(withPartial('{{#with sender}}{{name}} of {{city}}{{/with}} {{sender.address.length}}')).toBe(true);
    expect(withPartial('{{@root.story}} {{fact "still-imprisoned"}}')).toBe(true);
  });

  it('refuses templates that pass a writer\'s value to a helper or look inside one', () => {
    expect(withPartial('{{#if (eq sender.city "Leeds")}}x{{/if}}')).toBe(false);
    expect(withPartial('{{fact story}}')).toBe(false);
    expect(withPartial('{{sender.name.length}}')).toBe(false);
    expect(withPartial('{{#each sender.address}}{{this.length}}{{/each}}')).toBe(false);
    expect(withPartial('{{#with sender}}{{#variants name}}{{#variant}}x{{/variant}}{{/variants}}{{/with}}')).toBe(false);
    expect(withPartial('{{#each facts}}{{../sender.name}}{{/each}}')).toBe(false);
    expect(withPartial('{{lookup sender "name"}}')).toBe(false);
    expect(withPartial('{{@letter.seed}}')).toBe(false);
  });

  it('knows every value in the view that comes from the writer', () => {
    // Build a view with every optional value given, marking what passes through writerValue.
    const marked = new Set<string>();
    const req = request({ address: ['1 High St'], postcode: 'LS1 4AB', email: 'a@example.org', recipientTitle: 'Dr', recipientAddress: ['1 Main St'], story: 'Mine.' });
    const { view } = prepareLetter(pack, req, NO_TRIM, (s) => `\u0004${s}`);
    const walk = (value: unknown, path: string[]) => {
      if (typeof value === 'string' && value.startsWith('\u0004')) marked.add(path.join('.'));
      else if (Array.isArray(value)) value.forEach((v) => walk(v, [...path, '*']));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(view, []);
    expect([...marked].sort()).toEqual([...WRITER_VALUE_PATHS].sort());
  });
});
