import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { KEY, runInPty } from '../helpers/pty.js';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// A pseudo-terminal session on two shared cores can be slow; waits have their own limits.
describe('the wizard in a terminal', { timeout: 120_000 }, () => {
  it('takes a first-time writer from nothing to a saved letter, and remembers them', async () => {
    const cwd = tempDir();
    const config = tempDir();
    const s = runInPty([], { cwd, env: { XDG_CONFIG_HOME: config } });
    await s.waitFor('Where do you live?');
    s.type('kingdom');
    await s.waitFor('You can write to: Member of Parliament');
    s.type(KEY.enter);
    await s.waitFor('Who will you write to?');
    s.type(KEY.enter);
    await s.waitFor('Their name (optional)');
    s.type(`Ms Jane Smith${KEY.enter}`);
    await s.waitFor('The letter opens "Dear Ms Smith,"');
    await s.waitFor('What will you ask for?');
    s.type(KEY.down + KEY.enter);
    await s.waitFor('Which facts should the letter cite?');
    s.type(KEY.enter);
    await s.waitFor('Your name, as you will sign');
    s.type(`Alex Doe${KEY.enter}`);
    await s.waitFor('Your town or city');
    s.type(`Leeds${KEY.enter}`);
    await s.waitFor('Your street address');
    s.type(`12 Station Road${KEY.enter}`);
    await s.waitFor('Your postcode');
    s.type(`LS1 4AB${KEY.enter}`);
    await s.waitFor('your connection to Belarus');
    s.type(`my aunt in Hrodna was jailed in 2021${KEY.enter}`);
    await s.waitFor('Why does this matter to you?');
    s.type(KEY.enter);
    await s.waitFor('What do you want your Member of Parliament to do?');
    s.type(`Please ask the Foreign Secretary to keep the sanctions${KEY.enter}`);
    await s.waitFor('What next?');
    s.type(KEY.enter);
    await s.waitFor('Save it as');
    s.type(KEY.enter);
    await s.waitFor('File name');
    s.type(KEY.enter);
    await s.waitFor('Remember them?');
    s.type(`y${KEY.enter}`);
    expect(await s.exit).toBe(0);

    const file = join(cwd, `letter-to-jane-smith-${today()}.txt`);
    const letter = readFileSync(file, 'utf8');
    expect(letter).toContain('Dear Ms Smith,');
    expect(letter).toContain('Jane Smith MP\nHouse of Commons');
    expect(letter).toContain('widen them'); // the second stance
    expect(letter).toContain('My aunt in Hrodna was jailed in 2021. Please ask the Foreign Secretary to keep the sanctions.');
    expect(letter).toMatch(/\nSources\n1\. /);
    expect(readdirSync(cwd)).toEqual([`letter-to-jane-smith-${today()}.txt`]);
    expect(s.screen()).toContain('Your letter');
    expect(s.screen()).toMatch(/\d+ words/);

    const stored = JSON.parse(readFileSync(join(config, 'belarus-letter', 'config.json'), 'utf8'));
    expect(stored).toEqual({ name: 'Alex Doe', city: 'Leeds', region: 'uk' });
  });

  it('ends with exit 130, one line and nothing written on Ctrl-C', async () => {
    const cwd = tempDir();
    const config = tempDir();
    const s = runInPty([], { cwd, env: { XDG_CONFIG_HOME: config } });
    await s.waitFor('Where do you live?');
    s.type(KEY.enter);
    await s.waitFor('Who will you write to?');
    s.type(KEY.ctrlC);
    expect(await s.exit).toBe(130);
    expect(s.screen()).toContain('Cancelled; nothing was written.');
    expect(s.screen()).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(config)).toEqual([]);
  });

  it('ends the same way on Ctrl-D in a text question', async () => {
    const cwd = tempDir();
    const s = runInPty(['--region', 'uk', '--recipient', 'mp'], { cwd, env: { XDG_CONFIG_HOME: tempDir() } });
    await s.waitFor('Their name (optional)');
    s.type(KEY.ctrlD);
    expect(await s.exit).toBe(130);
    expect(s.screen()).toContain('Cancelled; nothing was written.');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('never asks what the command line gave, and pre-fills what it remembers', async () => {
    const cwd = tempDir();
    const config = tempDir();
    expect((await runMain(['config'], { env: { XDG_CONFIG_HOME: config } })).stdout).toContain('Nothing is remembered.');
    const s = runInPty(
      [
        'draft',
        '-r',
        'uk',
        '-t',
        'mp',
        '--recipient-name',
        'Jane Smith',
        '-s',
        'maintain',
        '--story',
        'I was born in Brest.',
        '--address',
        '1 High Street',
        '--postcode',
        'YO1 7HH',
      ],
      { cwd, env: { XDG_CONFIG_HOME: config } },
    );
    await s.waitFor('Which facts should the letter cite?');
    s.type(KEY.enter);
    await s.waitFor('Your name, as you will sign');
    s.type(`Sam Lee${KEY.enter}`);
    await s.waitFor('Your town or city');
    s.type(`York${KEY.enter}`);
    await s.waitFor('What next?');
    s.type(KEY.down + KEY.enter); // print to stdout
    await s.waitFor('Remember them?');
    s.type(`y${KEY.enter}`);
    expect(await s.exit).toBe(0);
    for (const asked of ['Where do you live?', 'Who will you write to?', 'Their name', 'What will you ask for?', 'connection to Belarus']) {
      expect(s.screen()).not.toContain(asked);
    }
    expect(s.screen()).toContain('I was born in Brest.');

    const again = runInPty(['draft', '-r', 'uk', '-t', 'mp', '-s', 'maintain', '--story', 'x', '--recipient-name', 'Jane Smith'], {
      cwd,
      env: { XDG_CONFIG_HOME: config },
    });
    await again.waitFor('Which facts should the letter cite?');
    again.type(KEY.enter);
    await again.waitFor('Your name, as you will sign the letter (Sam Lee)');
    again.type(KEY.ctrlC);
    expect(await again.exit).toBe(130);
  });

  it('carries on without a broken settings file, saying so', async () => {
    const config = tempDir();
    mkdirSync(join(config, 'belarus-letter'));
    writeFileSync(join(config, 'belarus-letter', 'config.json'), '{ broken');
    const s = runInPty([], { cwd: tempDir(), env: { XDG_CONFIG_HOME: config } });
    await s.waitFor('could not be read: it is not valid JSON');
    await s.waitFor('Where do you live?');
    s.type(KEY.ctrlC);
    expect(await s.exit).toBe(130);
    expect(readFileSync(join(config, 'belarus-letter', 'config.json'), 'utf8')).toBe('{ broken');
  });

  it('never prompts under CI, even in a terminal', async () => {
    const s = runInPty([], { cwd: tempDir(), env: { CI: 'true', XDG_CONFIG_HOME: tempDir() } });
    expect(await s.exit).toBe(2);
    expect(s.screen()).toContain('Missing --region, --recipient, --stance, --name and --city.');
    expect(s.screen()).not.toContain('Where do you live?');
  });
});

describe('draft: send options and the questions', () => {
  it('in a terminal, refuses eml, pdf, links and --max-chars with options missing, instead of asking', async () => {
    const session = runInPty(['draft', '--region', 'uk', '--format', 'pdf', '--max-chars', '900'], { cwd: tempDir(), env: { HOME: tempDir() } });
    expect(await session.exit).toBe(2);
    expect(session.screen()).toMatch(
      /--format pdf and --max-chars need every required option on the command line; missing --recipient, --stance, --name and --city\./,
    );
    expect(session.screen()).not.toContain('Where do you live');
  });
});
