import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadPack } from '../../src/pack/load.js';
import { buildEml, encodedWords, quotedPrintable } from '../../src/render/eml.js';
import { render } from '../../src/render/render.js';
import { letterRequestSchema } from '../../src/request.js';
import { optionNames } from '../../src/validate.js';

const pack = loadPack();
const base = {
  region: 'uk',
  recipient: 'mp',
  stance: 'maintain',
  name: 'Алесь Бяляцкі',
  city: 'Minsk',
  email: 'ales@example.org',
  recipientName: 'Mária Kolesniková',
  recipientEmail: 'maria@example.org',
  story: 'Мой дзядзька сядзіць у турме. Mária Kolesniková wrote to us — «дзякуй».',
  date: '2026-11-25',
};
/** As `draft` renders: messages name the options. */
const draft = (extra: Record<string, unknown> = {}) => render(pack, letterRequestSchema.parse({ ...base, ...extra }), { names: optionNames });
/** Compares text ignoring the line-break style: MIME carries CRLF, the letter has LF. */
const lf = (s: string) => s.replace(/\r\n/g, '\n').replace(/\n+$/, '');

describe('--format eml', () => {
  it('parses back with an independent MIME parser: headers, text and HTML alternative', async () => {
    const eml = draft({ format: 'eml' });
    const textLetter = draft({ format: 'text' });
    const mail = await PostalMime.parse(eml.text);
    expect(mail.from).toMatchObject({ name: 'Алесь Бяляцкі', address: 'ales@example.org' });
    expect(mail.to).toEqual([{ name: 'Mária Kolesniková', address: 'maria@example.org' }]);
    expect(mail.subject).toBe(eml.meta.subject);
    expect(mail.subject).toBe('Please keep the sanctions on Belarus until every political prisoner is free');
    expect(mail.date).toBe('2026-11-25T12:00:00.000Z');
    expect(mail.messageId).toBeUndefined();
    expect(lf(mail.text ?? '')).toBe(lf(textLetter.text));
    expect(mail.text).toContain('Dear Mária Kolesniková,');
    expect(mail.text).toContain('Мой дзядзька сядзіць у турме.');
    expect(mail.html).toContain('<p class="salutation">Dear Mária Kolesniková,</p>');
    expect(mail.html).toContain('«дзякуй»');
    expect(mail.attachments).toEqual([]);
    expect(mail.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
  });

  it('keeps every line of the message within 78 characters and ends lines with CRLF', () => {
    const { text } = draft({ format: 'eml' });
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves out To when no recipient email is given, and needs the sender email for From', async () => {
    const mail = await PostalMime.parse(draft({ format: 'eml', recipientEmail: undefined }).text);
    expect(mail.to ?? []).toEqual([]);
    expect(() => draft({ format: 'eml', email: undefined })).toThrow(/--format eml needs your email address.*--email/);
  });

  it("uses each stance's own subject", async () => {
    for (const stance of ['maintain', 'strengthen', 'conditional']) {
      const letter = draft({ format: 'eml', stance });
      const mail = await PostalMime.parse(letter.text);
      expect(mail.subject).toBe(pack.stances.find((s) => s.id === stance)?.subject);
    }
  });

  it('turns line breaks in a name into spaces before they reach a header', async () => {
    const letter = draft({ format: 'eml', name: 'Alex\r\nBcc: victim@example.org' });
    const mail = await PostalMime.parse(letter.text);
    expect(mail.bcc ?? []).toEqual([]);
    expect(mail.from?.name).toBe('Alex Bcc: victim@example.org');
    expect(mail.headers.filter((h) => h.key === 'bcc')).toEqual([]);
  });

  it('rejects a control character in any header value with an error naming where it came from', () => {
    const ok = { from: { address: 'a@example.org', option: '--email', nameOption: '--name' }, subject: 'Hi', date: '2026-11-25', text: 'x', html: '<p>x</p>' };
    expect(() => buildEml({ ...ok, subject: 'Hi\r\nBcc: x@example.org' })).toThrow(UsageError);
    expect(() => buildEml({ ...ok, subject: 'Hi\r\nBcc: x@example.org' })).toThrow(/subject.*line break/);
    expect(() => buildEml({ ...ok, from: { ...ok.from, name: 'A\nB' } })).toThrow(/--name cannot go into an email header/);
    expect(() =>
      buildEml({ ...ok, to: { address: 'x@example.org\r\nBcc: y@example.org', option: '--recipient-email', nameOption: '--recipient-name' } }),
    ).toThrow(/--recipient-email/);
    expect(() => buildEml({ ...ok, to: { address: 'not an address', option: '--recipient-email', nameOption: '--recipient-name' } })).toThrow(
      /--recipient-email: "not an address" is not an email address/,
    );
  });

  it('round-trips any printable name and subject through the parser', async () => {
    const printable = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .filter((s) => !/[\p{Cc}\u2028\u2029]/u.test(s) && s.trim() === s && !/\s{2}/.test(s));
    await fc.assert(
      fc.asyncProperty(printable, printable, fc.string({ unit: 'grapheme', maxLength: 300 }), async (name, subject, body) => {
        const raw = buildEml({
          from: { name, address: 'a@example.org', option: '--email', nameOption: '--name' },
          to: { name: subject, address: 'b@example.org', option: '--recipient-email', nameOption: '--recipient-name' },
          subject,
          date: '2026-01-31',
          text: body,
          html: `<p>${body.replace(/[&<>]/g, '')}</p>`,
        });
        const mail = await PostalMime.parse(raw);
        expect(mail.from?.name).toBe(name);
        expect(mail.to?.[0]?.name).toBe(subject);
        expect(mail.subject).toBe(subject);
        expect(lf(mail.text ?? '')).toBe(lf(body.replace(/\r\n?/g, '\n')));
      }),
      { numRuns: 150 },
    );
  });
});

describe('encoding helpers', () => {
  it('splits encoded words at character boundaries, each at most 75 characters', () => {
    const words = encodedWords('Алесь Бяляцкі і Mária Kolesniková '.repeat(4)).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) {
      expect(w.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(w.slice(10, -2), 'base64'))).not.toThrow();
    }
  });

  it('writes quoted-printable with soft breaks and encoded trailing spaces', () => {
    expect(quotedPrintable('a = b ')).toBe('a =3D b=20');
    expect(quotedPrintable('é')).toBe('=C3=A9');
    const long = quotedPrintable('x'.repeat(200));
    expect(long.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(long.replace(/=\r\n/g, '')).toBe('x'.repeat(200));
  });
});
