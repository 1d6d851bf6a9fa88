import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/io/input-source.js';
import { readTextInput } from '../../src/io/read-text.js';
import { InputError } from '../../src/io/rows.js';
import { tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const HEADER = 'name,city,region,recipient,recipient_name,stance\n';
const latin1 = (s: string) => Buffer.from(s, 'latin1');

function file(bytes: Buffer | string, name = 'senders.csv'): string {
  const path = join(tempDir('bl-enc-'), name);
  writeFileSync(path, bytes);
  return path;
}

async function text(path: string, encoding?: string): Promise<string> {
  const source = await openInput(path, { encoding });
  let out = '';
  for await (const chunk of source.chunks) out += chunk;
  await source.close();
  return out;
}

describe('bulk input that is not UTF-8', () => {
  const cp1252 = Buffer.concat([
    Buffer.from(`${HEADER}Alex,Leeds,uk,mp,Jane Smith,maintain\n`),
    latin1('Jos\xe9 M\xfcller,Z\xfcrich,uk,mp,Jane Smith,maintain\n'),
  ]);

  it('is refused before any row is read, naming the line and how to save it as UTF-8', async () => {
    const error = await openInput(file(cp1252)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ atStart: true, message: expect.stringMatching(/senders\.csv is not UTF-8 text: line 3 has the byte 0xE9.*"José Müller/) });
    expect((error as InputError).hint).toMatch(/CSV UTF-8.*\n.*--encoding windows-1252/s);
  });

  it('is read as the encoding --encoding names', async () => {
    expect(await text(file(cp1252), 'windows-1252')).toContain('José Müller,Zürich');
  });

  it('is read whole when it is UTF-8, a byte-order mark dropped, characters split across 64 KB chunks', async () => {
    const long = `\uFEFF${HEADER}${'Жанна Müller,Мінск,uk,mp,Jane Smith,maintain\n'.repeat(3000)}`;
    expect(await text(file(long))).toBe(long.slice(1));
  });

  it('bulk refuses it with exit 2 and writes nothing; with --encoding it writes the names right', async () => {
    const path = file(cp1252);
    const out = join(tempDir('bl-enc-out-'), 'letters');
    const refused = await runMain(['bulk', path, '--out-dir', out, '--date', '2026-01-10']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not UTF-8 text: line 3/);
    expect(existsSync(out)).toBe(false);
    const json = await runMain(['bulk', path, '--out', '-', '--encoding', 'cp1252', '--date', '2026-01-10']);
    expect(json.code).toBe(0);
    const letters = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { letter: string });
    expect(letters[1]?.letter).toContain('José Müller');
    expect(json.stdout).not.toContain('\uFFFD');
    expect((await runMain(['bulk', path, '--encoding', 'ebcdic'])).stderr).toMatch(
      /Unknown encoding "ebcdic" \(--encoding\)\. Choose utf-8, windows-1252 or latin1/,
    );
  });
});

describe('property: a sheet with any bytes in its names', () => {
  it('either gives letters with no replacement character, or is refused naming the first line that is not UTF-8', async () => {
    const byte = fc.oneof(fc.integer({ min: 0x41, max: 0x5a }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x80, 0x94));
    const name = fc.array(byte, { minLength: 1, maxLength: 6 }).map((b) => Buffer.from([0x41, ...b.filter((x) => x !== 0x22)]));
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 4 }), async (names) => {
        const rows = names.map((n) => Buffer.concat([Buffer.from('"'), n, Buffer.from('",Leeds,uk,mp,Jane Smith,maintain\n')]));
        const path = file(Buffer.concat([Buffer.from(HEADER), ...rows]));
        const r = await runMain(['bulk', path, '--out', '-', '--date', '2026-01-10']);
        const firstBad = names.findIndex((n) => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(n);
            return false;
          } catch {
            return true;
          }
        });
        if (firstBad === -1) {
          expect(r.stdout).not.toContain('\uFFFD');
          // A row fails only for what UTF-8 can say but a name must not hold (a C1 control character).
          expect(r.code === 0 || /control characters/.test(r.stderr)).toBe(true);
        } else {
          expect(r.code).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr).toContain(`is not UTF-8 text: line ${firstBad + 2} has the byte`);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('--story-file', () => {
  it('refuses a story that is not UTF-8, naming the line', () => {
    expect(() => readTextInput(file(latin1('My aunt\nJos\xe9 was jailed.\n'), 'story.txt'), '--story-file')).toThrow(
      /--story-file .*story\.txt: the file is not UTF-8 text: line 2 has the byte 0xE9/,
    );
  });

  it('reads at most 64 KB, so a link to an endless file cannot fill the memory', () => {
    expect(readTextInput(file('\uFEFFMy aunt.\n', 'story.txt'), '--story-file')).toBe('My aunt.\n');
    expect(() => readTextInput(file('x'.repeat(70_000), 'story.txt'), '--story-file')).toThrow(/the file holds more than 64 KB/);
    expect(() => readTextInput('/dev/zero', '--story-file')).toThrow(/--story-file \/dev\/zero: the file holds more than 64 KB/);
  });
});
