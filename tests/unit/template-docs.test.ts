/** The templates reference (docs/templates.md) documents exactly what the code offers templates. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../../src/pack/schema.js';
import { ENGLISH_WORDS } from '../../src/pack/words.js';
import { FILTER_KEYS, KNOWN_HELPERS } from '../../src/pack/template-names.js';
import { letterViewSchema, nameViewSchema, variablePaths } from '../../src/pack/view.js';
import { ROOT } from '../helpers/cli.js';

const docs = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
const section = docs.slice(docs.indexOf('# Reference: custom templates'));
const tableNames = (heading: string) => {
  const part = section.slice(section.indexOf(heading));
  const table = part.slice(0, part.indexOf('\n\n', part.indexOf('|')));
  return [...table.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1] ?? '');
};

describe('docs/templates.md: the reference', () => {
  it('lists every variable of the view model, and nothing else', () => {
    expect(section.length).toBeGreaterThan(1000);
    expect(tableNames('## Variables')).toEqual(variablePaths(letterViewSchema).map((v) => v.path));
  });

  it('names every helper and variant filter', () => {
    const documented = tableNames('## Helpers');
    const helpersCell = section.slice(section.indexOf('## Helpers'));
    for (const helper of KNOWN_HELPERS) expect(helpersCell, helper).toContain(`\`${helper}\``);
    expect(documented.length).toBeGreaterThan(3);
    for (const key of FILTER_KEYS) expect(helpersCell).toContain(`\`${key}\``);
  });

  it("documents every front-matter key and the manifest templates' names", () => {
    expect(tableNames('## Letter templates: the front matter')).toEqual(Object.keys(frontMatterSchema.shape));
    for (const name of variablePaths(nameViewSchema).map((v) => v.path)) expect(section).toContain(`\`${name}\``);
  });

  it('lists every word a pack gives the engine, with its English default', () => {
    expect(tableNames('## A pack in another language')).toEqual(Object.keys(ENGLISH_WORDS));
    for (const value of Object.values(ENGLISH_WORDS)) if (typeof value === 'string') expect(section).toContain(`| \`${value}\` |`);
  });

  it('shows the example postcard exactly as shipped and tested', () => {
    const shipped = readFileSync(join(ROOT, 'examples', 'postcard', 'letters', 'postcard.hbs'), 'utf8');
    expect(section).toContain(`\`\`\`handlebars\n${shipped}\`\`\``);
  });
});
