/** How a user's pack layers over the built-in one: replace by file name, add, merge by id, replace facts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackError } from '../../src/errors.js';
import { builtinPackDir } from '../../src/pack/files.js';
import { loadPack } from '../../src/pack/load.js';
import { render } from '../../src/render/render.js';
import { builtinPack, request, userPack } from '../helpers/pack.js';

const MY_FACTS = `facts:
  - id: my-fact
    text: Our city council passed a motion for the political prisoners of Belarus in March 2026.
    sources: [my-source]
    asOf: 2026-03
    confidence: high
sources:
  - id: my-source
    title: Council minutes, March 2026
    publisher: Leeds City Council
    date: 2026-03-04
    url: https://example.org/council/minutes-2026-03-04
`;

describe('a user file replaces the built-in file of the same name', () => {
  it('replaces a partial, and the letter uses it', () => {
    const dir = userPack({ 'partials/close.hbs': 'Write back soon, please.\n' });
    const pack = loadPack({ templatesDir: dir });
    expect(pack.partials.get('close')?.origin).toBe(dir);
    expect(pack.partials.get('ask')?.origin).toBe('built-in');
    const letter = render(pack, request());
    expect(letter.body).toContain('Write back soon, please.');
    expect(letter.body).not.toContain('I would be grateful for a reply');
  });

  it('replaces a letter template, keeping one template of that id', () => {
    const dir = userPack({
      'letters/letter.hbs': '---\nid: letter\ndescription: mine\n---\n{{recipient.salutation}}\n\nPlease {{stance.ask}}.\n\n{{sender.name}}\n',
    });
    const pack = loadPack({ templatesDir: dir });
    expect(pack.templates.map((t) => [t.meta.id, t.origin])).toEqual([['letter', dir]]);
    expect(render(pack, request()).body).toMatch(/^Dear Jane Smith,\n\nPlease keep the targeted sanctions/);
  });
});

describe('a user pack adds', () => {
  it('templates, partials, regions, recipients, stances and facts, each usable in a letter', () => {
    const dir = userPack({
      'pack.yaml': `regions:
  - id: de
    name: Germany
    locale: de-DE
    recipients:
      - id: mdb
        label: Mitglied des Bundestages
        constituent: true
        salutation: "{{#if name}}Sehr geehrte/r {{name}},{{else}}Sehr geehrte Damen und Herren,{{/if}}"
        address: ["{{name}}", "Deutscher Bundestag", "Platz der Republik 1", "11011 Berlin"]
        action: dies im Bundestag und gegenüber dem Auswärtigen Amt anzusprechen
  - id: uk
    recipients:
      - id: councillor
        label: Local councillor
        salutation: "Dear Councillor{{#if surname}} {{surname}}{{/if}},"
        action: raise this with our MP
stances:
  - id: release-first
    label: Release first
    description: No relief before every political prisoner is free.
    ask: keep every targeted sanction in place until the last political prisoner is free
    facts: [still-imprisoned, my-fact]
`,
      'facts.yaml': MY_FACTS,
      'letters/kurz.hbs':
        '---\nid: kurz\ndescription: Kurzbrief\nregions: [de]\nlanguage: de\n---\n{{recipient.salutation}}\n\n{{> bitte}}\n\n{{#each facts}}{{fact this}} {{/each}}\n\n{{sender.name}}\n',
      'partials/bitte.hbs': 'ich bitte Sie, {{recipient.action}}.',
    });
    const pack = loadPack({ templatesDir: dir });
    expect(pack.regions.map((r) => r.id)).toContain('de');
    expect(pack.regions.find((r) => r.id === 'uk')?.recipients.map((r) => r.id)).toEqual(['mp', 'foreign-secretary', 'councillor']);
    expect(pack.stances.map((s) => s.id)).toEqual(['maintain', 'strengthen', 'conditional', 'release-first']);
    expect(pack.facts.get('my-fact')?.origin).toBe(dir);
    expect(pack.facts.get('still-imprisoned')?.origin).toBe('built-in');

    const de = render(pack, request({ region: 'de', recipient: 'mdb', stance: 'release-first', recipientName: 'Erika Muster' }));
    expect(de.meta.template).toBe('kurz');
    expect(de.body).toMatch(/^Sehr geehrte\/r Erika Muster,\n\nich bitte Sie, dies im Bundestag/);
    expect(de.body).toContain('Our city council passed a motion');
    // The user's fact is grounded like a built-in one: its source is listed.
    expect(de.meta.sources.map((s) => s.id)).toContain('my-source');
    expect(de.text).toMatch(/Sources[\s\S]*Leeds City Council, "Council minutes, March 2026"/);

    // --template cannot send a template to a request it does not say it serves (and was not checked for).
    expect(() => render(pack, request({ template: 'kurz' }))).toThrow(/Template "kurz" \(--template\) does not serve region uk; it serves regions de/);

    const uk = render(pack, request({ recipient: 'councillor', stance: 'release-first' }));
    expect(uk.meta.template).toBe('letter');
    expect(uk.body).toContain('Dear Councillor Smith,');
  });

  it('changes only the fields it gives of an entry with an existing id', () => {
    const dir = userPack({ 'pack.yaml': 'stances:\n  - id: maintain\n    label: Hold the line\n' });
    const pack = loadPack({ templatesDir: dir });
    const maintain = pack.stances.find((s) => s.id === 'maintain');
    const builtin = builtinPack().stances.find((s) => s.id === 'maintain');
    expect(maintain).toEqual({ ...builtin, label: 'Hold the line' });
  });
});

describe('replace: true in a user facts file', () => {
  const builtinFacts = readFileSync(join(builtinPackDir(), 'facts.yaml'), 'utf8');

  it('replaces the built-in facts and sources outright', () => {
    // Every built-in fact but one, plus one of our own: the one left out must be gone.
    const without = builtinFacts.replace(/\n {2}- id: kallas-release-all\n[\s\S]*?\n\n/, '\n');
    expect(without).not.toContain('kallas-release-all');
    const mine =
      `replace: true\n${without.replace(/^sources:\n/m, `sources:\n  - id: my-source\n    title: Council minutes\n    publisher: Leeds City Council\n    url: none\n    reason: printed minutes only\n`)}`.replace(
        /^facts:\n/m,
        'facts:\n  - id: my-fact\n    text: A motion passed in March 2026.\n    sources: [my-source]\n    asOf: 2026-03\n    confidence: high\n',
      );
    const pack = loadPack({ templatesDir: userPack({ 'facts.yaml': mine }) });
    expect(pack.facts.has('kallas-release-all')).toBe(false);
    expect(pack.facts.has('my-fact')).toBe(true);
    expect(pack.facts.size).toBe(builtinPack().facts.size);
    expect([...pack.facts.values()].every((f) => f.origin !== 'built-in')).toBe(true);
  });

  it('then reports every built-in reference to a fact it dropped, with its place', () => {
    let problems: string[] = [];
    try {
      loadPack({ templatesDir: userPack({ 'facts.yaml': `replace: true\n${MY_FACTS}` }) });
    } catch (error) {
      problems = [...(error as PackError).problems];
    }
    expect(problems).toContainEqual(expect.stringMatching(/\(built-in\) pack\.yaml:\d+:\d+: stances\[0\]\.facts\[0\]: unknown fact "released-since-sep-2025"/));
    expect(problems).toContainEqual(expect.stringMatching(/\(built-in\) pack\.yaml:\d+:\d+: regions\[0\]\.facts\[0\]: unknown fact "us-relief-granted"/));
  });
});
