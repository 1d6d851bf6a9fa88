/**
 * Output that needs the real binary: stdout on /dev/full (Linux's always-full device), and FIFOs
 * at an output's name, which a regression would block on for good (in process, the whole test
 * run). Other output failures are tested in process (tests/cli/output-errors.test.ts).
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readlinkSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempDir, UK_MP } from '../helpers/cli.js';

const SHEET = [
  'name,city,region,recipient,recipient_name,stance',
  'Alex Doe,Leeds,uk,mp,Jane Smith,maintain',
  'Sam Lee,"Portland, OR",us,senator,John Doe,conditional',
].join('\n');
const DATE = ['--date', '2026-11-25'];
const STACK = /\n\s+at |Something went wrong/;

/** Runs the CLI with its stdout on /dev/full: every write fails with ENOSPC. */
function intoFullDisk(args: string[], cwd: string): { code: number | null; stderr: string } {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      timeout: 30_000,
    });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.runIf(existsSync('/dev/full'))('stdout on a full disk: an error naming what was lost, exit 1', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'senders.csv'), SHEET);
  const cases: [string[], string][] = [
    [[...UK_MP], 'the letter'],
    [['bulk', 'senders.csv', '--out', '-', ...DATE], 'the letter of row 2'],
  ];
  for (const [args, what] of cases) {
    it(`${args.join(' ')} > /dev/full`, () => {
      const r = intoFullDisk(args, dir);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toContain(`belarus-letter: Could not write ${what} to standard output: no space left on the disk (ENOSPC).\n`);
      expect(r.stderr).not.toMatch(/Printed \d/);
      expect(r.code).toBe(1);
    });
  }
});

describe("FIFOs and devices at an output's name are never opened", () => {
  it('draft refuses a FIFO at --out, with --force too', () => {
    const dir = tempDir();
    const out = join(dir, 'letter.txt');
    execFileSync('mkfifo', [out]);
    const before = lstatSync(out);
    const r = run([...UK_MP, '--out', out, '--force']);
    expect(r.stderr).toContain(`belarus-letter: ${out} is a FIFO (named pipe), not a file; it was left untouched, as only files are ever replaced.`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
    expect(lstatSync(out).ino).toBe(before.ino);
    expect(readdirSync(dir)).toEqual(['letter.txt']);
  });

  function batch(): { dir: string; out: string } {
    const dir = tempDir();
    writeFileSync(join(dir, 'senders.csv'), SHEET);
    return { dir, out: join(dir, 'letters') };
  }
  const bulk = (dir: string, ...args: string[]) => run(['bulk', 'senders.csv', '--out-dir', 'letters', ...DATE, ...args], { cwd: dir, timeout: 20_000 });

  it('--force fails the rows whose names hold a FIFO or a link, and replaces neither', () => {
    const { dir, out } = batch();
    mkdirSync(out);
    execFileSync('mkfifo', [join(out, '0002-jane-smith-alex-doe.txt')]);
    symlinkSync('/dev/null', join(out, '0003-john-doe-sam-lee.txt'));
    const r = bulk(dir, '--force');
    expect(r.stderr).toContain('error: row 2: letters/0002-jane-smith-alex-doe.txt is a FIFO (named pipe), not a letter file; it was left untouched');
    expect(r.stderr).toContain('error: row 3: letters/0003-john-doe-sam-lee.txt is a symbolic link, not a letter file; it was left untouched');
    expect(r.code).toBe(1);
    expect(lstatSync(join(out, '0002-jane-smith-alex-doe.txt')).isFIFO()).toBe(true);
    expect(readlinkSync(join(out, '0003-john-doe-sam-lee.txt'))).toBe('/dev/null');
  });

  it('--resume fails a row whose name holds a link to /dev/zero or a FIFO, and ends', () => {
    const { dir, out } = batch();
    expect(bulk(dir).code).toBe(0);
    for (const name of readdirSync(out)) if (!name.startsWith('.')) execFileSync('rm', ['-r', join(out, name)]);
    symlinkSync('/dev/zero', join(out, '0002-jane-smith-alex-doe.txt'));
    execFileSync('mkfifo', [join(out, '0003-john-doe-sam-lee.txt')]);
    const r = bulk(dir, '--resume');
    expect(r.stderr).toContain('error: row 2: letters/0002-jane-smith-alex-doe.txt is a symbolic link, not a letter file');
    expect(r.stderr).toContain('error: row 3: letters/0003-john-doe-sam-lee.txt is a FIFO (named pipe), not a letter file');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });
});
