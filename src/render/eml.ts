/**
 * An RFC 5322 message (MIME, UTF-8) for --format eml: headers from the request, the letter as
 * text/plain with an HTML alternative. Pure: the Date header comes from the letter's date, and
 * there is no Message-ID (the sending mail program adds one), so the same letter gives the same
 * bytes. `X-Unsent: 1` makes Outlook open the file as a draft ready to send.
 */
import { UsageError } from '../errors.js';

const CRLF = '\r\n';
// The multipart boundary starts with "=_": quoted-printable writes every "=" as "=3D", so the
// boundary can never occur in a body.
const BOUNDARY = '=_belarus-letter-alternative';

export interface Mailbox {
  name?: string;
  address: string;
  /** The address's and the name's fields as the caller names them, for error messages. */
  option: string;
  nameOption: string;
}

export interface EmlInput {
  from: Mailbox;
  to?: Mailbox;
  subject: string;
  /** YYYY-MM-DD; the message is dated noon UTC that day. */
  date: string;
  text: string;
  html: string;
}

// A line break or any other control character in a header value could start a new header.
const HEADER_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function checkHeaderValue(value: string, what: string): void {
  if (HEADER_CONTROL.test(value)) {
    throw new UsageError(`${what} cannot go into an email header: it contains a line break or another control character.`);
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * RFC 2047 encoded-words ("=?UTF-8?B?…?="), each at most 75 characters and never splitting a
 * character, joined by folding white space.
 */
export function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (utf8(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`).join(`${CRLF} `);
}

const isPlainAscii = (s: string) => /^[\x20-\x7E]*$/.test(s) && !s.includes('=?');

/** Folds an unstructured ASCII header at spaces so lines stay within 78 characters. */
function foldAscii(name: string, value: string): string {
  const words = value.split(' ');
  let line = `${name}:`;
  const lines: string[] = [];
  for (const word of words) {
    if (line.length + 1 + word.length > 78 && line.trim() !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

function unstructured(name: string, value: string, what: string): string {
  checkHeaderValue(value, what);
  return isPlainAscii(value) ? foldAscii(name, value) : `${name}: ${encodedWords(value)}`;
}

function mailbox(box: Mailbox): string {
  checkHeaderValue(box.address, box.option);
  if (!ADDRESS.test(box.address)) {
    throw new UsageError(`${box.option}: "${box.address}" is not an email address that can go into a message header.`);
  }
  if (!box.name) return box.address;
  checkHeaderValue(box.name, box.nameOption);
  const phrase = isPlainAscii(box.name) ? `"${box.name.replace(/(["\\])/g, '\\$1')}"` : encodedWords(box.name);
  return `${phrase} <${box.address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Wed, 25 Nov 2026 12:00:00 +0000" for YYYY-MM-DD. */
export function rfc5322Date(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 12:00:00 +0000`;
}

/** Quoted-printable (RFC 2045) over UTF-8, CRLF line breaks, lines of at most 76 characters. */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const bytes = utf8(line);
      let out = '';
      let length = 0;
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        const token = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
        if (length + token.length > 75) {
          out += `=${CRLF}`;
          length = 0;
        }
        out += token;
        length += token.length;
      });
      return out;
    })
    .join(CRLF);
}

function part(type: string, body: string): string {
  return [`Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body)].join(CRLF);
}

export function buildEml(input: EmlInput): string {
  const headers = [
    `Date: ${rfc5322Date(input.date)}`,
    `From: ${mailbox(input.from)}`,
    ...(input.to ? [`To: ${mailbox(input.to)}`] : []),
    unstructured('Subject', input.subject, "The subject (the stance's `subject` in the template pack)"),
    'MIME-Version: 1.0',
    'X-Unsent: 1',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
  ];
  return [...headers, '', `--${BOUNDARY}`, part('text/plain', input.text), `--${BOUNDARY}`, part('text/html', input.html), `--${BOUNDARY}--`, ''].join(CRLF);
}
