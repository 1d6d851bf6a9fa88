import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { csvRows, DATE, HEADER, letters, manifest, sheet } from '../helpers/bulk.js';
import { runMain } from '../helpers/main.js';

const SHEET = [
  HEADER,
  'Alex Doe,Leeds,uk,mp,Jane Smith,maintain,My aunt was jailed in Minsk in 2021.',
  'Sam Lee,"Portland, OR",us,senator,John Doe,conditional,',
  'Ana Novak,Ljubljana,eu,mep,Eva Horvat,strengthen,',
].join('\n');

describe('bulk: help for organisers', () => {
  it('--columns lists each column with its meaning', async () => {
    const r = await runMain(['bulk', '--columns']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^name\s+the sender's name/m);
    expect(r.stdout).toMatch(/^recipient_name\s+the official's name/m);
    expect(r.stderr).toBe('');
  });

  it('--example prints a starter sheet that bulk accepts as it is', async () => {
    const dir = tempDir();
    const example = await runMain(['bulk', '--example']);
    expect(example.code).toBe(0);
    const path = sheet(dir, example.stdout);
    const r = await runMain(['bulk', path, '--dry-run', '--out-dir', join(dir, 'out'), ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('without a file, says how to start and exits 2', async () => {
    const r = await runMain(['bulk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Give the file of senders/);
    expect(r.stderr).toMatch(/bulk --example/);
  });
});

describe('bulk: reading senders', () => {
  it('writes one letter per CSV row, a manifest, and a summary on stderr', async () => {
    const dir = tempDir();
    const out = join(dir, 'letters');
    const r = await runMain(['bulk', sheet(dir, SHEET), '--out-dir', out, ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(letters(out)).toEqual(['0002-jane-smith-alex-doe.txt', '0003-john-doe-sam-lee.txt', '0004-eva-horvat-ana-novak.txt']);
    expect(readFileSync(join(out, '0003-john-doe-sam-lee.txt'), 'utf8')).toContain('Portland, OR');
    expect(manifest(out)).toEqual([
      { row: 2, status: 'written', file: '0002-jane-smith-alex-doe.txt', error: null, seed: expect.any(String) },
      { row: 3, status: 'written', file: '0003-john-doe-sam-lee.txt', error: null, seed: expect.any(String) },
      { row: 4, status: 'written', file: '0004-eva-horvat-ana-novak.txt', error: null, seed: expect.any(String) },
    ]);
    expect(r.stderr).toMatch(/Wrote 3 letters in .*letters\/: 0 skipped, 0 failed, in [\d.]+ s\./);
    expect(r.stderr).toMatch(/Form-letter risk: 0 identical letter pairs/);
    expect(r.stderr).toMatch(/2 of 3 letters have no personal story/);
  });

  it('reads a BOM, CRLF, semicolons and quoted fields with quotes and newlines', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const text =
      '\uFEFFName;Town;Region;Recipient;Stance;Story\r\nAlex Doe;"Leeds; West Yorkshire";uk;mp;maintain;"She said ""free them all"".\r\n\r\nThen she wept."\r\n';
    const r = await runMain(['bulk', sheet(dir, text), '--out-dir', out, ...DATE]);
    expect(r.code).toBe(0);
    const [file] = letters(out);
    const letter = readFileSync(join(out, file as string), 'utf8');
    expect(letter).toContain('Leeds; West Yorkshire');
    expect(letter).toContain('She said "free them all".\n\nThen she wept.');
  });

  it('takes a delimiter it is given (a tab-separated file)', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const text = 'name\tcity\tstory\nAlex Doe\tLeeds\tI care, a lot.\n';
    const r = await runMain([
      'bulk',
      sheet(dir, text, 'senders.tsv'),
      '--delimiter',
      'tab',
      '-r',
      'uk',
      '-t',
      'mp',
      '-s',
      'maintain',
      '--out-dir',
      out,
      ...DATE,
    ]);
    expect(r.code).toBe(0);
    expect(letters(out)).toEqual(['0002-mp-alex-doe.txt']);
  });

  it('reads a JSON array and NDJSON, with items and lines numbered', async () => {
    const dir = tempDir();
    const people = [
      { name: 'Alex Doe', city: 'Leeds', region: 'uk', recipient: 'mp', stance: 'maintain', address: ['1 High St', 'Leeds'] },
      { name: 'Sam Lee', city: 'Austin, TX', region: 'us', recipient: 'representative', stance: 'strengthen', seed: 7 },
    ];
    const json = await runMain(['bulk', sheet(dir, JSON.stringify(people, null, 2), 'people.json'), '--out-dir', join(dir, 'a'), ...DATE]);
    expect(json.code).toBe(0);
    expect(letters(join(dir, 'a'))).toEqual(['0001-mp-alex-doe.txt', '0002-representative-sam-lee.txt']);
    expect(readFileSync(join(dir, 'a', '0001-mp-alex-doe.txt'), 'utf8')).toContain('1 High St');
    const nd = await runMain([
      'bulk',
      sheet(dir, `${JSON.stringify(people[0])}\n\n${JSON.stringify(people[1])}\n`, 'people.ndjson'),
      '--out-dir',
      join(dir, 'b'),
      ...DATE,
    ]);
    expect(nd.code).toBe(0);
    expect(letters(join(dir, 'b'))).toEqual(['0001-mp-alex-doe.txt', '0003-representative-sam-lee.txt']);
  });

  it('reads stdin with -, telling CSV from NDJSON by its content or --input-format', async () => {
    const dir = tempDir();
    const csv = await runMain(['bulk', '-', '--out-dir', join(dir, 'a'), ...DATE], { input: SHEET });
    expect(csv.code).toBe(0);
    expect(letters(join(dir, 'a'))).toHaveLength(3);
    const nd = '{"name":"Alex Doe","city":"Leeds","region":"uk","recipient":"mp","stance":"maintain"}\n';
    const sniffed = await runMain(['bulk', '-', '--out-dir', join(dir, 'b'), ...DATE], { input: nd });
    expect(sniffed.code).toBe(0);
    expect(letters(join(dir, 'b'))).toEqual(['0001-mp-alex-doe.txt']);
    const told = await runMain(['bulk', '-', '--input-format', 'ndjson', '--out-dir', join(dir, 'c'), ...DATE], { input: nd });
    expect(letters(join(dir, 'c'))).toEqual(['0001-mp-alex-doe.txt']);
    expect(told.code).toBe(0);
  });

  it('warns about unknown columns by name, and a __proto__ column is only data', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const r = await runMain(['bulk', sheet(dir, `${HEADER},Favourite Colour,__proto__\nAlex Doe,Leeds,uk,mp,,maintain,,blue,x\n`), '--out-dir', out, ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/column "Favourite Colour" is not one belarus-letter reads/);
    expect(r.stderr).toMatch(/column "__proto__" is not one belarus-letter reads/);
    expect(letters(out)).toEqual(['0002-mp-alex-doe.txt']);
  });
});

describe("bulk: a sign-up form's own headers (--map)", () => {
  const FORM = [
    'Timestamp,Full legal name,Where do you live?,Name,Your story (optional)',
    '2026/11/20 10:01,Anna Kowalczyk,Leeds,Alex Sobel,"My brother was detained in Hrodna in 2021."',
    "2026/11/20 11:14,Ben O'Neill,York,Alex Sobel,",
  ].join('\n');
  const ROUTE = ['--region', 'uk', '--recipient', 'mp', '--stance', 'maintain', ...DATE];

  it('reads the headers it is told to, and ignores HEADER= without a warning', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const maps = ['--map', 'Full legal name=name', '--map', 'where do you live=city', '--map', 'Name=recipient_name', '--map', 'Timestamp='];
    const r = await runMain(['bulk', sheet(dir, FORM), '--out-dir', out, ...ROUTE, ...maps]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(letters(out)).toEqual(['0002-alex-sobel-anna-kowalczyk.txt', '0003-alex-sobel-ben-o-neill.txt']);
    const anna = readFileSync(join(out, '0002-alex-sobel-anna-kowalczyk.txt'), 'utf8');
    expect(anna).toMatch(/^Anna Kowalczyk\nLeeds\n/);
    expect(anna).toContain('Dear Alex Sobel,');
    expect(anna).toContain('My brother was detained in Hrodna in 2021.');
  });

  it('suggests the --map for a required column the sheet calls something else', async () => {
    const dir = tempDir();
    const r = await runMain([
      'bulk',
      sheet(dir, FORM.replace('Where do you live?', 'Residence')),
      '--out-dir',
      join(dir, 'out'),
      ...ROUTE,
      '--map',
      'Full legal name=name',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no column for city; its header is: Timestamp, Full legal name, Residence, Name, Your story \(optional\)\./);
    expect(r.stderr).not.toMatch(/map that header/);
    const named = await runMain(['bulk', sheet(dir, 'Sender full name,Home town\nAnna,Leeds\n', 'other.csv'), '--out-dir', join(dir, 'out'), ...ROUTE]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("map those headers: --map 'Sender full name=name' --map 'Home town=city'");
    expect(letters(join(dir, 'out'))).toEqual([]);
  });

  it('warns which header a map displaced', async () => {
    const dir = tempDir();
    const r = await runMain([
      'bulk',
      sheet(dir, FORM),
      '--out-dir',
      join(dir, 'out'),
      ...ROUTE,
      '--map',
      'Full legal name=name',
      '--map',
      'Where do you live=city',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('column "Name" is left out: --map reads name from "Full legal name".');
  });

  it.each([
    [['--map', 'nothing'], /--map "nothing": give it as HEADER=COLUMN/],
    [['--map', 'Full legal name=nme'], /--map "Full legal name=nme": "nme" is not a column; choose name, first_name, last_name, city/],
    [['--map', 'Legal name=name'], /--map "Legal name=name": \S*senders\.csv has no column "Legal name"; its header is: Timestamp/],
    [['--map', 'Name=name', '--map', 'name=city'], /--map "Name=name" and --map "name=city" both map the header "name"; keep one\./],
    [
      ['--map', 'Full legal name=name', '--map', 'Name=name', '--map', 'Where do you live=city'],
      /the columns "Full legal name" and "Name" both mean name; keep one\./,
    ],
  ])('%j is a usage error (exit 2) that writes nothing', async (args, message) => {
    const dir = tempDir();
    const r = await runMain(['bulk', sheet(dir, FORM), '--out-dir', join(dir, 'out'), ...ROUTE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(letters(join(dir, 'out'))).toEqual([]);
  });

  it('maps the keys of JSON records too, and says when a map met none', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const json = JSON.stringify([{ fullName: 'Anna Kowalczyk', home: 'Leeds' }]);
    const r = await runMain([
      'bulk',
      sheet(dir, json, 'senders.json'),
      '--out-dir',
      out,
      ...ROUTE,
      '--map',
      'fullName=name',
      '--map',
      'home=city',
      '--map',
      'phone=',
    ]);
    expect(r.code).toBe(0);
    expect(letters(out)).toEqual(['0001-mp-anna-kowalczyk.txt']);
    expect(r.stderr).toMatch(/--map "phone=" met no field "phone" in \S*senders\.json\./);
  });
});

describe("bulk: the writer's notes name the sheet's columns", () => {
  it('asks for a missing address and official by column, never by a flag', async () => {
    const dir = tempDir();
    const path = sheet(dir, ['Full name,city,region,recipient,stance', 'Alex Doe,Leeds,uk,mp,maintain'].join('\n'));
    const r = await runMain(['bulk', path, '--map', 'Full name=name', '--out-dir', join(dir, 'out'), '--json', ...DATE]);
    expect(r.code).toBe(0);
    const notes = (JSON.parse(r.stdout) as { warnings: { message: string }[] }).warnings.map((w) => w.message);
    expect(notes).toContainEqual(expect.stringMatching(/Add them with the address column and the postcode column\.$/));
    expect(notes).toContainEqual(expect.stringMatching(/give their name with the recipient_name column and Ms or Mr with the recipient_title column/));
    // The facts note is counted by its first line, which ends a sentence there: its sentence list is each letter's own.
    expect(notes).toContainEqual(
      expect.stringMatching(/^Facts in this letter go up to .+; check its sentences on releases, relief and sanctions before you send it\.$/),
    );
    expect(`${r.stderr}${notes.join('\n')}`).not.toMatch(/--address|--postcode|--recipient-name/);
  });
});

describe('bulk: bad input', () => {
  it('a malformed CSV (unclosed quote) stops with the line, keeping the letters before it', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const r = await runMain(['bulk', sheet(dir, `${HEADER}\nAlex Doe,Leeds,uk,mp,,maintain,\nSam Lee,"York,uk,mp,,maintain,\n`), '--out-dir', out, ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a quoted field is never closed at line 3/);
    expect(r.stderr).toMatch(/--resume/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['an empty file', '', /is empty; it needs a header row/],
    ['a header only', `${HEADER}\n`, /has a header but no rows/],
    [
      'a missing required column',
      'name,city\nAlex,Leeds\n',
      /has no columns for region, recipient or stance; its header is: name, city\.\n.*give --region, --recipient and --stance for every row/,
    ],
  ])('%s is a usage error (exit 2) that says what to do', async (_, text, message) => {
    const dir = tempDir();
    const r = await runMain(['bulk', sheet(dir, text), '--out-dir', join(dir, 'out'), ...DATE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(letters(join(dir, 'out'))).toEqual([]);
  });

  it.each([
    [
      'an Excel workbook',
      'senders.xlsx',
      Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'), Buffer.alloc(64, 7)]),
      /senders\.xlsx is a spreadsheet workbook, not CSV; .*save or download the sheet as "CSV UTF-8"/,
    ],
    ['a workbook saved under a .csv name', 'senders.csv', Buffer.from('PK\u0003\u0004\u0014\u0000binary'), /senders\.csv is a spreadsheet workbook/],
    [
      'an old .xls workbook',
      'senders.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /senders\.xls is a spreadsheet workbook/,
    ],
    [
      'UTF-16 text',
      'senders.csv',
      Buffer.from(`\uFEFF${HEADER}\nAlex Doe,Leeds,uk,mp,,maintain,\n`, 'utf16le'),
      /senders\.csv looks like UTF-16 text, not UTF-8; save it again as "CSV UTF-8"/,
    ],
  ])('%s is refused with how to export the sheet (exit 2)', async (_, name, bytes, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), bytes);
    const r = await runMain(['bulk', join(dir, name), '--out-dir', join(dir, 'out'), ...DATE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(letters(join(dir, 'out'))).toEqual([]);
  });

  it("reads CSV text under a workbook's name", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'senders.xlsx'), SHEET);
    const r = await runMain(['bulk', join(dir, 'senders.xlsx'), '--input-format', 'csv', '--out-dir', join(dir, 'out'), ...DATE]);
    expect(r.code).toBe(0);
    expect(letters(join(dir, 'out'))).toHaveLength(3);
  });

  it('empty stdin and a missing file are usage errors', async () => {
    expect(await runMain(['bulk', '-'], { input: '' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/stdin is empty/) });
    expect(await runMain(['bulk', 'no-such.csv'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no-such.csv: the file does not exist/) });
  });

  it('bad values fail their row, named by row and column, and the batch goes on', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const text = [
      'Name,City,Region,Recipient,Stance,Email',
      'Alex Doe,Leeds,uk,mp,maintain,alex@example.org',
      ',Leeds,uk,mp,maintain,',
      'Bo,Leeds,mars,mp,maintain,',
      'Cy,Leeds,uk,senator,maintain,',
      'Di,Leeds,uk,mp,maintain,not-an-email',
      'Ed,Leeds,uk,mp,maintain,',
    ].join('\n');
    const r = await runMain(['bulk', sheet(dir, text), '--out-dir', out, ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3, column Name: is required');
    expect(r.stderr).toContain('row 4, column Region: unknown region or country "mars"; choose us, uk, eu, ca, au or other, or a country\'s name or code');
    expect(r.stderr).toContain('row 5, column Recipient: uk has no official "senator"; choose mp or foreign-secretary');
    expect(r.stderr).toContain('row 6, column Email: must be an email address');
    expect(r.stderr).toMatch(/4 of 6 rows failed/);
    expect(letters(out)).toEqual(['0002-mp-alex-doe.txt', '0007-mp-ed.txt']);
    expect(manifest(out).map((m) => m.status)).toEqual(['written', 'failed', 'failed', 'failed', 'failed', 'written']);
    expect(manifest(out)[1].error).toBe('row 3, column Name: is required');
  });

  it('rejects bad options before reading a row', async () => {
    const dir = tempDir();
    const path = sheet(dir, SHEET);
    expect((await runMain(['bulk', path, '--limit', '0'])).code).toBe(2);
    expect((await runMain(['bulk', path, '--name-pattern', '{nmae}'])).stderr).toMatch(/unknown placeholder \{nmae\}/);
    expect((await runMain(['bulk', path, '--region', 'mars'])).stderr).toMatch(/Unknown region "mars" \(--region\)/);
    expect((await runMain(['bulk', path, '--out', 'x.txt'])).code).toBe(2);
  });
});

describe('bulk: file names cannot be turned against the folder', () => {
  it('never writes outside --out-dir, nor twice to one file, whatever the rows say', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const rows = [
      'name,city,region,recipient,stance',
      '../../x,Leeds,uk,mp,maintain',
      '/etc/passwd,Leeds,uk,mp,maintain',
      'C:\\Windows\\win.ini,Leeds,uk,mp,maintain',
      'CON,Leeds,uk,mp,maintain',
      'José,Leeds,uk,mp,maintain',
      'Jose,Leeds,uk,mp,maintain',
      'JOSE,Leeds,uk,mp,maintain',
      `${'A'.repeat(200)},${'B'.repeat(200)},uk,mp,maintain`,
      `${'C'.repeat(300)},Leeds,uk,mp,maintain`,
      `Nul\u0000Byte,Leeds,uk,mp,maintain`,
    ];
    const r = await runMain(['bulk', sheet(dir, rows.join('\n')), '--out-dir', out, '--name-pattern', '{name}-{city}', ...DATE]);
    expect(r.stderr).toMatch(/row 10, column name: must be at most 200 characters/);
    expect(r.stderr).toMatch(/row 11, column name: must not contain control characters/);
    expect(r.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['out', 'senders.csv']);
    const files = letters(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'x-leeds.txt',
        'etc-passwd-leeds.txt',
        'c-windows-win-ini-leeds.txt',
        'con-leeds.txt',
        'jose-leeds.txt',
        'jose-leeds-2.txt',
        'jose-leeds-3.txt',
      ]),
    );
    expect(files).toHaveLength(8);
    for (const f of files) expect(f.length).toBeLessThanOrEqual(124);
    const bare = await runMain([
      'bulk',
      sheet(dir, 'name,city,region,recipient,stance\nCON,Leeds,uk,mp,maintain\n', 'con.csv'),
      '--out-dir',
      join(dir, 'o2'),
      '--name-pattern',
      '{name}',
      ...DATE,
    ]);
    expect(bare.code).toBe(0);
    expect(letters(join(dir, 'o2'))).toEqual(['con-letter.txt']);
  });

  it('property: random rows never write outside the folder and never crash without a clean message', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('../..', '../../etc/x', '/abs/x', 'a\u0000b', 'CON', 'É', 'e\u0301', '"', 'a,b', '\n', ''),
    );
    // In process each run costs little: more runs than a spawn per run could afford.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 6 }), async (rows) => {
        const dir = tempDir();
        const out = join(dir, 'out');
        const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const csv = ['name,city,region,recipient,stance', ...rows.map(([n, c]) => `${q(n)},${q(c)},uk,mp,maintain`)].join('\n');
        const r = await runMain(['bulk', sheet(dir, csv), '--out-dir', out, '--name-pattern', '{name}{city}', ...DATE]);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/Something went wrong|\n\s+at /);
        expect(readdirSync(dir).sort()).toEqual(existsSync(out) ? ['out', 'senders.csv'] : ['senders.csv']);
      }),
      { numRuns: 30 },
    );
  });
});

describe('bulk: options', () => {
  it('--dry-run checks every row and lists the files, writing nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const r = await runMain(['bulk', sheet(dir, SHEET), '--out-dir', out, '--dry-run', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `2\t${join(out, '0002-jane-smith-alex-doe.txt')}`,
      `3\t${join(out, '0003-john-doe-sam-lee.txt')}`,
      `4\t${join(out, '0004-eva-horvat-ana-novak.txt')}`,
    ]);
    expect(r.stderr).toMatch(/Would write 3 letters/);
    expect(existsSync(out)).toBe(false);
  });

  it('--json also prints the summary as one JSON object on stdout, whatever the outcome', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const ok = await runMain(['bulk', sheet(dir, SHEET), '--out-dir', out, '--json', ...DATE]);
    expect(ok.code).toBe(0);
    const summary = JSON.parse(ok.stdout);
    expect(summary).toMatchObject({
      outDir: out,
      dryRun: false,
      letters: 3,
      skipped: 0,
      failed: 0,
      stopped: null,
      manifest: join(out, '.belarus-letter-manifest.ndjson'),
    });
    expect(summary.formLetterRisk).toMatchObject({ identicalPairs: 0, identicalExamples: [], withoutStory: 2 });
    expect(summary.seconds).toBeGreaterThan(0);
    expect(ok.stderr).toMatch(/Wrote 3 letters/);

    // A dry run lists no files under --json, letters already there as it would write them are
    // counted so, and a row that fails counts (exit 1 as ever).
    const again = await runMain([
      'bulk',
      sheet(dir, `${SHEET}\nBad Row,Leeds,uk,nobody,,maintain,`, 'more.csv'),
      '--out-dir',
      out,
      '--json',
      '--dry-run',
      ...DATE,
    ]);
    expect(again.code).toBe(1);
    expect(again.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: true, letters: 0, alreadyThere: 3, failed: 1, manifest: null });
  });

  it('--json and --out - both want stdout: a usage error', async () => {
    const dir = tempDir();
    const r = await runMain(['bulk', sheet(dir, SHEET), '--out', '-', '--json', ...DATE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json prints a summary on stdout, where --out - prints the letters/);
  });

  it('--limit processes only the first N rows', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const r = await runMain(['bulk', sheet(dir, SHEET), '--out-dir', out, '--limit', '2', ...DATE]);
    expect(r.code).toBe(0);
    expect(letters(out)).toEqual(['0002-jane-smith-alex-doe.txt', '0003-john-doe-sam-lee.txt']);
  });

  it('never overwrites a letter without --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const path = sheet(dir, SHEET);
    expect((await runMain(['bulk', path, '--out-dir', out, ...DATE])).code).toBe(0);
    const file = join(out, '0002-jane-smith-alex-doe.txt');
    writeFileSync(file, 'KEEP ME');
    const again = await runMain(['bulk', path, '--out-dir', out, ...DATE]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/0002-jane-smith-alex-doe.txt already exists with a different letter; add --force/);
    expect(readFileSync(file, 'utf8')).toBe('KEEP ME');
    const forced = await runMain(['bulk', path, '--out-dir', out, '--force', ...DATE]);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Alex Doe\nLeeds/);
  });

  it('--fail-fast stops at the first failed row', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const text = `${HEADER}\nAlex Doe,Leeds,uk,mp,,maintain,\n,Leeds,uk,mp,,maintain,\nSam Lee,York,uk,mp,,maintain,\n`;
    const r = await runMain(['bulk', sheet(dir, text), '--out-dir', out, '--fail-fast', ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 of 2 rows failed; stopped at the first/);
    expect(letters(out)).toEqual(['0002-mp-alex-doe.txt']);
  });

  it('--resume skips rows written before and does the rest once fixed', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const bad = `${HEADER}\nAlex Doe,Leeds,uk,mp,,maintain,\nSam Lee,York,uk,mp,,maintian,\n`;
    const first = await runMain(['bulk', sheet(dir, bad), '--out-dir', out, ...DATE]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/belarus-letter bulk .*senders.csv --out-dir .* --date 2026-11-25 --resume/);
    const alex = join(out, '0002-mp-alex-doe.txt');
    writeFileSync(alex, 'written by the first run');
    // A temporary file a killed run left behind (its process is long gone).
    const stale = join(out, '.0003-mp-sam-lee.txt.99999999.deadbeef.tmp');
    writeFileSync(stale, 'half a lett');
    sheet(dir, bad.replace('maintian', 'maintain'));
    const resumed = await runMain(['bulk', join(dir, 'senders.csv'), '--out-dir', out, '--resume', ...DATE]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/Wrote 1 letter in .*: 1 skipped, 0 failed/);
    expect(readFileSync(alex, 'utf8')).toBe('written by the first run');
    expect(letters(out)).toEqual(['0002-mp-alex-doe.txt', '0003-mp-sam-lee.txt']);
    expect(existsSync(stale)).toBe(false);
  });

  it('--out - prints NDJSON records for piping, and writes no files', async () => {
    const dir = tempDir();
    const r = await runMain(['bulk', sheet(dir, SHEET), '--out', '-', '--format', 'markdown', ...DATE], { cwd: dir });
    expect(r.code).toBe(0);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => [x.row, x.file])).toEqual([
      [2, '0002-jane-smith-alex-doe.md'],
      [3, '0003-john-doe-sam-lee.md'],
      [4, '0004-eva-horvat-ana-novak.md'],
    ]);
    expect(records[0].letter).toContain('## Sources');
    expect(records[0].meta).toMatchObject({ region: 'uk', recipient: 'mp', stance: 'maintain', format: 'markdown' });
    expect(readdirSync(dir)).toEqual(['senders.csv']);
  });

  it('writes distinct letters for distinct senders of one region and stance', async () => {
    const dir = tempDir();
    const r = await runMain(['bulk', sheet(dir, csvRows(40)), '--out', '-', ...DATE]);
    expect(r.code).toBe(0);
    const texts = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).letter);
    expect(new Set(texts).size).toBe(40);
    expect(r.stderr).toMatch(/0 identical letter pairs; mean similarity 0\.\d\d between letters of the same region and stance/);
  });

  it('reports identical letters when a sender is listed twice', async () => {
    const dir = tempDir();
    const text = `${HEADER}\nAlex Doe,Leeds,uk,mp,,maintain,\nAlex Doe,Leeds,uk,mp,,maintain,\n`;
    const r = await runMain(['bulk', sheet(dir, text), '--out', '-', ...DATE]);
    expect(r.stderr).toMatch(/1 identical letter pair;/);
    expect(r.stderr).toMatch(/some letters are identical \(rows 2 and 3\)/);
  });
});

