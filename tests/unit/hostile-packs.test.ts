/**
 * Packs that are careless or hostile in ways a schema cannot see: loops that never end, ids used
 * twice, terminal escapes, source links that run code, folders linked out of the pack, YAML
 * alias bombs. Each is refused at load with its file and place.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/pack/load.js';
import { render } from '../../src/render/render.js';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { builtinPack, problemsOf, request, userPack } from '../helpers/pack.js';

const letter = (body: string) => ({ 'letters/letter.hbs': `---\nid: letter\ndescription: hostile\n---\n${body}` });
const FACT = (id: string, source = 'hrw-2025-12-15') => `  - id: ${id}\n    text: A fact.\n    sources: [${source}]\n    asOf: 2025\n    confidence: high\n`;

describe('rendering has a budget', () => {
  it('stops loops inside loops over every fact, naming the template, and validation ends', () => {
    const nested = `${'{{#each @root.facts}}'.repeat(14)}{{/each}}${'{{/each}}'.repeat(13)}\n`;
    expect(problemsOf(userPack(letter(nested)))).toEqual([
      expect.stringMatching(/letters\/letter\.hbs:1:1: does not render for .*: it takes more than 100,000 steps/),
    ]);
    const big = `${'{{#each @root.facts}}'.repeat(14)}{{fact this}}${'{{/each}}'.repeat(14)}\n`;
    expect(problemsOf(userPack(letter(big)))).toEqual([
      expect.stringMatching(/letters\/letter\.hbs:1:1: does not render for .*: it makes more than 200 KB of text/),
    ]);
  });

  it('stops drafting from such a pack with one line naming the template (loading it renders nothing)', async () => {
    const nested = `${'{{#each @root.facts}}'.repeat(14)}{{/each}}${'{{/each}}'.repeat(13)}\n`;
    const r = await runMain(['--templates', userPack(letter(nested)), ...UK_MP]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/letters\/letter\.hbs could not render: it takes more than 100,000 steps/);
    expect(r.stdout).toBe('');
  });

  it('leaves the built-in letter well inside it', () => {
    expect(render(builtinPack(), request({ story: 'My aunt was jailed.' })).body).toContain('Alex Doe');
  });
});

describe('a pack is refused at load', () => {
  it('when a fact id or a source id is used twice in one file', () => {
    const facts = `facts:\n${FACT('dup-fact')}${FACT('dup-fact')}sources:\n  - id: s1\n    title: T\n    publisher: P\n  - id: s1\n    title: T2\n    publisher: P2\n`;
    const problems = problemsOf(userPack({ 'facts.yaml': facts }));
    expect(problems).toContainEqual(expect.stringMatching(/facts\.yaml:7:9: fact id "dup-fact" is used twice in this file \(also at .*facts\.yaml:2:9\)/));
    expect(problems).toContainEqual(expect.stringMatching(/facts\.yaml:\d+:\d+: source id "s1" is used twice/));
  });

  it('when a source address is not a web page', () => {
    const source = (id: string, url: string) => `  - id: ${id}\n    title: T\n    publisher: P\n    url: "${url}"\n`;
    const facts = `sources:\n${source('a', 'javascript:alert(1)')}${source('b', 'data:text/html,<b>x</b>')}${source('c', 'file:///etc/passwd')}${source('d', 'https://example.org/')}`;
    const problems = problemsOf(userPack({ 'facts.yaml': facts }));
    expect(problems).toEqual([
      expect.stringMatching(/facts\.yaml:5:10: a source's address must start with https: or http:, not javascript:/),
      expect.stringMatching(/facts\.yaml:9:10: .* not data:/),
      expect.stringMatching(/facts\.yaml:13:10: .* not file:/),
    ]);
  });

  it('when any pack text holds a terminal control character, raw or as a YAML escape', () => {
    expect(problemsOf(userPack({ 'partials/close.hbs': 'Yours,\n\u001b]8;;https://x.example\u0007click\n' }))).toEqual([
      expect.stringMatching(/partials\/close\.hbs:2:1: holds ESC \(U\+001B\); pack text must be plain text/),
    ]);
    const escaped = `facts:\n  - id: f\n    text: "Free them \\e[2J now"\n    sources: [hrw-2025-12-15]\n    asOf: 2025\n    confidence: high\n`;
    expect(problemsOf(userPack({ 'facts.yaml': escaped }))).toEqual([expect.stringMatching(/facts\.yaml:3:11: holds ESC/)]);
    const front = { 'letters/letter.hbs': '---\nid: letter\ndescription: "ring \\a"\n---\nx\n' };
    expect(problemsOf(userPack(front))).toContainEqual(expect.stringMatching(/letters\/letter\.hbs:3:14: holds BEL/));
    expect(problemsOf(userPack({ 'pack.yaml': 'name: x\u009b31m\n' }))).toContainEqual(expect.stringMatching(/pack\.yaml:1:8: holds CSI \(U\+009B\)/));
  });

  it('but takes CRLF line ends and tabs', () => {
    expect(() => loadPack({ templatesDir: userPack({ 'partials/close.hbs': 'Yours\tsincerely,\r\n' }) })).not.toThrow();
  });

  it('when letters/ or partials/ is a link to a folder outside the pack', () => {
    const outside = tempDir('bl-outside-');
    writeFileSync(join(outside, 'close.hbs'), 'the secret\n');
    const dir = userPack({});
    symlinkSync(outside, join(dir, 'partials'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/partials\/:1:1: is a link to .*bl-outside-.*, outside the pack folder/)]);
  });

  it('when a YAML file is an alias bomb, naming the file', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, n] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) lines.push(`${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`);
    const problems = problemsOf(userPack({ 'facts.yaml': `${lines.join('\n')}\n` }));
    expect(problems).toEqual([expect.stringMatching(/facts\.yaml:1:1: its aliases \(\*name\) repeat data too often/)]);
  });

  it('when a pack file is not UTF-8', () => {
    const dir = userPack({});
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'close.hbs'), Buffer.from('Yours,\nJos\xe9\n', 'latin1'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/partials\/close\.hbs:2:1: is not UTF-8 text/)]);
  });

  it('every control character, in a partial or in a fact, is refused with its file and line', () => {
    // All of them at once (one load, each on a line of its own), rather than a random few.
    const codes = [...Array(0xa0).keys()].filter((c) => c < 0x20 || c >= 0x7f).filter((c) => ![0x09, 0x0a, 0x0d].includes(c));
    const around = ['a', 'Ж', ' ', '.', ','];
    const text = (c: number, i: number) => `${around[i % 5]?.repeat(i % 4)}${String.fromCharCode(c)}${around[(i + 2) % 5]?.repeat(i % 3)}`;
    const facts = codes.map((c, i) => `  - id: f${i}\n    text: "x ${text(c, i)}"\n    sources: [hrw-2025-12-15]\n    asOf: 2025\n    confidence: high\n`);
    const problems = problemsOf(
      userPack({ 'facts.yaml': `facts:\n${facts.join('')}`, 'partials/close.hbs': codes.map((c, i) => `Yours, ${text(c, i)}\n`).join('') }),
    );
    const named = (file: RegExp, line: number, c: number) =>
      problems.some((p) => file.test(p) && p.includes(`:${line}:`) && p.includes(`U+00${c.toString(16).toUpperCase().padStart(2, '0')}`));
    expect(codes).toHaveLength(62);
    for (const [i, c] of codes.entries()) {
      expect(named(/partials\/close\.hbs:/, i + 1, c), `U+${c.toString(16)} in a partial`).toBe(true);
      expect(named(/facts\.yaml:/, 3 + 5 * i, c), `U+${c.toString(16)} in a fact`).toBe(true);
    }
  });
});
