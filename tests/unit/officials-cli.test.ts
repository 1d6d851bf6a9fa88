/** `officials`, `draft --zip`, bulk's ZIP column, `regions` and `officials update`, in-process through main(argv). */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const captured = vi.hoisted(() => ({ stdout: '' }));
vi.mock('../../src/io/stdout.js', () => ({ writeStdout: (text: string) => void (captured.stdout += text) }));

const { main } = await import('../../src/cli.js');
const { forgetLoadedDirectory } = await import('../../src/officials/store.js');
const { resetAgeNote } = await import('../../src/commands/officials.js');

const FIXTURES = join(import.meta.dirname, '../fixtures/officials/sources');
let stderr = '';
let config = '';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  captured.stdout = '';
  stderr = '';
  const code = await main(['node', 'belarus-letter', ...args]);
  return { code, stdout: captured.stdout, stderr };
}

beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'bl-officials-'));
  vi.stubEnv('XDG_CONFIG_HOME', config);
  vi.stubEnv('NO_COLOR', '1');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    captured.stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  // A fixed clock: a week after the shipped directory's date, so no age note unless a test moves it.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-22T12:00:00Z') });
  forgetLoadedDirectory();
  resetAgeNote();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const LETTER = ['-s', 'maintain', '-n', 'Sam Lee', '-c', 'Portland', '--date', '2026-11-30'];

describe('belarus-letter officials', () => {
  it('--zip lists the senators and the representative, with the directory date and origin', async () => {
    const r = await cli('officials', '--zip', '97201');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ZIP 97201: Oregon, district OR-1\nMembers of Congress as of June 15, 2026 \(shipped with belarus-letter /);
    expect(r.stdout).toContain(
      '\nFrom unitedstates/congress-legislators dfa9622, June 15, 2026; OpenSourceActivismTech/us-zipcodes-congress 1335b61, November 12, 2024.\n',
    );
    expect(r.stdout).toContain('Ron Wyden (Democrat), senior senator for Oregon    --official W000779');
    expect(r.stdout).toContain('Representative\n  Suzanne Bonamici (Democrat), Oregon, 1st district');
    expect(r.stderr).toBe('');
  });

  it('--json gives the lookup and the directory info', async () => {
    const r = await cli('officials', '--state', 'wy', '--json');
    const data = JSON.parse(r.stdout);
    expect(data.match).toBe('area');
    expect(data.officials.map((o: { recipient: string }) => o.recipient)).toEqual(['senator', 'senator', 'representative']);
    expect(data.directory.asOf).toBe('2026-06-15');
    expect(data.directory.sources).toHaveLength(2);
  });

  it('says a split ZIP spans districts, and shows vacancies as vacancies', async () => {
    expect((await cli('officials', '--zip', '97002')).stdout).toMatch(
      /Representatives \(one of them is yours\)[\s\S]*Note: ZIP 97002 spans 2 congressional districts/,
    );
    expect((await cli('officials', '--zip', '94541')).stdout).toContain('Vacant: CA-14 (no member in the directory)');
  });

  it('an unknown ZIP: the state by its prefix, or not found with exit 1 and where to look', async () => {
    expect((await cli('officials', '--zip', '97299')).stdout).toMatch(/Note: ZIP 97299 is not in the Census ZIP table/);
    const none = await cli('officials', '--zip', '00001');
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^belarus-letter: ZIP 00001 is not in the directory.*senators-contact\.htm\.\n$/);
  });

  it('bad input is a usage error naming the option', async () => {
    expect(await cli('officials', '--zip', '972')).toMatchObject({ code: 2, stderr: expect.stringContaining('(--zip)') });
    expect(await cli('officials', '--state', 'Atlantis')).toMatchObject({ code: 2, stderr: expect.stringContaining('(--state)') });
    expect(await cli('officials')).toMatchObject({ code: 2, stderr: expect.stringContaining('--zip 97201') });
  });
});

