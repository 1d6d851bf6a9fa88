/**
 * Reading a pack folder from disk: the only I/O of pack loading. Everything after this works on
 * the text it returns.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';

export interface TextFile {
  /** Path shown in messages. */
  path: string;
  text: string;
}

export interface RawLayer {
  /** "built-in" or the folder the user gave. */
  origin: string;
  dir: string;
  manifest?: TextFile;
  facts?: TextFile;
  letters: Map<string, TextFile>;
  partials: Map<string, TextFile>;
}

export const MANIFEST_FILE = 'pack.yaml';
export const FACTS_FILE = 'facts.yaml';

/** The built-in pack ships beside the code: templates/ at the package root. */
export function builtinPackDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('The built-in template pack is missing from this installation.');
}

/** How a pack file is named in messages: relative to the folder the user works in, or "(built-in) …". */
function displayPath(root: string, origin: string, path: string): string {
  if (origin === 'built-in') return `(built-in) ${relative(root, path).split(sep).join('/')}`;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function readHbsFolder(dir: string, show: (path: string) => string): Map<string, TextFile> {
  const out = new Map<string, TextFile>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs')) continue;
    const path = join(dir, name);
    out.set(name.slice(0, -'.hbs'.length), { path: show(path), text: readFileSync(path, 'utf8') });
  }
  return out;
}

function readOptional(path: string, show: (path: string) => string): TextFile | undefined {
  return existsSync(path) ? { path: show(path), text: readFileSync(path, 'utf8') } : undefined;
}

export function readLayer(dir: string, origin: string): RawLayer {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new UsageError(
      `The template folder ${dir} does not exist or is not a folder.`,
      'Give the folder made by `belarus-letter templates eject DIR`, or leave out --templates.',
    );
  }
  const show = (path: string) => displayPath(abs, origin, path);
  return {
    origin,
    dir: abs,
    manifest: readOptional(join(abs, MANIFEST_FILE), show),
    facts: readOptional(join(abs, FACTS_FILE), show),
    letters: readHbsFolder(join(abs, 'letters'), show),
    partials: readHbsFolder(join(abs, 'partials'), show),
  };
}
