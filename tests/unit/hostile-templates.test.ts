/**
 * A template pack is data, not code. Hostile templates are refused by validation with a clear
 * problem, and even rendered past validation they print nothing dangerous.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackError } from '../../src/errors.js';
import { loadPack } from '../../src/pack/load.js';
import { compileOptions } from '../../src/render/compile.js';
import { render } from '../../src/render/render.js';
import { tempDir } from '../helpers/cli.js';
import { builtinPack, problemsOf, request, userPack } from '../helpers/pack.js';

const letter = (body: string) => ({ 'letters/t.hbs': `---\nid: t\ndescription: hostile\n---\n${body}` });

describe('validation refuses hostile templates', () => {
  it('refuses reaching for prototypes, in every form', () => {
    const problems = problemsOf(
      userPack(letter('{{constructor.constructor}}\n{{lookup this "__proto__"}}\n{{#with __proto__}}{{polluted}}{{/with}}\n{{sender.name.constructor}}\n')),
    );
    expect(problems).toEqual([
      expect.stringMatching(/t\.hbs:5:3: "constructor\.constructor" is not a template variable: templates cannot reach JavaScript prototypes/),
      expect.stringMatching(/t\.hbs:6:15: "this\.__proto__" is not a template variable/),
      expect.stringMatching(/t\.hbs:7:9: "__proto__" is not a template variable/),
      expect.stringMatching(/t\.hbs:8:3: "sender\.name\.constructor" is not a template variable/),
    ]);
  });

  it('refuses 500 nested blocks quickly and cleanly, before Handlebars parses them', () => {
    const deep = `${'{{#if story}}'.repeat(500)}x${'{{/if}}'.repeat(500)}\n`;
    expect(problemsOf(userPack(letter(deep)))).toEqual([expect.stringMatching(/t\.hbs:5:\d+: blocks are nested more than 32 deep/)]);
    const ten = `${'{{#with sender}}'.repeat(10000)}${'{{/with}}'.repeat(10000)}`;
    expect(problemsOf(userPack({ 'partials/close.hbs': ten }))).toEqual([expect.stringMatching(/close\.hbs:1:\d+: blocks are nested more than 32 deep/)]);
    expect(problemsOf(userPack({ 'partials/close.hbs': `{{fact ${'('.repeat(5000)}${')'.repeat(5000)}}}` }))).toEqual([
      expect.stringMatching(/close\.hbs:1:1: blocks are nested more than 32 deep/),
    ]);
  });

  it('refuses a partial that calls itself, and partials that multiply', () => {
    expect(problemsOf(userPack({ 'partials/close.hbs': 'again {{> close}}' }))).toContainEqual(
      expect.stringMatching(/close\.hbs:1:7: partial "close" calls itself \(close > close\), which never ends/),
    );
    const bomb: Record<string, string> = { 'partials/close.hbs': '{{> b1}}'.repeat(10) };
    for (let i = 1; i < 6; i++) bomb[`partials/b${i}.hbs`] = `{{> b${i + 1}}}`.repeat(10);
    bomb['partials/b6.hbs'] = 'x';
    expect(problemsOf(userPack(bomb))).toContainEqual(expect.stringMatching(/letter\.hbs:\d+:1: expands partials more than 2000 times/));
  });

  it('refuses helpers it does not know, decorators, computed partials and triple braces', () => {
    const problems = problemsOf(userPack(letter('{{log "hi"}}{{#*inline "x"}}y{{/inline}}{{> (lookup . "p")}}{{{story}}}\n')));
    expect(problems).toEqual([
      expect.stringMatching(/unknown helper "log"/),
      expect.stringMatching(/decorators .* are not supported/),
      expect.stringMatching(/partials must be named, not computed/),
      expect.stringMatching(/triple braces/),
    ]);
  });

  it('refuses a pack file that links outside the pack (a template cannot read other files)', () => {
    const secret = join(tempDir('bl-secret-'), 'secret.txt');
    writeFileSync(secret, 'the secret\n');
    const dir = userPack({});
    mkdirSync(join(dir, 'partials'), { recursive: true });
    symlinkSync(secret, join(dir, 'partials', 'close.hbs'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/partials\/close\.hbs:1:1: is a link to .*secret\.txt, outside the pack folder/)]);
  });

  it('reads YAML as plain data: a code tag builds no function', () => {
    const dir = userPack({
      'facts.yaml':
        'facts:\n  - id: f\n    text: !!js/function "function () { return 1 }"\n    sources: [s]\n    asOf: 2025\n    confidence: high\nsources:\n  - id: s\n    title: t\n    publisher: p\n    url: https://example.org/s\n',
    });
    let text: unknown;
    try {
      text = loadPack({ templatesDir: dir }).facts.get('f')?.text;
    } catch (error) {
      expect(error).toBeInstanceOf(PackError);
      return;
    }
    // Loaded, a fact's text is always a list of wordings: here one plain string.
    expect(Array.isArray(text) && (text as unknown[]).every((t) => typeof t === 'string')).toBe(true);
  });

  it('ignores JavaScript files in a pack: there is nothing to load them', () => {
    const marker = join(tempDir('bl-marker-'), 'ran');
    const dir = userPack({
      'helpers.js': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`,
      'letters/helpers.js': `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`,
    });
    const pack = loadPack({ templatesDir: dir });
    render(pack, request());
    expect(existsSync(marker)).toBe(false);
  });
});

describe('rendered past validation, hostile expressions print nothing dangerous', () => {
  const pack = builtinPack();
  const run = (source: string) => {
    const fn = pack.handlebars.compile(source, compileOptions({ escape: false, spelling: 'gb' }));
    return fn({ sender: { name: 'A' } }, { data: {} });
  };

  it('does not hand out constructors or prototypes', () => {
    expect(() => run('{{constructor.constructor "return process"}}')).toThrow();
    expect(() => run('{{constructor.constructor}}')).toThrow(/not defined/);
    expect(run('{{lookup this "__proto__"}}')).toBe('');
    expect(run('{{lookup this "constructor"}}')).toBe('');
    expect(run('{{#with __proto__}}reached{{/with}}')).toBe('');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown helpers at compile time', () => {
    expect(() => run('{{shout sender.name}}')).toThrow(/unknown helper shout/);
  });

  it('keeps working for good letters after hostile ones', () => {
    expect(render(pack, request()).body).toContain('Alex Doe');
  });
});
