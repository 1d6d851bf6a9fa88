/** Dates in the region's style; computed in UTC so the machine's time zone never shifts a day. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, parts: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${locale}|${parts}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (parts !== 'year') opts.month = 'long';
    if (parts === 'day') opts.day = 'numeric';
    f = new Intl.DateTimeFormat(locale, opts);
    formatters.set(key, f);
  }
  return f;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** English locales formatted without Intl, and whether each writes the month first. */
export const ENGLISH_LOCALES: Record<string, boolean> = {
  en: true,
  'en-US': true,
  'en-CA': true,
  'en-PH': true,
  'en-GB': false,
  'en-AU': false,
  'en-IE': false,
  'en-NZ': false,
  'en-IN': false,
};

/**
 * "2025", "December 2025" or "15 December 2025" (locale order), as precise as the input.
 * English is formatted here rather than by Intl: creating an Intl formatter loads locale data
 * and costs a third of a bare Node start-up. Tests check both agree.
 */
export function formatPartialDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const monthFirst = ENGLISH_LOCALES[locale];
  if (monthFirst !== undefined) {
    const month = MONTHS[Number(m) - 1];
    if (!d) return `${month} ${y}`;
    const day = Number(d);
    return monthFirst ? `${month} ${day}, ${y}` : `${day} ${month} ${y}`;
  }
  return formatPartialDateIntl(date, locale);
}

export function formatPartialDateIntl(date: string, locale: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const value = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
  return formatter(locale, d ? 'day' : 'month').format(value);
}

/** The last day a partial date covers, as a UTC timestamp: 2025-12 is taken as 31 Dec 2025. */
export function endOfPartialDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return Date.UTC(y ?? 0, 11, 31);
  if (d === undefined) return Date.UTC(y ?? 0, m, 0);
  return Date.UTC(y ?? 0, m - 1, d);
}

/**
 * Whole calendar months from one day to a later one, as a person counts them: a month has
 * passed on the same day of the next month, or on its last day when it has no such day, so
 * 31 December 2025 to 30 November 2026 is 11 months and 31 January to 28 February is one.
 */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  const lastDayOfB = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 0)).getUTCDate();
  if (b.getUTCDate() < a.getUTCDate() && b.getUTCDate() < lastDayOfB) months -= 1;
  return Math.max(0, months);
}

/**
 * "the end of December 2025" for a month's last day, else the day itself ("19 March 2026"); a date
 * given only to the month is "the end of" it unless `monthAsGiven` ("March 2026").
 */
export function asOfText(date: string, locale: string, monthAsGiven = false): string {
  // A note on the terminal, which stays English whatever the pack's language.
  if (ENGLISH_LOCALES[locale] === undefined) locale = 'en-GB';
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const end = new Date(endOfPartialDate(`${y}-${m}`));
  if (d === undefined && monthAsGiven) return formatPartialDate(date, locale);
  if (d === undefined || Number(d) === end.getUTCDate()) return `the end of ${formatPartialDate(`${y}-${m}`, locale)}`;
  return formatPartialDate(date, locale);
}

const dateLocales = new Map<string, string>();

/**
 * The locale a letter's dates are written in: the pack's language in the region's country. A
 * German pack's letter for a region whose locale is en-IE is dated as de-IE ("30. November
 * 2026"); a pack in the region's own language keeps the region's locale, so English packs still
 * take the fast path above.
 */
export function dateLocale(language: string, regionLocale: string): string {
  const key = `${language}|${regionLocale}`;
  let locale = dateLocales.get(key);
  if (locale === undefined) {
    const [lang = language, ...rest] = regionLocale.split('-');
    const [packLang = language] = language.split('-');
    if (lang.toLowerCase() === packLang.toLowerCase()) locale = regionLocale;
    else {
      const country = rest.find((part) => /^[A-Za-z]{2}$|^\d{3}$/.test(part));
      locale = country && !language.includes('-') ? `${language}-${country}` : language;
    }
    dateLocales.set(key, locale);
  }
  return locale;
}
