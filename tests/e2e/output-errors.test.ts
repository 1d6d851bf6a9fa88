/**
 * Output that cannot be written, and things at an output's name that are not files: the real
 * binary, with its stdout on /dev/full (Linux's always-full device) or its files among FIFOs,
 * folders and links made in a temporary folder (never /dev/null itself).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempDir, UK_MP } from '../helpers/cli.js';

const SHEET = [
  'name,city,region,recipient,recipient_name,stance',
  'Alex Doe,Leeds,uk,mp,Jane Smith,maintain',
  'Sam Lee,"Portland, OR",us,senator,John Doe,conditional',
].join('\n');
const DATE = ['--date', '2026-11-25'];
const MANIFEST = '.belarus-letter-manifest.ndjson';
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
    [['facts'], 'the list of facts'],
    [['regions', '--json'], 'the list of regions'],
    [[...UK_MP], 'the letter'],
    [[...UK_MP, '--format', 'pdf'], 'the PDF'],
    [['bulk', 'senders.csv', '--out', '-', ...DATE], 'the letter of row 2'],
    [['bulk', 'senders.csv', '--dry-run', ...DATE], 'the list of files'],
    [['bulk', 'senders.csv', '--json', '--out-dir', 'letters', ...DATE], 'the JSON summary'],
    [['templates', 'show', 'letter'], 'the template'],
    [['--help'], 'the help'],
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

describe('draft --out: only a file is ever replaced, and a failure names the path', () => {
  const specials: Record<string, (path: string) => void> = {
    'a FIFO (named pipe)': (path) => execFileSync('mkfifo', [path]),
    'a folder': (path) => mkdirSync(path),
    'a symbolic link': (path) => symlinkSync('/dev/null', path),
  };
  for (const [kind, make] of Object.entries(specials)) {
    it(`refuses ${kind} at --out, with --force too`, () => {
      const dir = tempDir();
      const out = join(dir, 'letter.txt');
      make(out);
      const before = lstatSync(out);
      const r = run([...UK_MP, '--out', out, '--force']);
      expect(r.stderr).toContain(`belarus-letter: ${out} is ${kind}, not a file; it was left untouched, as only files are ever replaced.`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(1);
      expect(lstatSync(out).ino).toBe(before.ino);
      expect(readdirSync(dir)).toEqual(['letter.txt']);
    });
  }

  it('a link to /dev/null stays a link and /dev/null a device', () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'out.txt'));
    expect(run([...UK_MP, '--out', join(dir, 'out.txt'), '--force']).code).toBe(1);
    expect(readlinkSync(join(dir, 'out.txt'))).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a file where a folder should be: the folder and the cause, in one line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    const r = run([...UK_MP, '--out', join(dir, 'afile', 'sub', 'letter.txt')]);
    expect(r.stderr).toContain(`belarus-letter: Could not create the folder ${join(dir, 'afile', 'sub')}: part of the path is a file, not a folder (ENOTDIR).`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });

  it('templates eject under a file says so, not that something went wrong', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    const r = run(['templates', 'eject', join(dir, 'afile', 'pack')]);
    expect(r.stderr).toMatch(/^belarus-letter: Could not create the folder .*afile\/pack: part of the path is a file, not a folder \(ENOTDIR\)\.$/m);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });
});

describe('bulk: what sits in the out-dir', () => {
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

  it('will not follow a link at the manifest\'s name', () => {
    const { dir, out } = batch();
    mkdirSync(out);
    writeFileSync(join(dir, 'precious.txt'), 'mine\n');
    symlinkSync('../precious.txt', join(out, MANIFEST));
    for (const args of [[], ['--resume']]) {
      const r = bulk(dir, ...args);
      expect(r.stderr).toContain(`belarus-letter: letters/${MANIFEST} is a symbolic link where bulk keeps its manifest (a file it writes itself); it was left untouched.`);
      expect(r.code).toBe(1);
    }
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(out)).toEqual([MANIFEST]);
  });

  it('a folder at the manifest\'s name is named, not an internal error', () => {
    const { dir, out } = batch();
    mkdirSync(join(out, MANIFEST), { recursive: true });
    for (const args of [[], ['--resume']]) {
      const r = bulk(dir, ...args);
      expect(r.stderr).toContain(`letters/${MANIFEST} is a folder where bulk keeps its manifest`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(1);
    }
  });

  it('--resume ignores, with a warning, manifest lines naming files outside the out-dir', () => {
    const { dir, out } = batch();
    mkdirSync(out);
    writeFileSync(
      join(out, MANIFEST),
      `${JSON.stringify({ run: 'x', input: 'senders.csv', date: '2026-11-25' })}\n${JSON.stringify({ row: 2, status: 'written', file: '../../../../etc/passwd', error: null })}\n`,
    );
    const r = bulk(dir, '--resume');
    expect(r.stderr).toContain(`warning: line 2 of letters/${MANIFEST} names "../../../../etc/passwd", which is not a file in letters; that line is ignored.`);
    expect(r.stderr).toMatch(/Wrote 2 letters in letters\/: 0 skipped, 0 failed/);
    expect(r.code).toBe(0);
  });

  it('--resume blames the manifest, not the sheet, for a date in its header that is not one', () => {
    const { dir, out } = batch();
    mkdirSync(out);
    writeFileSync(join(out, MANIFEST), `${JSON.stringify({ run: 'x', input: 'senders.csv', date: '2026-02-30' })}\n`);
    const r = run(['bulk', 'senders.csv', '--out-dir', 'letters', '--resume'], { cwd: dir });
    expect(r.stderr).toContain(`belarus-letter: letters/${MANIFEST} gives the batch's date as "2026-02-30", which is not a real date.`);
    expect(r.stderr).not.toMatch(/row \d/);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([MANIFEST]);
  });

  it('an out-dir under a file: the folder and the cause', () => {
    const { dir } = batch();
    writeFileSync(join(dir, 'afile'), '');
    const r = run(['bulk', 'senders.csv', '--out-dir', 'afile/letters', ...DATE], { cwd: dir });
    expect(r.stderr).toContain('belarus-letter: Could not create the folder afile/letters: part of the path is a file, not a folder (ENOTDIR).');
    expect(r.code).toBe(1);
  });

  it.runIf(existsSync('/proc/self'))('an out-dir the system will not make (under /proc) ends at once with the cause', () => {
    const { dir } = batch();
    const r = run(['bulk', 'senders.csv', '--out-dir', '/proc/belarus-letter-test', ...DATE], { cwd: dir, timeout: 20_000 });
    expect(r.stderr).toContain('belarus-letter: Could not create the folder /proc/belarus-letter-test: no such file or folder (ENOENT).');
    expect(r.code).toBe(1);
  });

  // chmod makes nothing read-only for root; tests/unit/fs-injected-errors.test.ts covers EROFS and EACCES always.
  it.skipIf(process.getuid?.() === 0)('a read-only out-dir: the manifest, the cause, and nothing else written (skipped as root: chmod does not bind root)', () => {
    const { dir, out } = batch();
    mkdirSync(out, { mode: 0o555 });
    const r = bulk(dir);
    expect(r.stderr).toContain(`belarus-letter: Could not write letters/${MANIFEST}: permission denied (EACCES).`);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });
});

