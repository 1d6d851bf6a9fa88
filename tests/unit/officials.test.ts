import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageOf, nextCongressAfter, usAgeNotes } from '../../src/officials/age.js';
import { chooseOfficial, nameMatches } from '../../src/officials/choose.js';
import { officialForZip } from '../../src/officials/for-letter.js';
import { buildUsDirectory, SourceDataError } from '../../src/officials/us/build.js';
import { parseState, parseZip, UsDirectorySource } from '../../src/officials/us/lookup.js';
import { directorySchema, serialiseDirectory, type UsDirectory } from '../../src/officials/us/schema.js';
import { decodeZips, encodeZips } from '../../src/officials/us/zip-codec.js';
import { surnameOf } from '../../src/render/names.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests/fixtures/officials/sources');
const read = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const commits = JSON.parse(read('commits.json'));
const fixtureInput = () => ({
  legislators: read('legislators-current.yaml'),
  offices: read('legislators-district-offices.yaml'),
  zccd: read('zccd.csv'),
  commits,
});
const built = buildUsDirectory(fixtureInput());
const source = (d: UsDirectory = built) => new UsDirectorySource(d, 'test');
const shipped = directorySchema.parse(JSON.parse(readFileSync(join(ROOT, 'data/us-congress.json'), 'utf8')));

