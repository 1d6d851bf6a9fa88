/**
 * Bytes to text, refusing what is not what it claims to be. Input is UTF-8 unless the user names
 * another encoding: a Windows-1252 sheet read as UTF-8 would put "Jos� M�ller" into letters, so
 * a byte that UTF-8 does not allow stops the reading with the line it is on. Node's own
 * TextDecoder does the decoding (fatal for UTF-8, streaming so a character split across two
 * chunks is joined), and a byte-order mark is dropped.
 */
import { listChoices } from '../errors.js';

/** The encodings --encoding takes, by every name it accepts, with the decoder's label. */
const ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  // The web's decoders read Latin-1 as Windows-1252, its superset: 0x80-0x9F become the quotes
  // and dashes Windows put there, never invisible control characters.
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

export const ENCODING_NAMES = ['utf-8', 'windows-1252', 'latin1'] as const;

/** The decoder label for an --encoding value, or undefined for one it does not take. */
export function encodingLabel(name: string): string | undefined {
  return Object.hasOwn(ENCODINGS, name.toLowerCase()) ? ENCODINGS[name.toLowerCase()] : undefined;
}

/** "utf-8, windows-1252 or latin1", for messages. */
export const encodingChoices = () => listChoices([...ENCODING_NAMES]);

/** Where the first byte that is not UTF-8 sits. */
export class NotUtf8Error extends Error {
  constructor(
    /** 1-based line of the input. */
    readonly line: number,
    /** The offending byte. */
    readonly byte: number,
    /** The line around it read as Windows-1252, to show the user what it probably says. */
    readonly sample: string,
  ) {
    super(`line ${line} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}, which is not UTF-8`);
  }
}

/** How to save a sheet as UTF-8 in the programs organisers use. */
export const SAVE_AS_UTF8 =
  'In Excel use File > Save As > "CSV UTF-8 (Comma delimited)"; in LibreOffice tick "Edit filter settings" when saving as CSV and choose "Unicode (UTF-8)"; Google Sheets\' File > Download > CSV is UTF-8 already.';

const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1 && i < end; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/**
 * The index of the first byte a UTF-8 decoder refuses in `bytes`, which start at a character's
 * start: the shortest prefix a fresh streaming decoder refuses (a prefix that only ends inside a
 * character is not refused), found by halving.
 */
function firstBadByte(bytes: Uint8Array): number {
  const refuses = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!refuses(bytes.length)) {
    // Only a character left unfinished at the end: name its first byte.
    return leadBefore(bytes, bytes.length) ?? bytes.length - 1;
  }
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (refuses(mid)) hi = mid;
    else lo = mid;
  }
  // The prefix of length hi is the first refused: its last byte breaks a sequence that began at
  // most three bytes earlier (name its first byte), or is a stray byte of its own.
  return leadBefore(bytes, hi) ?? hi - 1;
}

/** The first byte of the multi-byte sequence that the byte before `end` belongs to or interrupts. */
function leadBefore(bytes: Uint8Array, end: number): number | undefined {
  for (let k = end - 1; k >= Math.max(0, end - 4); k--) {
    const b = bytes[k] as number;
    if (b >= 0xc0) return k;
    if (b < 0x80 && k < end - 1) return undefined;
  }
  return undefined;
}

/** The error for the byte at `at` of `bytes`, which follow `linesBefore` lines and the bytes `before`. */
function notUtf8(bytes: Uint8Array, at: number, linesBefore: number, before: Uint8Array = new Uint8Array(0)): NotUtf8Error {
  const all = Buffer.concat([before, bytes]);
  const i = before.length + at;
  const start = all.lastIndexOf(NEWLINE, i - 1) + 1;
  let end = all.indexOf(NEWLINE, i);
  if (end === -1) end = all.length;
  const around = new TextDecoder('windows-1252')
    .decode(all.subarray(Math.max(start, i - 30), Math.min(end, i + 30)))
    .replace(/[\r\t]/g, ' ')
    .trim();
  return new NotUtf8Error(linesBefore + countNewlines(bytes, at) + 1, bytes[Math.min(at, bytes.length - 1)] ?? 0, around);
}

/**
 * Decodes a stream of byte chunks. For UTF-8 the first byte it does not allow throws a
 * NotUtf8Error naming its line; a character split between chunks is read whole.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array | string>, label = 'utf-8'): AsyncGenerator<string> {
  const decoder = new TextDecoder(label, { fatal: true });
  let lines = 0;
  /**
   * The last bytes read, from the first byte of a character on, which may hold the start of an
   * unfinished one: taken from all the bytes read, not the last chunk alone, since a character
   * can span several small chunks.
   */
  let carry: Uint8Array = new Uint8Array(0);
  /** The last bytes read before, to show the text around a bad byte. */
  let recent: Uint8Array = new Uint8Array(0);
  const fail = (bytes: Uint8Array) => {
    const joined = Buffer.concat([carry, bytes]);
    return notUtf8(joined, firstBadByte(joined), lines - countNewlines(carry), recent.subarray(0, recent.length - carry.length));
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw fail(bytes);
    }
    lines += countNewlines(bytes);
    recent = Buffer.concat([recent, bytes]).subarray(-40);
    carry = tailFrom(recent);
    if (text !== '') yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    // The input ends inside a character.
    throw fail(new Uint8Array(0));
  }
}

/** The last up to three bytes, from a character's first byte on: where an unfinished one may start. */
function tailFrom(bytes: Uint8Array): Uint8Array {
  let start = Math.max(0, bytes.length - 3);
  while (start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  return bytes.slice(start);
}

/** A whole text (a story file, a pack file) from its bytes: UTF-8, a byte-order mark dropped. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(bytes, firstBadByte(bytes), 0);
  }
}
