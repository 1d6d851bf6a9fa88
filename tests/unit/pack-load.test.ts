import { describe, expect, it } from 'vitest';
import { PackError } from '../../src/errors.js';
import { readLayer } from '../../src/pack/files.js';
import { buildPack } from '../../src/pack/load.js';
import { withDates } from '../../src/render/fact-text.js';
import { builtinPack, packCopy } from '../helpers/pack.js';

/** Loads a pack folder on its own (no built-in layer) and returns its problems. */
function problemsOf(dir: string): string[] {
  try {
    buildPack([readLayer(dir, dir)]);
    return [];
  } catch (error) {
    if (error instanceof PackError) return [...error.problems];
    throw error;
  }
}

describe('the built-in pack', () => {
  const pack = builtinPack();

  it('defines the required regions, each with recipients', () => {
    expect(pack.regions.map((r) => r.id)).toEqual(expect.arrayContaining(['us', 'uk', 'eu', 'ca', 'au', 'other']));
    const ids = (region: string) => pack.regions.find((r) => r.id === region)?.recipients.map((r) => r.id);
    expect(ids('us')).toEqual(expect.arrayContaining(['senator', 'representative', 'secretary-of-state']));
    expect(ids('uk')).toEqual(expect.arrayContaining(['mp', 'foreign-secretary']));
    expect(ids('eu')).toEqual(expect.arrayContaining(['mep', 'foreign-minister']));
    expect(ids('ca')).toEqual(expect.arrayContaining(['mp', 'foreign-minister']));
  });

  it('defines the three stances, each asking to keep targeted sanctions', () => {
    expect(pack.stances.map((s) => s.id)).toEqual(expect.arrayContaining(['maintain', 'strengthen', 'conditional']));
    for (const stance of pack.stances) expect(stance.ask).toMatch(/keep the targeted sanctions/);
  });

  it('gives every region a spelling and a date locale', () => {
    const us = pack.regions.find((r) => r.id === 'us');
    const uk = pack.regions.find((r) => r.id === 'uk');
    expect(us?.spelling).toBe('us');
    expect(us?.locale).toBe('en-US');
    expect(uk?.spelling).toBe('gb');
    expect(uk?.locale).toBe('en-GB');
  });

  it('gives every fact a source that exists, an as-of date and a confidence', () => {
    expect(pack.facts.size).toBeGreaterThan(5);
    for (const fact of pack.facts.values()) {
      expect(fact.sources.length).toBeGreaterThan(0);
      for (const id of fact.sources) expect(pack.sources.has(id)).toBe(true);
      expect(fact.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    }
  });

  it('never uses a medium-confidence fact by default', () => {
    const defaults = new Set([
      ...pack.stances.flatMap((s) => s.facts),
      ...pack.regions.flatMap((r) => r.recipients.flatMap((x) => (x.basis ? [x.basis] : []))),
    ]);
    for (const id of defaults) expect(pack.facts.get(id)?.confidence, id).toBe('high');
  });

  it('states prisoner figures with the month they were true, in every wording', () => {
    for (const fact of pack.facts.values()) {
      if (!fact.tags.includes('figure')) continue;
      for (const text of fact.text) {
        expect(withDates(text, 'en-GB'), fact.id).toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
      }
    }
  });

  it("uses the vetted figures, not the article's imprecise ones", () => {
    const all = [...pack.facts.values()].flatMap((f) => f.text).join(' ');
    expect(all).not.toMatch(/1,200|\b122\b|December 14|2025-12-14/);
    for (const text of pack.facts.get('still-imprisoned')?.text ?? []) {
      expect(text).toMatch(/hundreds/i);
      expect(text).toMatch(/1,131 .*end of December 2025|end of December 2025.*1,131/);
    }
    for (const text of pack.facts.get('release-dec-2025')?.text ?? []) expect(text).toMatch(/\b123\b/);
  });
});

describe('loading a broken pack', () => {
  it('names the file and the path of a manifest error', () => {
    const dir = packCopy();
    const manifest = readFileSync(join(dir, 'pack.yaml'), 'utf8').replace('locale: en-GB', 'locale: 7');
    writeFileSync(join(dir, 'pack.yaml'), manifest.replace('constituent: true', 'constituent: maybe'));
    const problems = problemsOf(dir);
    expect(problems.some((p) => /pack\.yaml:\d+:\d+: regions\[\d\]\.recipients\[0\]\.constituent: .*boolean/.test(p))).toBe(true);
  });

  it('rejects a misspelt manifest key, naming it', () => {
    const dir = packCopy();
    const manifest = readFileSync(join(dir, 'pack.yaml'), 'utf8').replace(
      '    salutation: "Dear Foreign Secretary,"',
      '    salutaton: "Dear Foreign Secretary,"',
    );
    writeFileSync(join(dir, 'pack.yaml'), manifest);
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(/pack\.yaml:\d+:\d+: regions\[1\]\.recipients\[1\]\.salutaton: unknown key/);
    expect(problems).toMatch(/pack\.yaml:\d+:\d+: regions\[1\]\.recipients\[1\]\.salutation: is required/);
  });

  it('reports an unknown fact id with the template file, line and column', () => {
    const dir = packCopy({ 'partials/close.hbs': 'Thanks.\n\n{{fact "no-such-fact"}}\n' });
    const problems = problemsOf(dir);
    expect(problems).toEqual([expect.stringMatching(/partials\/close\.hbs:3:8: unknown fact "no-such-fact"/)]);
  });

  it('reports a Handlebars syntax error with file:line:column, counting the front matter', () => {
    const dir = packCopy();
    const letter = readFileSync(join(dir, 'letters/letter.hbs'), 'utf8');
    writeFileSync(join(dir, 'letters/letter.hbs'), letter.replace('{{date}}', '{{#if date}}{{date}}{{/each}}'));
    const problems = problemsOf(dir);
    const line = letter.split('\n').findIndex((l) => l.includes('{{date}}')) + 1;
    const column = (letter.split('\n')[line - 1] ?? '').indexOf('{{date}}') + 1;
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `letters/letter\\.hbs:${line}:${column + 20}: \\{\\{/each\\}\\} does not match \\{\\{#if date\\}\\} opened at ${line}:${column}; close that with \\{\\{/if\\}\\}$`,
        ),
      ),
    ]);
  });

  it('reports unknown partials and helpers', () => {
    const dir = packCopy({ 'partials/close.hbs': '{{> signatur}}\n{{shout sender.name}}\n' });
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/close\.hbs:1:1: unknown partial "signatur"/));
    expect(problems).toContainEqual(expect.stringMatching(/close\.hbs:2:3: unknown helper "shout"/));
  });

  it('reports a fact whose source is missing, and a stance citing an unknown fact', () => {
    const dir = packCopy();
    const facts = readFileSync(join(dir, 'facts.yaml'), 'utf8').replace('sources: [osce-moscow-2020]', 'sources: [osce-2020]');
    writeFileSync(join(dir, 'facts.yaml'), facts);
    writeFileSync(join(dir, 'pack.yaml'), readFileSync(join(dir, 'pack.yaml'), 'utf8').replace('still-imprisoned]', 'still-imprison]'));
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(/facts\.yaml:\d+:\d+: fact "osce-2020-election" cites source "osce-2020", which is not in the sources list/);
    expect(problems).toMatch(/pack\.yaml:\d+:\d+: stances\[0\]\.facts\[5\]: unknown fact "still-imprison"/);
  });

  it('reports a YAML syntax error with its line', () => {
    const dir = packCopy({ 'facts.yaml': 'facts:\n  - id: x\n    text: [unclosed\n' });
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(/facts\.yaml:\d+:\d+: /);
  });

  it('lists every problem at once', () => {
    const dir = packCopy({ 'partials/close.hbs': '{{fact "nope"}} {{> nothing}}\n' });
    expect(problemsOf(dir)).toHaveLength(2);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
