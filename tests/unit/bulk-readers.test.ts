import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRows, sniffDelimiter } from '../../src/io/csv-rows.js';
import { sniffFormat } from '../../src/io/input-source.js';
import { JsonArraySplitter, readJsonRows, readNdjsonRows } from '../../src/io/json-rows.js';
import { InputError, type InputRow } from '../../src/io/rows.js';

async function* chunked(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(rows: AsyncIterable<InputRow>): Promise<InputRow[]> {
  const out: InputRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function csv(text: string, delimiter?: string, size = 7) {
  let header: string[] = [];
  const rows = await collect(readCsvRows(chunked(text, size), { name: 'in.csv', head: text.slice(0, 100), delimiter, onHeader: (h) => (header = h) }));
  return { header, rows };
}

describe('CSV rows', () => {
  it("reads a header and rows with the spreadsheet's row numbers", async () => {
    const { header, rows } = await csv('name,city\nAlex,Leeds\nSam,York\n');
    expect(header).toEqual(['name', 'city']);
    expect(rows.map((r) => [r.row, r.entries])).toEqual([
      [
        2,
        [
          ['name', 'Alex'],
          ['city', 'Leeds'],
        ],
      ],
      [
        3,
        [
          ['name', 'Sam'],
          ['city', 'York'],
        ],
      ],
    ]);
  });

  it('drops a byte-order mark and reads CRLF line ends', async () => {
    const { header, rows } = await csv('\uFEFFname,city\r\nAlex,Leeds\r\n');
    expect(header).toEqual(['name', 'city']);
    expect(rows[0]?.entries).toEqual([
      ['name', 'Alex'],
      ['city', 'Leeds'],
    ]);
  });

  it('keeps commas, quotes and newlines inside quoted fields, counting rows as a sheet does', async () => {
    const { rows } = await csv('name,story\n"Doe, Alex","She said ""free them""\nand wept"\nSam,x\n');
    expect(rows[0]?.entries).toEqual([
      ['name', 'Doe, Alex'],
      ['story', 'She said "free them"\nand wept'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('skips blank rows but still counts them', async () => {
    const { rows } = await csv('name,city\n\n,\nSam,York\n');
    expect(rows.map((r) => r.row)).toEqual([4]);
  });

  it('detects a semicolon or tab delimiter from the header', async () => {
    expect(sniffDelimiter('name;city;story\nA;B;"x, y"')).toBe(';');
    expect(sniffDelimiter('name\tcity\n')).toBe('\t');
    expect(sniffDelimiter('"a;b",c,d\n')).toBe(',');
    expect(sniffDelimiter('name\n')).toBe(',');
    const { rows } = await csv('name;city\nDoe, Alex;Leeds\n');
    expect(rows[0]?.entries).toEqual([
      ['name', 'Doe, Alex'],
      ['city', 'Leeds'],
    ]);
  });

  it('uses a delimiter it is given', async () => {
    const { rows } = await csv('name|city\nAlex|Leeds\n', '|');
    expect(rows[0]?.entries).toEqual([
      ['name', 'Alex'],
      ['city', 'Leeds'],
    ]);
  });

  it('marks a row with more fields than the header, and goes on', async () => {
    const { rows } = await csv('name,city\nAlex,Leeds,extra\nSam,York\n');
    expect(rows[0]?.error).toMatch(/has 3 fields but the header has 2/);
    expect(rows[1]?.error).toBeUndefined();
  });

  it('reads old Mac CR line ends', async () => {
    const { header, rows } = await csv('name,city\rAlex,Leeds\rSam,York');
    expect(header).toEqual(['name', 'city']);
    expect(rows.map((r) => [r.row, r.entries[1]?.[1]])).toEqual([
      [2, 'Leeds'],
      [3, 'York'],
    ]);
  });

  it('reports a stray quote after a quoted field with its line, after the rows before it', async () => {
    const text = 'name,city\nAlex,Leeds\nSam,"York"x\nKim,Hull\n';
    let seen: InputRow[] = [];
    const read = async () => {
      for await (const r of readCsvRows(chunked(text, 1000), { name: 'in.csv', head: text, onHeader: () => undefined })) seen = [...seen, r];
    };
    await expect(read()).rejects.toThrow(/in\.csv: a quote is followed by other characters at line 3/);
    expect(seen.map((r) => r.row)).toEqual([2]);
  });

  it('reports a quote left open to the end of a long file, without holding the file in memory', async () => {
    const text = `name,story\nAlex,"${'x'.repeat(1_100_000)}\nSam,ok\n`;
    await expect(csv(text, undefined, 64 * 1024)).rejects.toThrow(/a quoted field is never closed at line 2/);
  });

  it('fails a row with a 10 MB cell, quoted or not, and reads the rows after it with their numbers', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    for (const cell of [huge, `"${huge}\nwith, a line break"`]) {
      const { rows } = await csv(`name,story\nAlex,ok\nSam,${cell}\nKim,"two\nlines"\nLee,fine\n`, undefined, 64 * 1024);
      expect(rows.map((r) => [r.row, r.error === undefined ? r.entries[0]?.[1] : r.error])).toEqual([
        [2, 'Alex'],
        [3, expect.stringMatching(/^is 10,48\d,\d{3} characters long, far more than any column takes/)],
        [4, 'Kim'],
        [5, 'Lee'],
      ]);
      expect(rows[1]?.error).not.toMatch(/quote/);
    }
    const after = await csv(`name,story\nSam,${huge}\nKim,"broken\n`, undefined, 64 * 1024).catch((e: unknown) => e);
    expect(after).toMatchObject({ message: expect.stringMatching(/quoted field is never closed at line 3/) });
  });

  it('property: any table written as CSV reads back the same, whatever the chunks and line ends', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', 'é', 'Ж'), maxLength: 8 });
    const quote = (v: string) => (/[",;\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (table, eol, size, bom) => {
          const text = `${bom ? '\uFEFF' : ''}h1,h2${eol}${table.map((r) => r.map(quote).join(',')).join(eol)}${eol}`;
          const { header, rows } = await csv(text, ',', size);
          expect(header).toEqual(['h1', 'h2']);
          const expected = table.map((r, i) => ({ row: i + 2, r })).filter(({ r }) => r.some((v) => v.trim() !== ''));
          expect(rows.map((r) => [r.row, r.entries.map(([, v]) => v)])).toEqual(expected.map(({ row, r }) => [row, r]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts a CRLF inside quotes as one line in an error's line number", async () => {
    await expect(csv('name,story\r\nAlex,"one\r\ntwo"\r\nSam,"York\r\n')).rejects.toThrow(/quoted field is never closed at line 4/);
  });

  it('reports a double quote inside an unquoted value with its line, since the rows after it cannot be told apart', async () => {
    await expect(csv("name,height\nAlex,5'10\" tall\nSam,6'\n")).rejects.toThrow(
      /in\.csv: a value has a double quote in it but does not start with one, at line 2/,
    );
  });

  it('reports an unclosed quote with its line', async () => {
    await expect(csv('name,city\nAlex,"Leeds\n')).rejects.toThrow(/quoted field is never closed at line 2/);
    await expect(csv('name,city\nAlex,"Leeds\n')).rejects.toBeInstanceOf(InputError);
  });
});

describe('JSON rows', () => {
  it('splits an array into items across any chunk boundary', () => {
    const text = ' [ {"name": "A ] , [ \\" {", "x": [1, {"y": 2}]} , {"name":"B"} ] ';
    for (const size of [1, 2, 3, 5, 100]) {
      const splitter = new JsonArraySplitter('in.json');
      const items: (string | number)[] = [];
      for (let i = 0; i < text.length; i += size) items.push(...splitter.push(text.slice(i, i + size)));
      splitter.end();
      expect(items.map((t) => JSON.parse(String(t)))).toEqual([{ name: 'A ] , [ " {', x: [1, { y: 2 }] }, { name: 'B' }]);
    }
  });

  it('fails an item with a 10 MB value and reads the items after it', async () => {
    const text = `[{"name":"A"}, {"name":"B","story":"${'x'.repeat(10 * 1024 * 1024)}"}, {"name":"C"}]`;
    const rows = await collect(readJsonRows(chunked(text, 64 * 1024), 'in.json'));
    expect(rows.map((r) => [r.row, r.error ?? r.entries[0]?.[1]])).toEqual([
      [1, 'A'],
      [2, expect.stringMatching(/^is 10,485,\d{3} characters long, far more than any field takes/)],
      [3, 'C'],
    ]);
    await expect(collect(readJsonRows(chunked(`[{"name":"A"}, {"name":"${'x'.repeat(2_000_000)}`, 64 * 1024), 'in.json'))).rejects.toThrow(
      /ends inside the array \(after item 1\)/,
    );
  });

  it('reads items with their numbers and marks ones that are not objects', async () => {
    const rows = await collect(readJsonRows(chunked('[{"name":"A"}, 5, {"name": "B",}]'), 'in.json'));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[0]?.entries).toEqual([['name', 'A']]);
    expect(rows[1]?.error).toMatch(/not an object/);
    expect(rows[2]?.error).toMatch(/not valid JSON/);
  });

  it('keeps "__proto__" as a plain field', async () => {
    const rows = await collect(readJsonRows(chunked('[{"__proto__": {"polluted": true}, "name": "A"}]'), 'in.json'));
    expect(rows[0]?.entries.map(([k]) => k)).toEqual(['__proto__', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a file that is not an array, or is cut short', async () => {
    await expect(collect(readJsonRows(chunked('{"name":"A"}'), 'in.json'))).rejects.toThrow(/not a JSON array/);
    await expect(collect(readJsonRows(chunked('[{"name":"A"}, {"na'), 'in.json'))).rejects.toThrow(/ends inside the array/);
    await expect(collect(readJsonRows(chunked('[]'), 'in.json'))).resolves.toEqual([]);
  });
});

describe('NDJSON rows', () => {
  it('reads one object per line, numbered by line, blank lines skipped', async () => {
    const rows = await collect(readNdjsonRows(chunked('\uFEFF{"name":"A"}\r\n\n{"name":"B"}\nnot json\n')));
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(rows[1]?.entries).toEqual([['name', 'B']]);
    expect(rows[2]?.error).toMatch(/not valid JSON/);
  });
});

describe('input format sniffing', () => {
  it('reads "[" as JSON, "{" as NDJSON and anything else as CSV', () => {
    expect(sniffFormat('\uFEFF  [{"a":1}]')).toBe('json');
    expect(sniffFormat('{"a":1}\n')).toBe('ndjson');
    expect(sniffFormat('name,city\n')).toBe('csv');
  });
});
