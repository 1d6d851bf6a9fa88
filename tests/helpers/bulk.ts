/** Sheets and out-dirs for the bulk tests, in process (tests/cli/) and spawned (tests/e2e/). */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DATE = ['--date', '2026-11-25'];
export const HEADER = 'name,city,region,recipient,recipient_name,stance,story';

/** Writes text as a sheet in dir and returns its path. */
export function sheet(dir: string, text: string | Buffer, name = 'senders.csv'): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The letters in an out-dir, without the manifest and temporary files. */
export const letters = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .sort()
    : [];

/** The manifest's row records. */
export const manifest = (dir: string) =>
  readFileSync(join(dir, '.belarus-letter-manifest.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((r) => 'row' in r);

/** n UK rows of distinct senders, every other one with a story. */
export function csvRows(n: number): string {
  const rows = [HEADER];
  for (let i = 0; i < n; i++)
    rows.push(
      `Sender ${i},Town ${i % 17},uk,mp,Jane Smith,${['maintain', 'strengthen', 'conditional'][i % 3]},${i % 2 ? `"Story number ${i}, in my words."` : ''}`,
    );
  return `${rows.join('\n')}\n`;
}
