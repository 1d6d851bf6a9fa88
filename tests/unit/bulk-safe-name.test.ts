import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import slugify from '@sindresorhus/slugify';
import {
  baseName,
  checkNamePattern,
  DEFAULT_NAME_PATTERN,
  loadSlugLibrary,
  MAX_BASE_LENGTH,
  NameRegistry,
  pathInside,
  slug,
  UnsafePathError,
} from '../../src/io/safe-name.js';

const dir = mkdtempSync(join(tmpdir(), 'bl-names-'));

describe('the slug library, loaded only when a name needs it', () => {
  it('plain ASCII names need no library; others ask for it to be loaded, then work', async () => {
    // A module instance of its own (another address to the same file), so whatever loaded the
    // library or filled the name cache before, in this file or another, this test starts without.
    const fresh: string = '../../src/io/safe-name.js?without-library';
    const { baseName, DEFAULT_NAME_PATTERN, loadSlugLibrary, slug, slugReadyFor } = (await import(fresh)) as typeof import('../../src/io/safe-name.js');
    const plain = { row: 2, official: 'Jane Smith', name: 'Alex Doe', city: undefined };
    expect(slugReadyFor(DEFAULT_NAME_PATTERN, plain)).toBe(true);
    expect(baseName(DEFAULT_NAME_PATTERN, plain)).toBe('0002-jane-smith-alex-doe');
    expect(slugReadyFor(DEFAULT_NAME_PATTERN, { ...plain, name: 'José' })).toBe(false);
    expect(slugReadyFor('letter_{row}', { row: 2, city: 'Portland, OR' })).toBe(true);
    expect(slugReadyFor('{name} & co', { name: 'Alex' })).toBe(false);
    expect(() => slug('José')).toThrow(/loadSlugLibrary/);
    await loadSlugLibrary();
    expect(slugReadyFor(DEFAULT_NAME_PATTERN, { ...plain, name: 'José' })).toBe(true);
    expect(slug('José')).toBe('jose');
  });
});

describe('safe file names', () => {
  beforeAll(loadSlugLibrary);

  it('names a letter from row, official and sender by default', () => {
    expect(baseName(DEFAULT_NAME_PATTERN, { row: 2, official: 'Jane Smith', name: 'Alex Doe' })).toBe('0002-jane-smith-alex-doe');
  });

  it.each([
    ['../../x', 'x'],
    ['/etc/passwd', 'etc-passwd'],
    ['C:\\Windows\\system32', 'c-windows-system32'],
    ['a\u0000b', 'a-b'],
    ['..', 'letter'],
    ['', 'letter'],
    ['日本語', 'letter'],
    ['José Łukaszenka', 'jose-lukaszenka'],
  ])('turns %j into a plain name', (name, expected) => {
    expect(baseName('{name}', { name })).toBe(expected);
  });

  it("slugifies the pattern's own text too, so it cannot make a path", () => {
    expect(baseName('../../{name}/x', { name: 'Alex' })).toBe('alex-x');
  });

  it.each(['CON', 'prn', 'Aux', 'NUL', 'com1', 'LPT9'])('never uses the reserved Windows name %s', (name) => {
    const base = baseName('{name}', { name });
    expect(base).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    expect(base.startsWith(name.toLowerCase())).toBe(true);
  });

  it('keeps 300-character names within the length limit', () => {
    const base = baseName('{row}-{name}-{city}', { row: 7, name: 'a'.repeat(300), city: 'b'.repeat(300) });
    expect(base.length).toBeLessThanOrEqual(MAX_BASE_LENGTH);
    expect(base.startsWith('0007-a')).toBe(true);
  });

  it('never hands out the same name twice, whatever the case or accents', () => {
    const registry = new NameRegistry();
    const names = ['José', 'Jose', 'JOSE', 'jose\u0301'].map((n) => registry.claim(baseName('{name}', { name: n }), '.txt'));
    expect(names).toEqual(['jose.txt', 'jose-2.txt', 'jose-3.txt', 'jose-4.txt']);
    // Names kept from an earlier run are taken too.
    const again = new NameRegistry();
    again.reserve('Jose.TXT');
    expect(again.claim('jose', '.txt')).toBe('jose-2.txt');
  });

  it('refuses any name that is not a plain file inside the folder', () => {
    for (const bad of ['../x.txt', '/tmp/x.txt', 'a/b.txt', 'a\u0000b.txt', '.', '']) {
      expect(() => pathInside(dir, bad)).toThrow(UnsafePathError);
    }
    expect(pathInside(dir, 'a.txt')).toBe(join(resolve(dir), 'a.txt'));
    expect(pathInside('/', 'a.txt')).toBe('/a.txt');
    expect(pathInside('.', 'a.txt')).toBe(join(process.cwd(), 'a.txt'));
    // A relative folder is another folder once the working folder changes (bulk run twice in one process).
    const before = process.cwd();
    const other = mkdtempSync(join(tmpdir(), 'bl-cwd-'));
    try {
      process.chdir(other);
      expect(pathInside('.', 'a.txt')).toBe(join(process.cwd(), 'a.txt'));
    } finally {
      process.chdir(before);
    }
  });

  it('rejects patterns with unknown placeholders or none', () => {
    expect(() => checkNamePattern('{row}-{nmae}')).toThrow(/unknown placeholder \{nmae\}/);
    expect(() => checkNamePattern('letter')).toThrow(/no placeholder/);
    expect(() => checkNamePattern(DEFAULT_NAME_PATTERN)).not.toThrow();
  });

  it('property: any row values and pattern give a unique plain file inside the folder', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom('..', '../../x', '/etc/passwd', 'C:\\x', 'CON', 'a\u0000b', '.', 'é', 'É', 'e\u0301'),
    );
    const pattern = fc.oneof(
      fc.constant(DEFAULT_NAME_PATTERN),
      fc.constantFrom('{name}', '../{name}', '/{city}/{name}', '{official}\u0000{row}', '{name}.{city}'),
    );
    fc.assert(
      fc.property(pattern, fc.array(fc.record({ name: text, city: text, official: text }), { minLength: 1, maxLength: 12 }), (p, rows) => {
        const registry = new NameRegistry();
        const seen = new Set<string>();
        rows.forEach((values, i) => {
          const name = registry.claim(baseName(p, { row: i + 2, ...values }), '.txt');
          const full = pathInside(dir, name);
          expect(dirname(full)).toBe(resolve(dir));
          expect(isAbsolute(name)).toBe(false);
          expect(name.length).toBeLessThan(200);
          const key = name.normalize('NFKD').toLowerCase();
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('pathInside', () => {
  beforeAll(loadSlugLibrary);

  it('property: any name is a plain file in the folder, by the quick path or the full check, or is refused', () => {
    const name = fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), fc.constantFrom('.', '..', 'a/b', '..a', '.a', 'a..b'));
    fc.assert(
      fc.property(name, (n) => {
        let full: string;
        try {
          full = pathInside(dir, n);
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafePathError);
          return;
        }
        expect(full).toBe(join(resolve(dir), n));
        expect(dirname(full)).toBe(resolve(dir));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('slug: the quick path for plain names', () => {
  beforeAll(loadSlugLibrary);

  it('property: gives exactly what the slug library gives for any printable ASCII', () => {
    const ascii = [...Array(95).keys()].map((i) => String.fromCharCode(32 + i));
    const plain = fc.array(fc.constantFrom(...ascii, 'a', 'B', ' ', '-'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(plain, (text) => {
        expect(slug(text)).toBe(slugify(text, { decamelize: false, separator: '-', lowercase: true }));
      }),
      { numRuns: 3000 },
    );
  });
});
