/**
 * A batch is where a campaign of near-identical letters comes from, and the one place letters can
 * be kept apart: bulk redraws a row whose letter shares too many sentences with one already
 * written to the same office. Measured here on the letters bulk writes, with the same measures
 * an office's mail sorting reacts to (campaignProfile), never on the templates' wording.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MANIFEST_NAME } from '../../src/bulk/manifest.js';
import { main } from '../../src/cli.js';
import { render } from '../../src/render/render.js';
import { campaignProfile, formLetterMeasures, FORM_LETTER_TARGETS, type CampaignProfile } from '../../src/render/similarity.js';
import { tempDir } from '../helpers/cli.js';
import { builtinPack, request } from '../helpers/pack.js';

/** Offices with 11-sentence letters (maintain, and ministers) among them: the hardest to keep apart. */
const OFFICES = [
  ['uk', 'mp', 'Jane Smith', 'maintain'],
  ['uk', 'foreign-secretary', '', 'maintain'],
  ['us', 'senator', 'John Doe', 'maintain'],
  ['eu', 'foreign-minister', '', 'conditional'],
  ['au', 'foreign-minister', '', 'strengthen'],
  ['ca', 'mp', 'Marie Tremblay', 'strengthen'],
] as const;
const PER_OFFICE = 50;
const FIRST = ['Alex', 'Sam', 'Priya', 'Tomasz', 'Olena', 'Grace', 'Liam', 'Aisha', 'Mateo', 'Hannah'];
const LAST = ['Doe', 'Lee', 'Patel', 'Nowak', 'Kowalenko'];
const DATE = '2026-11-30';

interface Row {
  row: number;
  name: string;
  city: string;
  region: string;
  recipient: string;
  recipientName: string;
  stance: string;
  seed?: string;
}