describe('the shipped directory', () => {
  it('records the source commits and dates its fixtures were cut from', () => {
    const bySource = Object.fromEntries(shipped.sources.map((s) => [s.repo, s]));
    expect(bySource['unitedstates/congress-legislators']).toMatchObject({
      commit: commits.legislators.commit,
      date: commits.legislators.date,
      licence: expect.stringContaining('CC0'),
    });
    expect(bySource['OpenSourceActivismTech/us-zipcodes-congress']).toMatchObject({
      commit: commits.zccd.commit,
      date: commits.zccd.date,
      files: ['zccd.csv'],
    });
    expect(shipped.asOf).toBe(commits.legislators.date);
  });

  it('holds exactly what the build gives for every member and ZIP of the fixture extracts', () => {
    const members = new Map(shipped.members.map((m) => [m.id, m]));
    expect(built.members.length).toBe(16);
    for (const m of built.members) expect(members.get(m.id)).toEqual(m);
    const all = decodeZips(shipped.zips);
    const part = decodeZips(built.zips);
    expect(part.size).toBeGreaterThan(300);
    for (const [zip, codes] of part) expect(all.get(zip)).toEqual(codes);
  });

  it('is what scripts/build-officials.mjs writes from the same files', () => {
    const out = execFileSync(process.execPath, ['scripts/build-officials.mjs', '--from', FIXTURES, '--commits', join(FIXTURES, 'commits.json'), '--out', '-'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toBe(serialiseDirectory(built));
  });

  it('fits the size budget: under 300 KB gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(readFileSync(join(ROOT, 'data/us-congress.json'))).length).toBeLessThan(300 * 1024);
  });
});

describe('building', () => {
  it('refuses a ZIP table without its columns, naming the file', () => {
    expect(() => buildUsDirectory({ ...fixtureInput(), zccd: 'a,b,c\n1,2,3\n' })).toThrow(SourceDataError);
    expect(() => buildUsDirectory({ ...fixtureInput(), zccd: 'a,b,c\n1,2,3\n' })).toThrow(/zccd\.csv/);
  });

  it('reads CRLF and LF tables alike', () => {
    const lf = buildUsDirectory({ ...fixtureInput(), zccd: read('zccd.csv').replace(/\r\n/g, '\n') });
    expect(lf.zips).toBe(built.zips);
  });

  it('round-trips the ZIP codec', () => {
    const table = new Map([
      ['00601', ['PR0']],
      ['97002', ['OR5', 'OR6']],
      ['99950', ['AK0']],
    ]);
    expect(decodeZips(encodeZips(table))).toEqual(table);
  });
});

describe('lookup by ZIP', () => {
  it('a ZIP in one district: two senators and one representative', () => {
    const r = source().lookup({ postcode: '97201' });
    expect(r.match).toBe('exact');
    expect(r.districts).toEqual(['OR-1']);
    expect(r.officials.filter((o) => o.recipient === 'senator').map((o) => o.name)).toEqual(['Ron Wyden', 'Jeff Merkley']);
    const reps = r.officials.filter((o) => o.recipient === 'representative');
    expect(reps.map((o) => [o.name, o.seat])).toEqual([['Suzanne Bonamici', '1st district']]);
    expect(reps[0]?.sendTo.postal).toEqual(['U.S. House of Representatives', '2231 Rayburn House Office Building', 'Washington, DC 20515-3701']);
    expect(r.vacancies).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('a ZIP across districts lists each candidate and says so', () => {
    const r = source().lookup({ postcode: '97002' });
    expect(r.districts).toEqual(['OR-5', 'OR-6']);
    expect(r.officials.filter((o) => o.recipient === 'representative')).toHaveLength(2);
    expect(r.notes[0]).toMatch(/^ZIP 97002 spans 2 congressional districts \(OR-5, OR-6\)/);
    const choice = chooseOfficial(r, 'representative', {});
    expect(choice.kind).toBe('several');
  });

  it('a ZIP not in the table falls back to its state by the first three digits', () => {
    const r = source().lookup({ postcode: '97299' });
    expect(r.match).toBe('area');
    expect(r.areas).toEqual([{ code: 'OR', name: 'Oregon' }]);
    expect(r.districts).toEqual(['OR-1', 'OR-2', 'OR-3', 'OR-4', 'OR-5', 'OR-6']);
    expect(r.officials.filter((o) => o.recipient === 'senator')).toHaveLength(2);
    expect(r.notes[0]).toMatch(/not in the Census ZIP table/);
  });

  it('a ZIP whose first digits are in no state is not found, with the official finders', () => {
    const r = source().lookup({ postcode: '00001' });
    expect(r.match).toBe('none');
    expect(r.officials).toEqual([]);
    expect(r.notes[0]).toContain('https://www.house.gov/representatives/find-your-representative');
  });

  it('an at-large state has one representative for every ZIP, also an unknown one', () => {
    for (const zip of ['82001', '82999']) {
      const r = source().lookup({ postcode: zip });
      const reps = r.officials.filter((o) => o.recipient === 'representative');
      expect(reps).toHaveLength(1);
      expect(reps[0]?.seat).toBe('At large');
      expect(r.districts).toEqual(['WY at large']);
      expect(chooseOfficial(r, 'representative', {}).kind).toBe('official');
    }
  });

  it('a district with no member is a vacancy, and so is a missing senator', () => {
    const gaZip = [...decodeZips(built.zips)].find(([, codes]) => codes.length === 1 && codes[0] === 'GA13')?.[0] as string;
    const r = source().lookup({ postcode: gaZip });
    expect(r.officials.filter((o) => o.recipient === 'representative')).toEqual([]);
    expect(r.vacancies).toEqual([{ recipient: 'representative', area: 'GA', seat: 'GA-13' }]);
    expect(chooseOfficial(r, 'representative', {})).toEqual({ kind: 'vacant', seats: ['GA-13'] });
    const outcome = officialForZip(source(), gaZip, { recipient: 'representative' }, '--official ID');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/vacant in the directory as of June 15, 2026/);

    const oneSenator = { ...built, members: built.members.filter((m) => m.name !== 'Jeff Merkley') };
    const or = source(oneSenator).lookup({ area: 'OR' });
    expect(or.vacancies).toEqual([{ recipient: 'senator', area: 'OR', seat: 'Senate seat for Oregon' }]);
  });

  it('DC has no senators and that is not a vacancy', () => {
    const r = source().lookup({ postcode: '20001' });
    expect(r.officials.filter((o) => o.recipient === 'senator')).toEqual([]);
    expect(r.vacancies).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/District of Columbia has no senators/);
    expect(officialForZip(source(), '20001', { recipient: 'senator' }, '--official ID')).toEqual({
      ok: false,
      message: 'District of Columbia has no senators in Congress.',
      hint: 'Write to its member of the House instead: --recipient representative.',
    });
  });

  it('by state: its senators and every district', () => {
    const r = source().lookup({ area: 'WY' });
    expect(r.officials.map((o) => o.recipient)).toEqual(['senator', 'senator', 'representative']);
  });

  it('reads ZIPs and states as people type them', () => {
    expect(parseZip(' 97201-1234 ')).toBe('97201');
    expect(parseZip('9720')).toBeUndefined();
    expect(parseState('oregon')).toBe('OR');
    expect(parseState('or')).toBe('OR');
    expect(parseState('Atlantis')).toBeUndefined();
  });
});

describe('choosing the official', () => {
  const r = source().lookup({ postcode: '97201' });
  it('--official picks one by id; an unknown id lists them all', () => {
    expect(chooseOfficial(r, 'senator', { official: 'w000779' })).toMatchObject({ kind: 'official', official: { name: 'Ron Wyden' } });
    expect(chooseOfficial(r, 'senator', { official: 'X1' })).toMatchObject({ kind: 'several' });
  });
  it('a name given explicitly wins: one of them gets their address, another is kept as given', () => {
    expect(chooseOfficial(r, 'senator', { recipientName: 'ron wyden' })).toMatchObject({ kind: 'official', official: { id: 'W000779' } });
    expect(chooseOfficial(r, 'senator', { recipientName: 'Jane Doe' })).toEqual({ kind: 'named' });
  });
  it('matches names without accents, quotes or a generational suffix', () => {
    const o = { ...r.officials[0]!, name: 'Henry C. "Hank" Johnson, Jr.' };
    expect(nameMatches('Henry Johnson', o)).toBe(true);
    expect(nameMatches('Hank Smith', o)).toBe(false);
  });
  it('salutes by surname, not by a suffix', () => {
    expect(surnameOf('Frank Pallone, Jr.')).toBe('Pallone');
    expect(surnameOf('William R. Timmons IV')).toBe('Timmons');
  });
});

describe('how old the directory is', () => {
  it('the next Congress after a date', () => {
    expect(nextCongressAfter('2026-06-15')).toEqual({ number: 120, starts: '2027-01-03' });
    expect(nextCongressAfter('2027-01-03')).toEqual({ number: 121, starts: '2029-01-03' });
    expect(nextCongressAfter('2025-01-02')).toEqual({ number: 119, starts: '2025-01-03' });
  });
  it('no note while fresh, a note after 90 days, a stronger one once a new Congress has begun', () => {
    expect(usAgeNotes('2026-06-15', '2026-09-13', 'Check.')).toEqual([]);
    expect(usAgeNotes('2026-06-15', '2026-09-14', 'Check.')).toEqual([
      'The directory of members of Congress is as of June 15, 2026 (91 days ago); members may have changed since. Check.',
    ]);
    const after = usAgeNotes('2026-06-15', '2027-01-03', 'Check.');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/^A new Congress \(the 120th\) began on January 3, 2027, after this directory's date \(June 15, 2026\)/);
    expect(ageOf('2026-06-15', '2027-01-02').newCongress).toBeUndefined();
  });
});
