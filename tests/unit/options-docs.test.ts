/**
 * docs/options.md lists exactly the options the options table defines. After changing the table,
 * `UPDATE_DOCS=1 npx vitest run tests/unit/options-docs.test.ts` rewrites the reference.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsReference, REFERENCE_END, REFERENCE_START } from '../../src/options/reference.js';
import { longFlag, OPTIONS, type OptionKey } from '../../src/options/table.js';
import { ROOT } from '../helpers/cli.js';

const path = join(ROOT, 'docs', 'options.md');

describe('docs/options.md: the option reference', () => {
  it('is the reference the options table gives', () => {
    let docs = readFileSync(path, 'utf8');
    const start = docs.indexOf(REFERENCE_START);
    const end = docs.indexOf(REFERENCE_END);
    expect(start, 'the start marker').toBeGreaterThan(-1);
    expect(end, 'the end marker').toBeGreaterThan(start);
    const written = docs.slice(start, end + REFERENCE_END.length);
    if (process.env.UPDATE_DOCS === '1' && written !== optionsReference()) {
      docs = docs.replace(written, optionsReference());
      writeFileSync(path, docs);
    }
    expect(docs.slice(start, docs.indexOf(REFERENCE_END) + REFERENCE_END.length), 'run with UPDATE_DOCS=1 to rewrite it').toBe(optionsReference());
  });

  it('names every option of the table', () => {
    const docs = readFileSync(path, 'utf8');
    for (const key of Object.keys(OPTIONS) as OptionKey[]) expect(docs).toContain(`\`${longFlag(key)}\``);
  });
});
