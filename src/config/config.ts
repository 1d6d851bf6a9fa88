/**
 * The remembered answers: the writer's name, locality and region (and a templates folder), kept
 * only with their consent, in the platform's usual folder for settings. Never the personal
 * answers: those belong to one letter.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, unlinkSync } from 'node:fs';
import * as z from 'zod/mini';
import { AppError } from '../errors.js';
import { decodeUtf8 } from '../io/encoding.js';
import { readLimited } from '../io/read-limited.js';
import { writeFileAtomic } from '../io/write-file.js';
import { note } from '../ui.js';
import { configPath } from './config-path.js';

export { configDir, configPath } from './config-path.js';

const text = (max: number) =>
  z.optional(z.string('must be text').check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`)));

// Not strict: a file written by a newer version with more settings still loads here.
export const configSchema = z.object({
  name: text(200),
  city: text(200),
  region: text(200),
  /** A template pack folder, as given with --templates when the answers were remembered. */
  templates: text(4096),
});

export type Config = z.infer<typeof configSchema>;

export const CONFIG_KEYS = ['name', 'city', 'region', 'templates'] as const;

export class ConfigError extends AppError {
  override readonly name: string = 'ConfigError';
  constructor(path: string, why: string) {
    super(`The settings file ${path} could not be read: ${why}.`, 1, 'Run `belarus-letter config clear` to start afresh, or fix the file.');
  }
}

/** A few short settings; a bigger file is not one this tool wrote. */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** Paths already noted as not a file, so one run says it once. */
const noted = new Set<string>();

/**
 * The settings file's text, or undefined when there is none or it is not a regular file (a
 * folder, a pipe that would block, a device that never ends), which is ignored with a note.
 */
function readConfigText(path: string): string | undefined {
  let fd: number;
  try {
    // Non-blocking, so that opening a pipe put at this name does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') return ignored(path);
    throw new ConfigError(path, `it could not be opened (${code ?? (error as Error).message})`);
  }
  try {
    if (!fstatSync(fd).isFile()) return ignored(path);
    const bytes = readLimited(fd, MAX_CONFIG_BYTES);
    if (!bytes) throw new ConfigError(path, `it holds more than ${MAX_CONFIG_BYTES / 1024} KB, far more than the few settings this tool writes`);
    return decodeUtf8(bytes);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(path, (error as Error).message);
  } finally {
    closeSync(fd);
  }
}

function ignored(path: string): undefined {
  if (!noted.has(path)) note(`The settings file ${path} is not a regular file; it is ignored.`);
  noted.add(path);
  return undefined;
}

/** The stored settings; an absent file is no settings. A broken one is an error the caller may soften. */
export function readConfig(path = configPath()): Config {
  const text = readConfigText(path);
  if (text === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(path, issue && issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : 'it must hold a JSON object');
  }
  return result.data;
}

export function writeConfig(config: Config, path = configPath()): void {
  const clean = configSchema.parse(config);
  writeFileAtomic(path, `${JSON.stringify(clean, null, 2)}\n`, { force: true, mkdir: true });
}

/** Removes the settings file; returns whether there was one. */
export function clearConfig(path = configPath()): boolean {
  if (!existsSync(path)) return false;
  unlinkSync(path);
  return true;
}
