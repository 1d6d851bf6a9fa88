/** The block scan behind syntax errors: positions in the file's terms, and no crash on any text. */
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { blockProblems } from '../../src/pack/blocks.js';

describe('blockProblems', () => {
  it('gives positions in the file, past front matter or a YAML key', () => {
    expect(blockProblems('x\n  {{#each facts}}', { lineOffset: 7 })).toEqual([
      { line: 9, column: 3, message: '{{#each facts}} is never closed: add {{/each}}' },
    ]);
    expect(blockProblems('{{#if name}}', { lineOffset: 4, columnOffset: 20 })).toEqual([
      { line: 5, column: 21, message: '{{#if name}} is never closed: add {{/if}}' },
    ]);
    expect(blockProblems('ok\n{{/if}} {{#with a}}', { lineOffset: 0 }).map((p) => `${p.line}:${p.column}`)).toEqual(['2:1', '2:9']);
  });

  it('passes over raw blocks, strings holding braces, partial and inverse blocks, and whitespace control', () => {
    const sound = '{{{{raw}}}}{{#if}}{{{{/raw}}}}{{fact "a}}b"}}{{#> layout}}x{{/layout}}{{^if a}}y{{/if}}{{~#each b~}}{{this}}{{~else~}}z{{~/each~}}';
    expect(() => Handlebars.parse(sound)).not.toThrow();
    expect(blockProblems(sound)).toEqual([]);
    expect(blockProblems(`${sound}{{#variants "opening"}}{{#variant stance="maintain,strengthen"}}x{{/variant}}`)).toEqual([
      expect.objectContaining({ message: '{{#variants "opening"}} is never closed: add {{/variants}}' }),
    ]);
  });

  it('shortens a long tag it quotes', () => {
    const [p] = blockProblems('{{#variant stance="maintain" region="uk,eu,ca" recipient="mp"}}');
    expect(p?.message).toMatch(/^\{\{#variant stance="maintain" region="…\}\} is never closed: add \{\{\/variant\}\}$/);
  });

  it('finds something wherever the blocks alone make Handlebars fail, and never throws', () => {
    const piece = fc.constantFrom(
      '{{#if a}}',
      '{{/if}}',
      '{{#each b}}',
      '{{/each}}',
      '{{else}}',
      '{{^}}',
      'text',
      '\n',
      '{{a}}',
      '{{!-- c --}}',
      '{{! d }}',
      '{{#with c}}',
      '{{/with}}',
      '{{else if a}}',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const source = pieces.join('');
        let parses = true;
        try {
          Handlebars.parse(source);
        } catch {
          parses = false;
        }
        expect(blockProblems(source).length > 0).toBe(!parses);
      }),
      { numRuns: 500 },
    );
  });
});