describe('bulk: --templates', () => {
  it('renders every row with the given template pack', async () => {
    const dir = tempDir();
    const pack = join(process.cwd(), 'examples', 'postcard');
    const path = sheet(dir, csvRows(40));
    const r = await runMain(['--templates', pack, 'bulk', path, '--template', 'postcard', '--out-dir', join(dir, 'out'), ...DATE]);
    expect(r.code).toBe(0);
    const files = letters(join(dir, 'out'));
    expect(files).toHaveLength(40);
    // The postcard, not the built-in letter (250 words or more).
    const text = readFileSync(join(dir, 'out', files[0] as string), 'utf8');
    expect(text.split(/\s+/).length).toBeLessThan(240);
  }, 120_000);
});

describe("bulk: --resume keeps the batch's date", () => {
  it('dates the rest of the letters as the first run did, unless --date says otherwise', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const path = sheet(dir, csvRows(6));
    expect((await runMain(['bulk', path, '--out-dir', out, '--limit', '3', '--date', '2026-03-02'])).code).toBe(0);
    // No --date: today's date would differ from the first three letters'.
    const resumed = await runMain(['bulk', path, '--out-dir', out, '--resume']);
    expect(resumed.code).toBe(0);
    const texts = letters(out).map((f) => readFileSync(join(out, f), 'utf8'));
    expect(texts).toHaveLength(6);
    for (const text of texts) expect(text).toMatch(/^2 March 2026$/m);
  });
});

describe('bulk: a letter over a page', () => {
  it('makes that row an error naming the row and the story column, and writes the others', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const long = Array.from({ length: 40 }, () => 'This matters to me and to my family very much.').join(' ');
    const rows = [
      HEADER,
      'Alex Doe,Leeds,uk,mp,Jane Smith,maintain,',
      `Sam Lee,Leeds,uk,mp,Jane Smith,maintain,"${long}"`,
      'Ana Novak,Leeds,uk,mp,Jane Smith,strengthen,',
    ];
    const r = await runMain(['bulk', sheet(dir, rows.join('\n')), '--out-dir', out, ...DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /row 3: The letter is \d{3} words, more than fits on one page \(450\), so it was not written; shorten the story in column story, or name fewer facts/,
    );
    expect(letters(out)).toEqual(['0002-jane-smith-alex-doe.txt', '0004-jane-smith-ana-novak.txt']);
    expect(manifest(out).map((m) => m.status)).toEqual(['written', 'failed', 'written']);
  });
});
