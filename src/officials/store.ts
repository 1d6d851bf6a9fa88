/**
 * Which US directory to use: the copy shipped in data/, or the one `officials update` rebuilt in
 * the user's cache folder beside the settings file, whichever is newer. A cached copy that does
 * not read is set aside with a warning: the shipped one always works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.js';
import { configDir } from '../config/config-path.js';
import { VERSION } from '../version.js';
import { directorySchema, type UsDirectory } from './us/schema.js';
import { UsDirectorySource } from './us/lookup.js';

export const US_FILE = 'us-congress.json';

/** The data/ folder shipped beside the code, found as the built-in templates are. */
export function shippedDataPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data', US_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new AppError(
    'The directory of members of Congress is missing from this installation.',
    1,
    'Reinstall belarus-letter, or run `belarus-letter officials update`.',
  );
}

export function cachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'cache', US_FILE);
}

export class DirectoryFileError extends Error {}

export function parseDirectory(text: string, where: string): UsDirectory {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DirectoryFileError(`${where} is not valid JSON`);
  }
  const result = directorySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DirectoryFileError(`${where} is not a directory this version reads (${issue?.path.join('.') || 'format'}: ${issue?.message ?? 'unknown'})`);
  }
  return result.data;
}

export interface LoadedDirectory {
  source: UsDirectorySource;
  /** Set aside with this reason: a cached copy that did not read. */
  problem?: string;
}

let loaded: LoadedDirectory | undefined;

export function loadUsDirectory(env: NodeJS.ProcessEnv = process.env): LoadedDirectory {
  if (loaded) return loaded;
  const shippedPath = shippedDataPath();
  const shipped = parseDirectory(readFileSync(shippedPath, 'utf8'), shippedPath);
  const cached = cachePath(env);
  let problem: string | undefined;
  if (existsSync(cached)) {
    try {
      const fresh = parseDirectory(readFileSync(cached, 'utf8'), cached);
      if (fresh.asOf >= shipped.asOf) {
        loaded = { source: new UsDirectorySource(fresh, `downloaded by \`officials update\` to ${cached}`) };
        return loaded;
      }
    } catch (error) {
      problem = `${(error as Error).message}; using the copy shipped with belarus-letter. Run \`belarus-letter officials update\` to download it again.`;
    }
  }
  loaded = { source: new UsDirectorySource(shipped, `shipped with belarus-letter ${VERSION}`), problem };
  return loaded;
}

/** For tests and after an update: read the files again next time. */
export function forgetLoadedDirectory(): void {
  loaded = undefined;
}
