import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const SHEET = [
  'name,city,region,recipient,recipient_name,stance',
  'Alex Doe,Leeds,uk,mp,Jane Smith,maintain',
  'Sam Lee,"Portland, OR",us,senator,John Doe,conditional',
].join('\n');
const DATE = ['--date', '2026-11-25'];
const MANIFEST = '.belarus-letter-manifest.ndjson';
const STACK = /\n\s+at |Something went wrong/;

/** stdout as /dev/full gives it: every write fails with ENOSPC (tests/e2e/ uses the real device). */
const fullDisk = () => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
};

describe('stdout on a full disk: an error naming what was lost, exit 1', () => {
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
    it(`${args.join(' ')} > /dev/full`, async () => {
      const r = await runMain(args, { cwd: dir, stdout: fullDisk });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toContain(`belarus-letter: Could not write ${what} to standard output: no space left on the disk (ENOSPC).\n`);
      expect(r.stderr).not.toMatch(/Printed \d/);
      expect(r.code).toBe(1);
    });
  }
});

describe('draft --out: only a file is ever replaced, and a failure names the path', () => {
  const specials: Record<string, (path: string) => void> = {
    'a folder': (path) => mkdirSync(path),
    'a symbolic link': (path) => symlinkSync('/dev/null', path),
  };
  for (const [kind, make] of Object.entries(specials)) {
    it(`refuses ${kind} at --out, with --force too`, async () => {
      const dir = tempDir();
      const out = join(dir, 'letter.txt');
      make(out);
      const before = lstatSync(out);
      const r = await runMain([...UK_MP, '--out', out, '--force']);
      expect(r.stderr).toContain(`belarus-letter: ${out} is ${kind}, not a file; it was left untouched, as only files are ever replaced.`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(1);
      expect(lstatSync(out).ino).toBe(before.ino);
      expect(readdirSync(dir)).toEqual(['letter.txt']);
    });
  }

  it('a link to /dev/null stays a link and /dev/null a device', async () => {
    const dir = tempDir();
    symlinkSync('/dev/null', join(dir, 'out.txt'));
    expect((await runMain([...UK_MP, '--out', join(dir, 'out.txt'), '--force'])).code).toBe(1);
    expect(readlinkSync(join(dir, 'out.txt'))).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a file where a folder should be: the folder and the cause, in one line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    const r = await runMain([...UK_MP, '--out', join(dir, 'afile', 'sub', 'letter.txt')]);
    expect(r.stderr).toContain(`belarus-letter: Could not create the folder ${join(dir, 'afile', 'sub')}: part of the path is a file, not a folder (ENOTDIR).`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });

  it('templates eject under a file says so, not that something went wrong', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    const r = await runMain(['templates', 'eject', join(dir, 'afile', 'pack')]);
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
  const bulk = (dir: string, ...args: string[]) => runMain(['bulk', 'senders.csv', '--out-dir', 'letters', ...DATE, ...args], { cwd: dir });

  it("will not follow a link at the manifest's name", async () => {
    const { dir, out } = batch();
    mkdirSync(out);
    writeFileSync(join(dir, 'precious.txt'), 'mine\n');
    symlinkSync('../precious.txt', join(out, MANIFEST));
    for (const args of [[], ['--resume']]) {
      const r = await bulk(dir, ...args);
      expect(r.stderr).toContain(
        `belarus-letter: letters/${MANIFEST} is a symbolic link where bulk keeps its manifest (a file it writes itself); it was left untouched.`,
      );
      expect(r.code).toBe(1);
    }
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(out)).toEqual([MANIFEST]);
  });

  it("a folder at the manifest's name is named, not an internal error", async () => {
    const { dir, out } = batch();
    mkdirSync(join(out, MANIFEST), { recursive: true });
    for (const args of [[], ['--resume']]) {
      const r = await bulk(dir, ...args);
      expect(r.stderr).toContain(`letters/${MANIFEST} is a folder where bulk keeps its manifest`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(1);
    }
  });

  it('--resume ignores, with a warning, manifest lines naming files outside the out-dir', async () => {
    const { dir, out } = batch();
    mkdirSync(out);
    writeFileSync(
      join(out, MANIFEST),
      `${JSON.stringify({ run: 'x', input: 'senders.csv', date: '2026-11-25' })}\n${JSON.stringify({ row: 2, status: 'written', file: '../../../../etc/passwd', error: null })}\n`,
    );
    const r = await bulk(dir, '--resume');
    expect(r.stderr).toContain(`warning: line 2 of letters/${MANIFEST} names "../../../../etc/passwd", which is not a file in letters; that line is ignored.`);
    expect(r.stderr).toMatch(/Wrote 2 letters in letters\/: 0 skipped, 0 failed/);
    expect(r.code).toBe(0);
  });

  it('--resume blames the manifest, not the sheet, for a date in its header that is not one', async () => {
    const { dir, out } = batch();
    mkdirSync(out);
    writeFileSync(join(out, MANIFEST), `${JSON.stringify({ run: 'x', input: 'senders.csv', date: '2026-02-30' })}\n`);
    const r = await runMain(['bulk', 'senders.csv', '--out-dir', 'letters', '--resume'], { cwd: dir });
    expect(r.stderr).toContain(`belarus-letter: letters/${MANIFEST} gives the batch's date as "2026-02-30", which is not a real date.`);
    expect(r.stderr).not.toMatch(/row \d/);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual([MANIFEST]);
  });

  it('an out-dir under a file: the folder and the cause', async () => {
    const { dir } = batch();
    writeFileSync(join(dir, 'afile'), '');
    const r = await runMain(['bulk', 'senders.csv', '--out-dir', 'afile/letters', ...DATE], { cwd: dir });
    expect(r.stderr).toContain('belarus-letter: Could not create the folder afile/letters: part of the path is a file, not a folder (ENOTDIR).');
    expect(r.code).toBe(1);
  });

  it.runIf(existsSync('/proc/self'))('an out-dir the system will not make (under /proc) ends at once with the cause', async () => {
    const { dir } = batch();
    const r = await runMain(['bulk', 'senders.csv', '--out-dir', '/proc/belarus-letter-test', ...DATE], { cwd: dir });
    expect(r.stderr).toContain('belarus-letter: Could not create the folder /proc/belarus-letter-test: no such file or folder (ENOENT).');
    expect(r.code).toBe(1);
  });

  // chmod makes nothing read-only for root; tests/unit/fs-injected-errors.test.ts covers EROFS and EACCES always.
  it.skipIf(process.getuid?.() === 0)(
    'a read-only out-dir: the manifest, the cause, and nothing else written (skipped as root: chmod does not bind root)',
    async () => {
      const { dir, out } = batch();
      mkdirSync(out, { mode: 0o555 });
      const r = await bulk(dir);
      expect(r.stderr).toContain(`belarus-letter: Could not write letters/${MANIFEST}: permission denied (EACCES).`);
      expect(r.code).toBe(1);
      expect(readdirSync(out)).toEqual([]);
    },
  );
});
