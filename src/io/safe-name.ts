/**
 * File names for bulk letters that cannot escape the output folder or clash. Every value that
 * goes into a name is slugified (letters, digits and dashes only, accents transliterated), so
 * "/", "..", NUL and drive letters cannot survive; then come the guards a slug alone does not
 * give: Windows' reserved names, a length limit, names that differ only by case or accents, and
 * a last check that the resolved path lies inside the folder.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { hash53 } from '../hash.js';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Well under the 255 bytes most file systems allow, leaving room for a suffix and extension. */
export const MAX_BASE_LENGTH = 120;
const PLACEHOLDER = /\{([a-z_]+)\}/g;

export const NAME_FIELDS = ['row', 'name', 'city', 'region', 'recipient', 'official', 'recipient_name', 'stance'] as const;
export type NameField = (typeof NAME_FIELDS)[number];
export const DEFAULT_NAME_PATTERN = '{row}-{official}-{name}';

export class NamePatternError extends Error {}

/** Checks a --name-pattern once, before any row: only known placeholders, at least one. */
export function checkNamePattern(pattern: string): void {
  const used = [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
  const unknown = used.filter((p) => !(NAME_FIELDS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new NamePatternError(`unknown placeholder {${unknown[0]}}; use ${NAME_FIELDS.map((f) => `{${f}}`).join(', ')}`);
  }
  if (used.length === 0) throw new NamePatternError(`it has no placeholder, so every letter would get the same name; use e.g. ${DEFAULT_NAME_PATTERN}`);
}

// Officials, cities and stances repeat down a sheet; slugifying each once saves real time.
const slugCache = new Map<string, string>();

/**
 * Text that slugify would only lower-case and join with dashes: printable ASCII, but for the
 * characters it treats otherwise ("&" is "and"; an apostrophe, "^" and "`" join a word up).
 */
const PLAIN = /^[ -%(-\]_a-~]*$/;
const plainSlug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-|-$/g, '');

/** Whether a pattern's own text is plain; asked once per row, worked out once per pattern. */
const plainPatterns = new Map<string, boolean>();
function plainPattern(pattern: string): boolean {
  let plain = plainPatterns.get(pattern);
  if (plain === undefined) plainPatterns.set(pattern, (plain = PLAIN.test(pattern.replace(PLACEHOLDER, ''))));
  return plain;
}

type Slugify = typeof import('@sindresorhus/slugify')['default'];
/**
 * The transliterating library, loaded only once a name needs it: building its tables is a tenth
 * of bulk's start, and most senders' names are plain ASCII.
 */
let slugify: Slugify | undefined;

/** Whether baseName can name these values now; if not, loadSlugLibrary() first. */
export function slugReadyFor(pattern: string, values: Partial<Record<NameField, string | number>>): boolean {
  if (slugify) return true;
  if (!plainPattern(pattern)) return false;
  for (const value of Object.values(values)) if (typeof value === 'string' && !PLAIN.test(value)) return false;
  return true;
}

export async function loadSlugLibrary(): Promise<void> {
  slugify ??= (await import('@sindresorhus/slugify')).default;
}

export function slug(text: string): string {
  let out = slugCache.get(text);
  if (out === undefined) {
    if (PLAIN.test(text)) out = plainSlug(text);
    else if (slugify) out = slugify(text.replace(/\u0000/g, ' '), { decamelize: false, separator: '-', lowercase: true });
    else throw new Error(`slug("${text}") needs loadSlugLibrary() first`);
    if (slugCache.size >= 2000) slugCache.clear();
    slugCache.set(text, out);
  }
  return out;
}

/**
 * The pattern filled in with slugified values; no extension, not yet made unique. Needs
 * slugReadyFor(pattern, values), or loadSlugLibrary() before.
 */
export function baseName(pattern: string, values: Partial<Record<NameField, string | number>>): string {
  const filled = pattern.replace(PLACEHOLDER, (_, key: string) => {
    const value = values[key as NameField];
    if (value === undefined || value === '') return '';
    return key === 'row' ? String(value).padStart(4, '0') : slug(String(value)).slice(0, 60);
  });
  // The pattern's own text is slugified as well, so "../{name}" gives "name", not a path.
  let base = slug(filled).slice(0, MAX_BASE_LENGTH).replace(/-+$/, '');
  if (base === '') base = 'letter';
  if (RESERVED.test(base)) base = `${base}-letter`;
  return base;
}

/**
 * Hands out names that no other row of the batch has, comparing them as a case-insensitive,
 * accent-blind file system would (lower-cased NFKD without marks). Names are kept as hashes so
 * 100,000 rows cost a few megabytes; a rare false match only adds a needless "-2".
 */
const ASCII = /^[\x00-\x7f]*$/;

export class NameRegistry {
  /** The names' keys; a caller with many rows can pass a more compact set than a Set of heap numbers. */
  constructor(private readonly taken: { has(key: number): boolean; add(key: number): unknown } = new Set<number>()) {}

  private static key(name: string): number {
    // Names are slugs, so nearly always ASCII: nothing to decompose.
    const folded = ASCII.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
    return hash53(folded.toLowerCase());
  }

  /** Marks a name as used (a row done in an earlier run). */
  reserve(name: string): void {
    this.taken.add(NameRegistry.key(name));
  }

  has(name: string): boolean {
    return this.taken.has(NameRegistry.key(name));
  }

  /** base + extension, with -2, -3... added until no earlier row has it. */
  claim(base: string, extension: string): string {
    let name = `${base}${extension}`;
    let key = NameRegistry.key(name);
    for (let n = 2; this.taken.has(key); n++) key = NameRegistry.key((name = `${base}-${n}${extension}`));
    this.taken.add(key);
    return name;
  }
}

export class UnsafePathError extends Error {}

/** A name that can only be a plain file in the folder: no separator, and not "." or "..". */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
let lastDir: string | undefined;
let lastCwd = '';
let lastRoot = '';

/** The full path of a letter, or an error if it would not be a plain file inside the folder. */
export function pathInside(dir: string, name: string): string {
  // Bulk asks once per letter, with the same folder and a slug for a name: no path maths needed.
  // A relative folder means another one after a chdir (a program running bulk twice in process).
  const cwd = process.cwd();
  if (dir !== lastDir || cwd !== lastCwd) {
    lastRoot = resolve(dir);
    lastDir = dir;
    lastCwd = cwd;
  }
  if (PLAIN_NAME.test(name)) return lastRoot.endsWith(sep) ? `${lastRoot}${name}` : `${lastRoot}${sep}${name}`;
  const root = lastRoot;
  const full = resolve(root, name);
  const rel = relative(root, full);
  if (name.includes('\u0000') || rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep) || rel !== name) {
    throw new UnsafePathError(`the file name "${name}" would not be a file inside ${dir}`);
  }
  return full;
}
