/**
 * What bulk does only as a process: stopped by a signal, writing into a pipe whose reader has
 * gone, drawing progress on a real terminal. Everything else bulk does is tested in process
 * (tests/cli/bulk.test.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempDir } from '../helpers/cli.js';
import { csvRows, DATE, letters, manifest, sheet } from '../helpers/bulk.js';

// Enough that a kill after the first 15 letters lands mid-batch even if rendering gets ten times faster.
const ROWS = 600;

describe('bulk --out - into a closed pipe', () => {
  it('--out - stops quietly when the reader closes the pipe', async () => {
    const dir = tempDir();
    const path = sheet(dir, csvRows(200));
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} bulk ${JSON.stringify(path)} --out - --date 2026-11-25 | head -c 10 >/dev/null; exit \${PIPESTATUS[0]}`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/stdout was closed by the program reading it/);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('bulk: an interrupted run', () => {
  it('leaves only whole letters, and --resume completes the batch', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const path = sheet(dir, csvRows(ROWS));
    const env = { ...process.env, NO_COLOR: '1', CI: '1' };
    const child = spawn(process.execPath, [BIN, 'bulk', path, '--out-dir', out, ...DATE], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill it hard once some letters are on disk, well before the end.
    const deadline = Date.now() + 60_000;
    while (letters(out).length < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const before = letters(out);
    expect(before.length).toBeGreaterThanOrEqual(15);
    expect(before.length).toBeLessThan(ROWS);

    // What each letter should be, from the same rows printed to stdout.
    const expected = new Map<string, string>();
    const all = run(['bulk', path, '--out', '-', ...DATE], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    for (const line of all.stdout.trim().split('\n')) {
      const rec = JSON.parse(line);
      expected.set(rec.file, rec.letter);
    }
    expect(expected.size).toBe(ROWS);
    for (const f of before) expect(readFileSync(join(out, f), 'utf8')).toBe(expected.get(f));
    // The manifest is true up to its last whole line.
    const lines = readFileSync(join(out, '.belarus-letter-manifest.ndjson'), 'utf8').split('\n').filter(Boolean);
    const parsed = lines.slice(0, -1).map((l) => JSON.parse(l));
    for (const m of parsed.filter((p) => p.status === 'written')) expect(before).toContain(m.file);

    const resumed = run(['bulk', path, '--out-dir', out, '--resume', ...DATE], { timeout: 120_000 });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/skipped, 0 failed/);
    const after = letters(out);
    expect(after).toHaveLength(ROWS);
    for (const f of after) expect(readFileSync(join(out, f), 'utf8')).toBe(expected.get(f));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});

describe('bulk: Ctrl-C', () => {
  it('stops after the rows in hand, exits 130 and prints the command to resume', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const path = sheet(dir, csvRows(ROWS));
    const child = spawn(process.execPath, [BIN, 'bulk', path, '--out-dir', out, ...DATE], { env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 60_000;
    while (letters(out).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    expect(await code).toBe(130);
    expect(stderr).toMatch(/Stopped after [\d,]+ rows\./);
    expect(stderr).toMatch(/To carry on:\n {2}belarus-letter bulk .* --resume/);
    const written = manifest(out)
      .filter((m) => m.status === 'written')
      .map((m) => m.file);
    expect(letters(out)).toEqual(written.sort());
    expect(written.length).toBeLessThan(ROWS);
  }, 120_000);
});

describe('bulk: progress', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)('draws a progress bar only when stderr is a terminal', async () => {
    const dir = tempDir();
    const path = sheet(dir, csvRows(30));
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} bulk ${JSON.stringify(path)} --out-dir ${JSON.stringify(join(dir, 'tty'))} --date 2026-11-25`;
    const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(tty.stdout).toMatch(/\r\[[#-]+\]\s+\d+% \d+ written/);
    expect(tty.stdout).toMatch(/Wrote 30 letters/);
    const piped = run(['bulk', path, '--out-dir', join(dir, 'piped'), ...DATE]);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr).toMatch(/Wrote 30 letters/);
  });
  if (!hasScript) console.log('bulk progress test skipped: the `script` command (util-linux) is not installed');
});
