/** Pack fixtures for unit tests: the built-in pack, and small packs written to temp folders. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinPackDir } from '../../src/pack/files.js';
import { loadPack, type Pack } from '../../src/pack/load.js';
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
