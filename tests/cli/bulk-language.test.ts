/**
 * A bulk sheet in several languages: a row's language column picks the built-in pack that writes
 * its letter (else --language, else English), and a language that cannot write the row is that
 * row's error, naming the row, the column and the languages that can.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const DATE = ['--date', '2026-11-30'];

function sheetOf(rows: string[]): string {
  const dir = tempDir('bl-bulk-lang-');
  const path = join(dir, 'senders.csv');
  writeFileSync(path, ['name,city,region,recipient,stance,language', ...rows].join('\n'));
  return path;
}

/** The NDJSON records of --out -, by row. */
const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { row: number; letter: string });

describe('bulk with a language column', () => {
  it('writes each row in its own language', async () => {
    const path = sheetOf([
      'Jana Novak,Berlin,eu,mep,maintain,de',
      'Jan Kowalski,Kraków,eu,mep,maintain,PL',
      'Alex Doe,Leeds,uk,mp,maintain,',
      'Sam Lee,Leeds,uk,mp,maintain,en',
    ]);
    const run = await runMain(['bulk', path, '--out', '-', ...DATE]);
    expect(run.code).toBe(0);
    const [de, pl, en, en2] = records(run.stdout).map((r) => r.letter);
    expect(de).toContain('Berlin, 30. November 2026');
    expect(de).toContain('Quellen');
    expect(pl).toContain('30 listopada 2026');
    expect(pl).toContain('Źródła');
    expect(en).toContain('Sources');
    expect(en2).toContain('30 November 2026');
  });

  it('takes --language for rows that leave the column empty', async () => {
    const path = sheetOf(['Jana Novak,Berlin,eu,mep,maintain,', 'Anna Nowak,Gdańsk,eu,mep,maintain,pl', 'Alex Doe,Leeds,United Kingdom,mp,maintain,en']);
    const run = await runMain(['bulk', path, '--out', '-', '--language', 'de', ...DATE]);
    expect(run.code).toBe(0);
    const [de, pl, en] = records(run.stdout).map((r) => r.letter);
    expect(de).toContain('Quellen');
    expect(pl).toContain('Źródła');
    // A country the German pack has no letters for is still read for a row in English.
    expect(en).toContain('Sources');
  });

  it('fails a row in a language with no built-in letters, or without letters for its official, and writes the rest', async () => {
    const path = sheetOf(['Jana Novak,Berlin,eu,mep,maintain,fr', 'Alex Doe,Leeds,uk,mp,maintain,de', 'Jan Kowalski,Kraków,eu,mep,maintain,pl']);
    const out = join(tempDir('bl-bulk-lang-out-'), 'letters');
    const run = await runMain(['bulk', path, '--out-dir', out, ...DATE]);
    expect(run.code).toBe(EXIT.failed);
    expect(run.stderr).toContain('row 2, column language: there are no built-in letters in "fr"; choose en, de or pl');
    expect(run.stderr).toContain('row 3, column language: the "de" letters are not for region uk, recipient mp; en has them');
    expect(readFileSync(join(out, '0004-mep-jan-kowalski.txt'), 'utf8')).toContain('Źródła');
  });

  it('refuses --language for a --region it has no letters for, before any row', async () => {
    const path = sheetOf(['Alex Doe,Leeds,,mp,maintain,']);
    const run = await runMain(['bulk', path, '--out', '-', '--language', 'pl', '--region', 'uk', ...DATE]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('The built-in letters in "pl" (--language) are not for region uk; the letters in en are.');
    expect(run.stdout).toBe('');
  });
});