describe('the age notes, with a fixed clock', () => {
  it('a note after 90 days', async () => {
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    const r = await cli('officials', '--zip', '97201');
    expect(r.stderr).toBe(
      'note: The directory of members of Congress is as of June 15, 2026 (168 days ago); members may have changed since. Check https://www.house.gov/representatives/find-your-representative and https://www.senate.gov/senators/senators-contact.htm, or run `belarus-letter officials update`.\n',
    );
  });
  it('a warning once the 120th Congress has begun', async () => {
    vi.setSystemTime(new Date('2027-01-04T12:00:00Z'));
    const r = await cli('regions');
    expect(r.stdout).toContain('(directory as of June 15, 2026)');
    expect(r.stderr).toMatch(/^warning: A new Congress \(the 120th\) began on January 3, 2027/);
  });
});

describe('draft --zip', () => {
  it('a single match fills the name, the address block and the salutation', async () => {
    const r = await cli('draft', '--zip', '97201', '-t', 'representative', ...LETTER);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'The Honorable Suzanne Bonamici\nU.S. House of Representatives\n2231 Rayburn House Office Building\nWashington, DC 20515-3701\n\nDear Representative Bonamici:',
    );
    expect(r.stderr).toContain(
      'Send it to Suzanne Bonamici:\n  Their website (look for "Contact"): https://bonamici.house.gov\n  By post: Suzanne Bonamici, U.S. House',
    );
  });

  it("puts the ZIP's state on the writer's town line, unless they gave one", async () => {
    const r = await cli('draft', '--zip', '97201', '-t', 'representative', ...LETTER, '--address', '1 Main St');
    expect(r.stdout).toMatch(/\n1 Main St\n[^\n]*, OR 97201\n/);
    const given = await cli('draft', '--zip', '97201', '-t', 'representative', ...LETTER, '--address', '1 Main St', '--state', 'Oregon');
    expect(given.stdout).toMatch(/\n1 Main St\n[^\n]*, Oregon 97201\n/);
  });

  it('several matches: exit 2, each listed with the flag that picks one', async () => {
    const r = await cli('draft', '--zip', '97201', '-t', 'senator', ...LETTER);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'ZIP 97201 has 2 senators: pick one with --official ID:\n  W000779  Ron Wyden (Democrat), senior senator for Oregon\n  M001176  Jeff Merkley',
    );
    const picked = await cli('draft', '--zip', '97201', '-t', 'senator', '--official', 'M001176', ...LETTER);
    expect(picked.stdout).toContain('Dear Senator Merkley:');
  });

  it("a name given explicitly wins, and keeps the data's address only when it is theirs", async () => {
    const theirs = await cli('draft', '--zip', '97201', '-t', 'senator', '--recipient-name', 'Ron Wyden', ...LETTER);
    expect(theirs.stdout).toContain('Ron Wyden\nUnited States Senate\n221 Dirksen Senate Office Building');
    const other = await cli('draft', '--zip', '97201', '-t', 'senator', '--recipient-name', 'Jane Doe', ...LETTER);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('Dear Senator Doe:');
    expect(other.stdout).not.toContain('Dirksen');
    expect(other.stderr).toContain('"Jane Doe" is not one of the senators the directory has for ZIP 97201');
    const address = await cli('draft', '--zip', '97201', '-t', 'representative', '--recipient-address', 'PO Box 1', ...LETTER);
    expect(address.stdout).toContain('Suzanne Bonamici\nPO Box 1\n');
  });

  it('a vacant seat, a ZIP with another region and a recipient not looked up are usage errors', async () => {
    expect(await cli('draft', '--zip', '94541', '-t', 'representative', ...LETTER)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('(CA-14) is vacant'),
    });
    expect(await cli('draft', '--zip', '97201', '-r', 'uk', '-t', 'mp', ...LETTER)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not go with --region uk'),
    });
    expect(await cli('draft', '--zip', '97201', '-t', 'secretary-of-state', ...LETTER)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not looked up by ZIP'),
    });
    expect(await cli('draft', '--official', 'W000779', '-r', 'us', '-t', 'senator', ...LETTER)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('give --zip too'),
    });
  });
});

