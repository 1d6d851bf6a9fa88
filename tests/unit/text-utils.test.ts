import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGLISH_LOCALES, formatPartialDate, formatPartialDateIntl, monthsBetween, endOfPartialDate } from '../../src/render/dates.js';
import { htmlEscape, markdownEscape, plainText } from '../../src/render/format.js';
import { respell } from '../../src/render/spelling.js';
import { tidy } from '../../src/render/finish.js';
import { surnameOf } from '../../src/render/names.js';

describe('dates', () => {
  it('formats English dates exactly as Intl does, without loading it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom(...Object.keys(ENGLISH_LOCALES)),
        (d, locale) => {
          const day = d.toISOString().slice(0, 10);
          expect(formatPartialDate(day, locale)).toBe(formatPartialDateIntl(day, locale));
          expect(formatPartialDate(day.slice(0, 7), locale)).toBe(formatPartialDateIntl(day.slice(0, 7), locale));
        },
      ),
    );
  });

  it('keeps a source date only as precise as it is', () => {
    expect(formatPartialDate('2006', 'en-GB')).toBe('2006');
    expect(formatPartialDate('2025-12', 'en-GB')).toBe('December 2025');
    expect(formatPartialDate('2025-12-15', 'en-US')).toBe('December 15, 2025');
    expect(formatPartialDate('2025-12-15', 'de-DE')).toBe('15. Dezember 2025');
  });

  it('counts whole months from the end of a partial date', () => {
    expect(monthsBetween(endOfPartialDate('2025-12'), Date.parse('2026-06-29T00:00:00Z'))).toBe(5);
    expect(monthsBetween(endOfPartialDate('2025-12'), Date.parse('2026-06-30T00:00:00Z'))).toBe(6);
    expect(monthsBetween(endOfPartialDate('2025-12'), Date.parse('2026-07-01T00:00:00Z'))).toBe(6);
    expect(monthsBetween(endOfPartialDate('2025-12-31'), Date.parse('2026-11-25T00:00:00Z'))).toBe(10);
    // As a person counts: the example, and a month ending before the start day.
    expect(monthsBetween(Date.parse('2025-12-31T00:00:00Z'), Date.parse('2026-11-30T00:00:00Z'))).toBe(11);
    expect(monthsBetween(Date.parse('2026-01-31T00:00:00Z'), Date.parse('2026-02-28T00:00:00Z'))).toBe(1);
    expect(monthsBetween(Date.parse('2026-01-31T00:00:00Z'), Date.parse('2026-02-27T00:00:00Z'))).toBe(0);
    expect(monthsBetween(Date.parse('2025-12-15T00:00:00Z'), Date.parse('2026-11-14T00:00:00Z'))).toBe(10);
    expect(monthsBetween(Date.parse('2025-12-15T00:00:00Z'), Date.parse('2026-11-15T00:00:00Z'))).toBe(11);
  });
});

describe('spelling', () => {
  const table = { honour: 'honor', centre: 'center', organisation: 'organization' };
  it('swaps whole words, keeping capitals', () => {
    expect(respell('Honour the Centre and its organisation.', table)).toBe('Honor the Center and its organization.');
    expect(respell('HONOUR', table)).toBe('HONOR');
  });
  it('leaves parts of other words alone', () => {
    expect(respell('honourable centres', table)).toBe('honourable centres');
  });
});

describe('escaping', () => {
  it('HTML-escapes every special character', () => {
    expect(htmlEscape(`<a href="x">O'Brien & co</a>`)).toBe('&lt;a href&#x3D;&quot;x&quot;&gt;O&#x27;Brien &amp; co&lt;/a&gt;');
  });

  it('round-trips any text through Markdown escaping', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(plainText(markdownEscape(s), 'markdown')).toBe(s);
      }),
    );
  });

  it('round-trips any text through HTML escaping', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(plainText(htmlEscape(s), 'html')).toBe(s);
      }),
    );
  });

  it('neutralises Markdown that would format a name', () => {
    expect(markdownEscape('# *Alex* [x](y)')).toBe('\\# \\*Alex\\* \\[x\\](y)');
  });
});

describe('tidy and names', () => {
  it('removes trailing spaces and extra blank lines', () => {
    expect(tidy('\n\na  \n\n\n\nb\t\n\n')).toBe('a\n\nb');
  });
  it('takes the last word of a name as the surname', () => {
    expect(surnameOf('Jane Smith')).toBe('Smith');
    expect(surnameOf('Mária Kolesniková')).toBe('Kolesniková');
    expect(surnameOf('Cher')).toBe('Cher');
  });
});
