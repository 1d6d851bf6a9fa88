/** Pack fixtures for unit tests: the built-in pack, and small packs written to temp folders. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PackError } from '../../src/errors.js';
import { builtinPackDir } from '../../src/pack/files.js';
import { loadPack, type Pack } from '../../src/pack/load.js';
import { validatePack } from '../../src/render/page-check.js';
import { letterRequestSchema, type LetterRequest, type LetterRequestInput } from '../../src/request.js';
import { tempDir } from './cli.js';

let builtin: Pack | undefined;
export function builtinPack(): Pack {
  return (builtin ??= loadPack());
}

export function request(overrides: Partial<LetterRequestInput> = {}): LetterRequest {
  return letterRequestSchema.parse({
    region: 'uk',
    recipient: 'mp',
    stance: 'maintain',
    name: 'Alex Doe',
    city: 'Leeds',
    recipientName: 'Jane Smith',
    date: '2026-01-10',
    ...overrides,
  });
}

/** A copy of the built-in pack in a temp folder, with some files replaced or added. */
export function packCopy(files: Record<string, string> = {}): string {
  const dir = join(tempDir('bl-pack-'), 'pack');
  cpSync(builtinPackDir(), dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** A user's pack in a temp folder, holding just these files, to layer over the built-in one. */
export function userPack(files: Record<string, string>, prefix = 'bl-user-pack-'): string {
  const dir = tempDir(prefix);
  writeFiles(dir, files);
  return dir;
}

/** The problems `templates validate` reports for a pack folder; a test that expects some fails if it passes. */
export function problemsOf(dir: string): string[] {
  try {
    validatePack({ templatesDir: dir });
  } catch (error) {
    if (error instanceof PackError) return [...error.problems];
    throw error;
  }
  throw new Error('the pack loaded');
}
