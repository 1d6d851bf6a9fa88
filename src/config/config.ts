/**
 * The remembered answers: the writer's name, locality and region (and a templates folder), kept
 * only with their consent, in the platform's usual folder for settings. Never the personal
 * answers: those belong to one letter.
 */
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import * as z from 'zod/mini';
import { AppError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file.js';
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
  constructor(path: string, why: string) {
    super(`The settings file ${path} could not be read: ${why}.`, 1, 'Run `belarus-letter config clear` to start afresh, or fix the file.');
  }
}

/** The stored settings; an absent file is no settings. A broken one is an error the caller may soften. */
export function readConfig(path = configPath()): Config {
  if (!existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
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
