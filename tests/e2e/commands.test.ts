/**
 * Each command once through the built binary, as a user runs it: the entry (main.ts), the
 * bundle's lazy chunks and the built-in pack precompiled into dist/. What a command does in detail
 * is tested in process (tests/cli/); here are only what needs a process of its own: stdin read as
 * fd 0, colour chosen at start-up, the `--version` fast path.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir, UK_MP } from '../helpers/cli.js';

describe('the built binary', () => {
  it('--version prints the package version, --help the commands with examples', () => {
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: belarus-letter[\s\S]*Examples:/);
  });

  it('draft prints a letter to stdout, with a note on stale figures on stderr', () => {
    const r = run(UK_MP);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Alex Doe\nLeeds\n\n25 November 2026\n\nJane Smith MP\nHouse of Commons\nLondon SW1A 0AA\n\nDear Jane Smith,\n\n/);
    expect(r.stdout).toMatch(/\n\nAlex Doe\n\nSources\n1\. /);
    expect(r.stderr).toMatch(/^note: The count of political prisoners in this letter is from the end of December 2025/m);
  });

  it('draft reads the story from stdin with --story-file -', () => {
    const r = run([...UK_MP, '--story-file', '-'], { input: 'Told on stdin.' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Told on stdin.');
  });

  it('uses no colour codes with NO_COLOR, and never colours the letter on stdout', () => {
    const bad = ['draft', '-r', 'xx', '-t', 'mp', '-s', 'maintain', '-n', 'A', '-c', 'B'];
    expect(run(bad).stderr).not.toMatch(/\u001b\[/);
    const forced = run(bad, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stderr).toMatch(/\u001b\[/);
    const letter = run(UK_MP, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(letter.stdout).not.toMatch(/\u001b\[/);
  });

  it('bulk writes one letter per row and a manifest', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'senders.csv'),
      'name,city,region,recipient,recipient_name,stance\nAlex Doe,Leeds,uk,mp,Jane Smith,maintain\nSam Lee,"Portland, OR",us,senator,John Doe,conditional\n',
    );
    const r = run(['bulk', 'senders.csv', '--out-dir', 'letters', '--date', '2026-11-25'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote 2 letters in letters\/: 0 skipped, 0 failed/);
    expect(readdirSync(join(dir, 'letters')).sort()).toEqual(['.belarus-letter-manifest.ndjson', '0002-jane-smith-alex-doe.txt', '0003-john-doe-sam-lee.txt']);
    expect(readFileSync(join(dir, 'letters', '0003-john-doe-sam-lee.txt'), 'utf8')).toMatch(/^Dear Senator Doe:$/m);
  });

  it('regions, stances, facts and officials list what they know', () => {
    const regions = run(['regions', '--json']);
    expect(regions.code).toBe(0);
    expect((JSON.parse(regions.stdout) as { id: string }[]).map((x) => x.id)).toEqual(['us', 'uk', 'eu', 'ca', 'au', 'other']);
    expect(run(['stances']).stdout).toMatch(/^maintain\s+Keep the sanctions$/m);
    expect(run(['facts']).stdout).toMatch(/still-imprisoned \(as of 31 December 2025\)/);
    const officials = run(['officials', '--zip', '97201']);
    expect(officials.code, officials.stderr).toBe(0);
    expect(officials.stdout).toMatch(/^ZIP 97201: Oregon, district OR-1\n/);
  });

  it('templates lists the built-in template, config shows that nothing is remembered', () => {
    expect(run(['templates', 'list']).stdout).toMatch(/^letter\n {2}A one-page letter/);
    const config = run(['config'], { env: { XDG_CONFIG_HOME: tempDir() } });
    expect(config.code).toBe(0);
    expect(config.stdout).toContain('Nothing is remembered.');
  });
});
