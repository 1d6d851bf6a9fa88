/**
 * Opening the input of `bulk`: a file or stdin ("-"), read as bytes and decoded as UTF-8 (or the
 * encoding --encoding names; see encoding.ts), with its format chosen by --input-format, else the
 * file's extension, else a look at its first characters. A byte-order mark is dropped.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { decodeChunks, NotUtf8Error, SAVE_AS_UTF8 } from './encoding.js';
import { InputError, type InputFormat } from './rows.js';

export interface InputSource {
  /** The name to use in messages: the path, or "stdin". */
  name: string;
  format: InputFormat;
  chunks: AsyncIterable<string>;
  /** Size in bytes when known (a file), for the progress bar. */
  size?: number;
  /** Bytes read so far. */
  bytesRead(): number;
  /** The characters read before any row, for sniffing a CSV delimiter. */
  head: string;
  close(): Promise<void>;
}

const BY_EXTENSION: Record<string, InputFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

/** Files a spreadsheet program saves as a workbook, which are not text. */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.numbers']);

/**
 * A workbook rather than the CSV exported from it: a zip file (.xlsx, .ods, .numbers), or a
 * workbook's name with binary content (an old .xls). A .xlsx name on real CSV text is read.
 */
function isWorkbook(path: string, head: Uint8Array): boolean {
  const start = Buffer.from(head.subarray(0, 512)).toString('latin1');
  if (start.startsWith('PK\u0003\u0004')) return true;
  return WORKBOOK_EXTENSIONS.has(extname(path).toLowerCase()) && /[\u0000-\u0008]/.test(start);
}

/** UTF-16 text: its byte-order mark, or the zero bytes it puts beside every ASCII character. */
function isUtf16(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  return head.subarray(0, 200).filter((b) => b === 0).length > 2;
}

/** The error for input that is not UTF-8, with how to save it as UTF-8 or say what it is. */
export function notUtf8Error(name: string, error: NotUtf8Error, atStart: boolean): InputError {
  return new InputError(
    `${name} is not UTF-8 text: ${error.message}${error.sample ? ` (read as Windows-1252 it says "${error.sample}")` : ''}.`,
    atStart,
    `${SAVE_AS_UTF8}\nOr, if the file is Windows-1252 or Latin-1, say so: --encoding windows-1252.`,
  );
}

/** Reads a whole file through the decoder, keeping nothing: a bad byte is found before any row is. */
async function checkDecodes(path: string, label: string): Promise<void> {
  for await (const _ of decodeChunks(createReadStream(path, { highWaterMark: 64 * 1024 }), label)) {
    // Only the decoding matters here.
  }
}

/** Format from the first non-blank character: "[" a JSON array, "{" NDJSON, else CSV. */
export function sniffFormat(head: string): InputFormat {
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'ndjson';
  return 'csv';
}

function openError(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `could not be read (${code ?? 'error'})`;
  return new UsageError(`${path}: the file ${why}.`, 'Give a CSV, JSON or NDJSON file of senders, or - to read stdin.');
}

export interface OpenOptions {
  format?: InputFormat;
  /** The TextDecoder label of the input's encoding (see encodingLabel); UTF-8 when not given. */
  encoding?: string;
}

export async function openInput(path: string, options: OpenOptions = {}): Promise<InputSource> {
  const label = options.encoding ?? 'utf-8';
  let stream: AsyncIterable<Uint8Array>;
  let size: number | undefined;
  let close = async () => {};
  const name = path === '-' ? 'stdin' : path;
  if (path === '-') {
    stream = process.stdin;
  } else {
    try {
      const handle = await open(path, 'r');
      const stat = await handle.stat();
      if (stat.isDirectory()) {
        await handle.close();
        throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      }
      size = stat.size;
      // A file can be read twice: a bad byte anywhere in it is refused before a letter is written.
      if (stat.isFile() && label === 'utf-8') {
        try {
          await checkDecodes(path, label);
        } catch (error) {
          if (!(error instanceof NotUtf8Error)) throw error;
          await handle.close();
          const head = await firstBytes(path);
          if (isWorkbook(path, head)) throw workbookError(name);
          if (isUtf16(head)) throw utf16Error(name);
          throw notUtf8Error(name, error, true);
        }
      }
      const fileStream = handle.createReadStream({ highWaterMark: 64 * 1024 });
      stream = fileStream;
      close = async () => {
        fileStream.destroy();
      };
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw openError(path, error);
    }
  }
  let bytes = 0;
  const raw = stream[Symbol.asyncIterator]();
  // The first bytes, undecoded, to tell a workbook or UTF-16 from text.
  let first: Uint8Array;
  try {
    const next = await raw.next();
    first = next.done ? new Uint8Array(0) : next.value;
  } catch (error) {
    throw openError(path, error);
  }
  if (isWorkbook(path, first)) {
    await close();
    throw workbookError(name);
  }
  if (isUtf16(first)) {
    await close();
    throw utf16Error(name);
  }
  async function* counted(): AsyncGenerator<Uint8Array> {
    bytes += first.length;
    yield first;
    for (;;) {
      const next = await raw.next();
      if (next.done) return;
      bytes += next.value.length;
      yield next.value;
    }
  }
  const iterator = decodeChunks(counted(), label)[Symbol.asyncIterator]();
  let atStart = true;
  const next = async () => {
    try {
      return await iterator.next();
    } catch (error) {
      if (error instanceof NotUtf8Error) throw notUtf8Error(name, error, atStart);
      throw error;
    }
  };
  // Read until something other than whitespace shows, to choose the format and delimiter.
  let head = '';
  try {
    while (head.trim() === '' || head === '\uFEFF') {
      const step = await next();
      if (step.done) break;
      head += step.value;
    }
  } catch (error) {
    await close();
    if (error instanceof InputError) throw error;
    throw openError(path, error);
  }
  atStart = false;
  if (head.replace(/^\uFEFF/, '').trim() === '') {
    await close();
    throw new InputError(`${name} is empty; it needs a header row and then one row per sender.`, true);
  }
  const chosen = options.format ?? (path === '-' ? undefined : BY_EXTENSION[extname(path).toLowerCase()]) ?? sniffFormat(head);
  const opening = head;
  async function* chunks(): AsyncGenerator<string> {
    yield opening;
    for (;;) {
      const step = await next();
      if (step.done) return;
      yield step.value;
    }
  }
  return { name, format: chosen, chunks: chunks(), size, bytesRead: () => bytes, head, close };
}

async function firstBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const workbookError = (name: string) =>
  new InputError(
    `${name} is a spreadsheet workbook, not CSV; in your spreadsheet program save or download the sheet as "CSV UTF-8", and give that file.`,
    true,
  );
const utf16Error = (name: string) => new InputError(`${name} looks like UTF-16 text, not UTF-8; save it again as "CSV UTF-8" (or JSON in UTF-8).`, true);