/** Fifty neighbours per office, the offices' rows interleaved as a sign-up sheet's would be. */
function senders(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < PER_OFFICE; i++) {
    for (const [region, recipient, recipientName, stance] of OFFICES) {
      const name = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10)]}`;
      rows.push({ row: rows.length + 2, name, city: region === 'us' ? 'Portland, OR' : 'Leeds', region, recipient, recipientName, stance });
    }
  }
  return rows;
}

function csv(rows: readonly Row[]): string {
  const quote = (s: string) => (/[",]/.test(s) ? `"${s}"` : s);
  const head = 'name,city,region,recipient,recipient_name,stance,seed';
  return [head, ...rows.map((r) => [r.name, r.city, r.region, r.recipient, r.recipientName, r.stance, r.seed ?? ''].map(quote).join(','))].join('\n');
}

interface Manifest {
  row: number;
  status: string;
  file: string | null;
  seed?: string;
}

/** bulk in-process: its exit code and what it said on stderr (the summary). */
async function bulk(sheet: string, out: string, extra: string[] = []): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'belarus-letter', 'bulk', sheet, '--out-dir', out, '--date', DATE, ...extra]);
    return { code, stderr };
  } finally {
    se.mockRestore();
  }
}

const manifest = (out: string): Manifest[] =>
  readFileSync(join(out, MANIFEST_NAME), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => 'row' in e);

/** Each written letter's prose as an office sees it, by row. */
function profiles(out: string): Map<number, CampaignProfile> {
  return new Map(manifest(out).map((e) => [e.row, campaignProfile(readFileSync(join(out, e.file as string), 'utf8'))]));
}

const officeOf = (r: Row) => `${r.region}|${r.recipient}|${r.recipientName}|${r.stance}`;

afterEach(() => vi.restoreAllMocks());

describe('bulk keeps the letters to one office apart', () => {
  const rows = senders();
  const dir = tempDir('bl-spread-');
  const sheet = join(dir, 'senders.csv');
  const out = join(dir, 'out');
  let first: Awaited<ReturnType<typeof bulk>>;

  beforeAll(async () => {
    writeFileSync(sheet, csv(rows));
    first = await bulk(sheet, out);
  }, 120_000);

  it("keeps every office's closest pair within the target, and the means too", () => {
    expect(first.code).toBe(0);
    const letters = profiles(out);
    expect(letters.size).toBe(rows.length);
    for (const [region, recipient, recipientName, stance] of OFFICES) {
      const group = rows.filter((r) => officeOf(r) === `${region}|${recipient}|${recipientName}|${stance}`);
      const m = formLetterMeasures(group.map((r) => letters.get(r.row) as CampaignProfile));
      expect(m?.pairs).toBe((PER_OFFICE * (PER_OFFICE - 1)) / 2);
      expect(m?.maxSharedSentences, `${region} ${recipient} ${stance}`).toBeLessThanOrEqual(FORM_LETTER_TARGETS.maxSharedSentences);
      expect(m?.meanSharedSentences).toBeLessThanOrEqual(FORM_LETTER_TARGETS.meanSharedSentences);
      expect(m?.meanShingleJaccard).toBeLessThanOrEqual(FORM_LETTER_TARGETS.meanShingleJaccard);
    }
  });

  it('reports the closest pair against the target and the rows drawn again, as the letters bear out', () => {
    const letters = profiles(out);
    const highest = Math.max(
      ...OFFICES.map(
        ([region, recipient, recipientName, stance]) =>
          formLetterMeasures(
            rows.filter((r) => officeOf(r) === `${region}|${recipient}|${recipientName}|${stance}`).map((r) => letters.get(r.row) as CampaignProfile),
          )?.maxSharedSentences ?? 1,
      ),
    );
    const line = first.stderr.match(
      /Closest pair of letters to one office: (\d+)% of their sentences in common \(target at most 35%\), over (\d+) offices; (.*)\./,
    );
    expect(line).not.toBeNull();
    expect(Number(line?.[1])).toBe(Math.round(highest * 100));
    expect(Number(line?.[2])).toBe(OFFICES.length);
    // A row drawn again carries its derived seed in the manifest; the others, their usual one.
    const drawn = manifest(out).filter((e) => e.seed?.includes('#')).length;
    expect(line?.[3]).toMatch(drawn === 0 ? /^no row needed another wording/ : new RegExp(`^${drawn} rows? drawn again`));
    expect(first.stderr).not.toMatch(/over the target even so/);
  });

  it('records the seed each letter was written with, so draft --seed gives the same letter', () => {
    const entries = manifest(out);
    const pack = builtinPack();
    // A row drawn again if there is one, else any row: its seed must give its letter.
    const entry = entries.find((e) => e.seed?.includes('#')) ?? (entries[0] as Manifest);
    const { row: _, recipientName, ...r } = rows.find((x) => x.row === entry.row) as Row;
    const again = render(pack, request({ ...r, recipientName: recipientName || undefined, date: DATE, seed: entry.seed }));
    const written = campaignProfile(readFileSync(join(out, entry.file as string), 'utf8'));
    expect([...campaignProfile(again.text).sentences]).toEqual([...written.sentences]);
  });

  it('writes the same letters, byte for byte, when the same sheet is run again or resumed', async () => {
    const second = join(dir, 'again');
    expect((await bulk(sheet, second)).code).toBe(0);
    const resumed = join(dir, 'resumed');
    expect((await bulk(sheet, resumed, ['--limit', '97'])).code).toBe(0);
    expect(readdirSync(resumed).filter((f) => f.endsWith('.txt'))).toHaveLength(97);
    expect((await bulk(sheet, resumed, ['--resume'])).code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(rows.length);
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(readFileSync(join(second, f), 'utf8'), f).toBe(text);
      expect(readFileSync(join(resumed, f), 'utf8'), f).toBe(text);
    }
  }, 120_000);
});

describe("a row's own seed", () => {
  it('is never drawn again, however alike its letter is to the others', async () => {
    const dir = tempDir('bl-spread-seed-');
    // Twelve senders to one MP with one seed between them: the same wording, chosen by the sheet.
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({
      row: i + 2,
      name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10)]}`,
      city: 'Leeds',
      region: 'uk',
      recipient: 'mp',
      recipientName: 'Jane Smith',
      stance: 'maintain',
      seed: 'one wording',
    }));
    const sheet = join(dir, 'senders.csv');
    writeFileSync(sheet, csv(rows));
    const out = join(dir, 'out');
    const run = await bulk(sheet, out);
    expect(run.code).toBe(0);
    expect(manifest(out).map((e) => e.seed)).toEqual(rows.map(() => 'one wording'));
    expect(run.stderr).toMatch(/no row needed another wording/);
    // Kept as the sheet chose it, though its letters share far more than the target.
    const m = formLetterMeasures([...profiles(out).values()]);
    expect(m?.maxSharedSentences).toBeGreaterThan(FORM_LETTER_TARGETS.maxSharedSentences);
    expect(run.stderr).toMatch(/1 of 1 office has a pair over the target even so/);
  });
});