describe('bulk reads a zip or postcode column', () => {
  it("fills each US row's official, fails the rows it cannot decide, and does not call the column unknown", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-bulk-zip-'));
    const file = join(dir, 'senders.csv');
    // Row 4 names its senator: the name wins, and it is one of Wyoming's, so the address follows.
    writeFileSync(
      file,
      'name,city,region,recipient,recipient_name,stance,Postal code\nAna B,Portland,us,representative,,maintain,97201\nBo C,Portland,us,representative,,maintain,97002\nCy D,Casper,us,senator,Cynthia Lummis,maintain,82001\nDi E,Casper,us,senator,,maintain,82001\n',
    );
    const r = await cli('bulk', file, '--out-dir', join(dir, 'out'), '--date', '2026-11-30');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'row 3, column Postal code: ZIP 97002 spans 2 districts (OR-5, OR-6): pick one with a recipient_name column (or --recipient-name): B001326 Janelle S. Bynum',
    );
    expect(r.stderr).toContain('row 5, column Postal code: ZIP 82001 has 2 senators');
    expect(r.stderr).not.toContain('"Postal code" is not one');
    const letter = readFileSync(join(dir, 'out', '0002-suzanne-bonamici-ana-b.txt'), 'utf8');
    expect(letter).toContain('Suzanne Bonamici\nU.S. House of Representatives\n2231 Rayburn');
    const senator = readFileSync(join(dir, 'out', '0004-cynthia-lummis-cy-d.txt'), 'utf8');
    expect(senator).toContain('Cynthia Lummis\nUnited States Senate\n');
    // The ZIP's state goes on the town line (Casper, WY 82001).
    expect(letter).toMatch(/^Ana B\nPortland, OR 97201\n/);
    expect(senator).toMatch(/^Cy D\nCasper, WY 82001\n/);
  });
});

describe('officials update, against a local server', () => {
  let server: Server;
  let base = '';
  const served: string[] = [];
  beforeAll(async () => {
    const files: Record<string, string> = {
      '/unitedstates/congress-legislators/main/legislators-current.yaml': 'legislators-current.yaml',
      '/unitedstates/congress-legislators/main/legislators-district-offices.yaml': 'legislators-district-offices.yaml',
      '/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv': 'zccd.csv',
    };
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      const file = files[req.url ?? ''];
      if (!file) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(readFileSync(join(FIXTURES, file)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('rebuilds into the cache folder beside the settings, and `officials` uses it from then on', async () => {
    vi.setSystemTime(new Date('2026-12-01T12:00:00Z'));
    const r = await cli('officials', 'update', '--base-url', base);
    expect(r.code).toBe(0);
    expect(served).toContain('/OpenSourceActivismTech/us-zipcodes-congress/master/zccd.csv');
    const cached = join(config, 'belarus-letter', 'cache', 'us-congress.json');
    expect(existsSync(cached)).toBe(true);
    expect(r.stderr).toContain('Rebuilt the directory: 6 senators and 10 members of the House, as of December 1, 2026.');
    expect(r.stderr).toContain(`Saved to ${cached}`);

    const after = await cli('officials', '--zip', '97201');
    expect(after.stdout).toContain(`Members of Congress as of December 1, 2026 (downloaded by \`officials update\` to ${cached}).`);
    expect(after.stderr).toBe('');
    // Only the fixtures' states are in the downloaded copy: a California ZIP is now unknown.
    expect((await cli('officials', '--zip', '94541')).code).toBe(1);
  });

  it('a broken cached copy is set aside with a warning; the shipped one is used', async () => {
    const cached = join(config, 'belarus-letter', 'cache');
    (await import('node:fs')).mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, 'us-congress.json'), '{"format":99}');
    const r = await cli('officials', '--zip', '97201');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(shipped with belarus-letter');
    expect(r.stderr).toMatch(/^warning: .*us-congress\.json is not a directory this version reads/);
  });

  it('fails cleanly: a missing file, and no server at all (offline), each in one line with exit 1', async () => {
    const missing = await cli('officials', 'update', '--base-url', `${base}/nowhere`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/belarus-letter: Could not download http:\/\/127\.0\.0\.1:\d+\/nowhere\/.+: the server answered 404/);
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const a = probe.address();
        probe.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
      });
    });
    const offline = await cli('officials', 'update', '--base-url', `http://127.0.0.1:${port}`);
    expect(offline.code).toBe(1);
    const errorLines = offline.stderr.split('\n').filter((l) => l.startsWith('belarus-letter:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/Could not download .* \(ECONNREFUSED\); are you online\? The directory in use is unchanged\./);
    expect(existsSync(join(config, 'belarus-letter', 'cache', 'us-congress.json'))).toBe(false);
  });
});
