/**
 * The built-in packs by language: English in templates/, every other language in packs/<code>/
 * beside it, each a complete pack of its own. `--language` picks one; English is the default.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listChoices, UsageError } from '../errors.js';
import { builtinPackDir, MANIFEST_FILE } from './files.js';

export const DEFAULT_LANGUAGE = 'en';

let packsDirOverride: string | undefined;
/** The folder that holds the built-in packs other than English. */
export const languagePacksDir = (): string => packsDirOverride ?? join(dirname(builtinPackDir()), 'packs');
/** For tests: take the language packs from another folder (undefined: the installed packs/). */
export function useLanguagePacksDir(dir: string | undefined): void {
  packsDirOverride = dir;
}

/** Every built-in language: English first, then the rest in alphabetical order. */
export function builtinLanguages(): string[] {
  const root = languagePacksDir();
  const others = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== DEFAULT_LANGUAGE && existsSync(join(root, e.name, MANIFEST_FILE)))
        .map((e) => e.name)
        .sort()
    : [];
  return [DEFAULT_LANGUAGE, ...others];
}

/** The built-in pack folder of a language, which must be one of builtinLanguages(). */
export function builtinPackDirFor(language: string = DEFAULT_LANGUAGE): string {
  return language === DEFAULT_LANGUAGE ? builtinPackDir() : join(languagePacksDir(), language);
}

/**
 * A language as the writer typed it ("DE", " pl "), checked against the built-in packs. `option`
 * is where the caller took it from, as its users know it (draft: --language; the library: language).
 */
export function builtinLanguage(value: string, option: string): string {
  const language = value.trim().toLowerCase();
  const languages = builtinLanguages();
  if (!languages.includes(language)) {
    throw new UsageError(
      `There are no built-in letters in "${value}" (${option}). Choose ${listChoices(languages)}.`,
      'Or write your own pack in that language: see `belarus-letter templates eject --help`.',
    );
  }
  return language;
}

/** What a pack serves: its regions and each region's officials. */
export interface Served {
  regions: readonly { id: string; recipients: readonly { id: string }[] }[];
}

/** Whether a pack has letters for a region, and for one of its officials when given. */
export function serves(pack: Served, region: string, recipient?: string): boolean {
  const r = pack.regions.find((x) => x.id === region);
  return r !== undefined && (recipient === undefined || recipient === '' || r.recipients.some((x) => x.id === recipient));
}

/**
 * The error for a language whose pack has no letters for the region or official asked for,
 * naming the languages that do. `packs` holds every built-in language's pack.
 */
export function languageNotServed(
  language: string,
  region: string,
  recipient: string | undefined,
  packs: ReadonlyMap<string, Served>,
  option: string,
): UsageError {
  const what = recipient ? `region ${region}, recipient ${recipient}` : `region ${region}`;
  const have = [...packs].filter(([, pack]) => serves(pack, region, recipient)).map(([l]) => l);
  const own = packs.get(language);
  const offered = own ? own.regions.map((r) => `${r.id} (${r.recipients.map((x) => x.id).join(', ')})`).join('; ') : '';
  return new UsageError(
    have.length > 0
      ? `The built-in letters in "${language}" (${option}) are not for ${what}; the letters in ${listChoices(have)} are.`
      : `The built-in letters in "${language}" (${option}) are not for ${what}, and no built-in language has them.`,
    offered ? `The "${language}" letters are for ${offered}.` : undefined,
  );
}

/**
 * The built-in pack a user's pack layers over: the one in the language its pack.yaml declares
 * (an ejected German pack goes over the German one), else English. Read with a pattern, not the
 * YAML parser, since only this one top-level line matters here; the loader validates the rest.
 */
export function baseDirFor(manifestText: string | undefined): string {
  const declared = manifestText ? /^language:[ \t]*["']?([A-Za-z-]+)/m.exec(manifestText)?.[1]?.toLowerCase() : undefined;
  return builtinPackDirFor(declared && declared !== DEFAULT_LANGUAGE && builtinLanguages().includes(declared) ? declared : DEFAULT_LANGUAGE);
}
