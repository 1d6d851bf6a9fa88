/**
 * Opening the input of `bulk`: a file or stdin ("-"), read as a UTF-8 text stream (a byte-order
 * mark is dropped by the readers), with its format chosen by --input-format, else the file's
 * extension, else a look at its first characters.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
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
function isWorkbook(path: string, head: string): boolean {
  if (head.startsWith('PK\u0003\u0004')) return true;
  return WORKBOOK_EXTENSIONS.has(extname(path).toLowerCase()) && /[\u0000-\u0008\uFFFD]/.test(head.slice(0, 512));
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

export async function openInput(path: string, format?: InputFormat): Promise<InputSource> {
  let stream: NodeJS.ReadableStream;
  let size: number | undefined;
  let close = async () => {};
  if (path === '-') {
    stream = process.stdin;
    process.stdin.setEncoding('utf8');
  } else {
    try {
      const handle = await open(path, 'r');
      const stat = await handle.stat();
      if (stat.isDirectory()) {
        await handle.close();
        throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      }
      size = stat.size;
      const fileStream = handle.createReadStream({ encoding: 'utf8', highWaterMark: 64 * 1024 });
      stream = fileStream;
      close = async () => {
        fileStream.destroy();
      };
    } catch (error) {
      throw openError(path, error);
    }
  }
  const name = path === '-' ? 'stdin' : path;
  let bytes = 0;
  const iterator = (stream as AsyncIterable<string>)[Symbol.asyncIterator]();
  // Read until something other than whitespace shows, to choose the format and delimiter.
  let head = '';
  try {
    while (head.trim() === '' || head === '\uFEFF') {
      const next = await iterator.next();
      if (next.done) break;
      head += next.value;
      bytes += Buffer.byteLength(next.value);
    }
  } catch (error) {
    throw openError(path, error);
  }
  if (head.replace(/^\uFEFF/, '').trim() === '') {
    await close();
    throw new InputError(`${name} is empty; it needs a header row and then one row per sender.`, true);
  }
  if (isWorkbook(path, head)) {
    await close();
    throw new InputError(`${name} is a spreadsheet workbook, not CSV; in your spreadsheet program save or download the sheet as "CSV UTF-8", and give that file.`, true);
  }
  if (head.startsWith('\uFFFD\uFFFD') || (head.slice(0, 200).match(/\u0000/g)?.length ?? 0) > 2) {
    await close();
    throw new InputError(`${name} looks like UTF-16 text, not UTF-8; save it again as "CSV UTF-8" (or JSON in UTF-8).`, true);
  }
  const chosen = format ?? (path === '-' ? undefined : BY_EXTENSION[extname(path).toLowerCase()]) ?? sniffFormat(head);
  const first = head;
  async function* chunks(): AsyncGenerator<string> {
    yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      bytes += Buffer.byteLength(next.value);
      yield next.value;
    }
  }
  return { name, format: chosen, chunks: chunks(), size, bytesRead: () => bytes, head, close };
}
