import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks, decodeUtf8, encodingLabel, NotUtf8Error } from '../../src/io/encoding.js';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function decode(bytes: Uint8Array, size: number, label?: string): Promise<string> {
  let text = '';
  for await (const t of decodeChunks(chunks(bytes, size), label)) text += t;
  return text;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('decoding input', () => {
  it('reads UTF-8 split anywhere, a character across chunks read whole, the byte-order mark dropped', async () => {
    const text = 'name,city\nJosé Müller,Zürich 😀\nЖанна,Мінск\n';
    const bytes = Buffer.from(`\uFEFF${text}`);
    for (const size of [1, 2, 3, 5, 64]) expect(await decode(bytes, size)).toBe(text);
  });

  it('refuses Windows-1252 bytes read as UTF-8, naming the line and what the text probably says', async () => {
    const bytes = Buffer.concat([Buffer.from('name,city\nAlex,Leeds\n'), latin1('Jos\xe9 M\xfcller,Z\xfcrich\n')]);
    for (const size of [1, 2, 3, 7, 100]) {
      const error = await decode(bytes, size).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotUtf8Error);
      // The text around it as far as this chunk reaches: the whole line, in a chunk that holds it.
      expect(error).toMatchObject({ line: 3, byte: 0xe9, sample: size === 100 ? 'José Müller,Zürich' : expect.stringMatching(/^José/) });
    }
    expect(() => decodeUtf8(bytes)).toThrow(/line 3 has the byte 0xE9/);
  });

  it('refuses a file that ends inside a character', async () => {
    const bytes = Buffer.from('a\nb\né').subarray(0, 5);
    for (const size of [1, 2, 100]) await expect(decode(bytes, size)).rejects.toMatchObject({ line: 3, byte: 0xc3 });
  });

  it('names the line of a 4-byte character cut short right before a newline, however the chunks split it', async () => {
    // The cut character's bytes can sit in several earlier chunks: its first byte is what is named.
    const bytes = Buffer.concat([Buffer.from('a\nb'), Buffer.from('😀').subarray(0, 3), Buffer.from('\nAlex\n')]);
    for (const size of [1, 2, 3, 4, 100]) await expect(decode(bytes, size)).rejects.toMatchObject({ line: 2, byte: 0xf0 });
    expect(() => decodeUtf8(bytes)).toThrow(/line 2 has the byte 0xF0/);
    // And at the very end of the input, split over three chunks.
    await expect(decode(bytes.subarray(0, 6), 1)).rejects.toMatchObject({ line: 2, byte: 0xf0 });
  });

  it('reads Windows-1252 and Latin-1 when told, by any of their names', async () => {
    expect(encodingLabel('CP1252')).toBe('windows-1252');
    expect(encodingLabel('iso-8859-1')).toBe('windows-1252');
    expect(encodingLabel('utf8')).toBe('utf-8');
    expect(encodingLabel('ebcdic')).toBeUndefined();
    expect(encodingLabel('__proto__')).toBeUndefined();
    const bytes = latin1('Jos\xe9 M\xfcller \x93free\x94\n');
    expect(await decode(bytes, 3, encodingLabel('latin1'))).toBe('José Müller “free”\n');
  });

  it('property: any bytes decode to exactly what a whole-buffer decode gives, or stop at the first bad line', async () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0a, 0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f));
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (list, size) => {
        const bytes = Uint8Array.from(list);
        let whole: string | undefined;
        try {
          whole = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          whole = undefined;
        }
        const got = await decode(bytes, size).catch((e: unknown) => e);
        if (whole !== undefined) {
          expect(got).toBe(whole);
          return;
        }
        expect(got).toBeInstanceOf(NotUtf8Error);
        const { line } = got as NotUtf8Error;
        // The lines before the one named are valid UTF-8; the one named is not.
        const lines = Buffer.from(bytes).toString('latin1').split('\n');
        const before = Buffer.from(lines.slice(0, line - 1).join('\n'), 'latin1');
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(before)).not.toThrow();
        const upTo = Buffer.from(lines.slice(0, line).join('\n'), 'latin1');
        const last = line === lines.length;
        if (!last) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(upTo)).toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
