/**
 * A sheet's cells as people type them, read as the ids and dates a LetterRequest holds: a
 * country ("United Kingdom", "GB", "Deutschland") for the region, an official's everyday name
 * ("foreign minister", "member of parliament") for the recipient, a European or American date
 * for the date. Pure: the pack's region and official ids come in as data.
 */
import { countryCode, countryFor, valueKey } from '../countries.js';

/** The pack's regions, each with the ids of the officials there. */
export type RegionIds = ReadonlyMap<string, readonly string[]>;

export interface RegionValue {
  region: string;
  /** An EU member state's ISO code. */
  country?: string;
  /** Set when the value named no region or country known: why the letter goes to `other`. */
  note?: string;
  unknown?: boolean;
}

export function readRegion(value: string, regions: RegionIds): RegionValue {
  const id = value.trim().toLowerCase();
  if (regions.has(id)) return { region: id };
  const country = countryFor(value);
  if (country && regions.has(country.region)) return { region: country.region, country: country.code };
  // Anything else is a country with no letters of its own: the generic region writes to them.
  if (regions.has('other')) {
    // A real country ("Norway") still tells the letter how to write the writer's address.
    const code = countryCode(value);
    return {
      region: 'other',
      ...(code ? { country: code } : {}),
      unknown: true,
      note: `"${value.trim()}" is not a region or country belarus-letter has letters for; its letters use region other`,
    };
  }
  return { region: id };
}

/** Everyday names of officials, each with the ids it may mean, in order of preference. */
const OFFICIALS: [names: string[], ids: string[]][] = [
  [
    ['mp', 'm p', 'member of parliament', 'member of the house of commons', 'parliamentarian'],
    ['mp', 'member'],
  ],
  [
    ['member', 'member of the house of representatives', 'federal mp'],
    ['member', 'mp'],
  ],
  [
    [
      'mep',
      'member of the european parliament',
      'european mp',
      'europaabgeordneter',
      'europaabgeordnete',
      'eurodepute',
      'eurodeputee',
      'depute europeen',
      'deputee europeenne',
    ],
    ['mep'],
  ],
  [['senator', 'senate', 'us senator'], ['senator']],
  [
    ['representative', 'rep', 'congressman', 'congresswoman', 'congressperson', 'member of congress', 'house representative', 'us representative'],
    ['representative', 'member'],
  ],
  [
    [
      'foreign minister',
      'minister of foreign affairs',
      'minister for foreign affairs',
      'foreign affairs minister',
      'minister',
      'aussenminister',
      'aussenministerin',
      'ministre des affaires etrangeres',
      'ministre',
    ],
    ['foreign-minister', 'foreign-secretary'],
  ],
  [
    ['foreign secretary', 'secretary of state for foreign commonwealth and development affairs'],
    ['foreign-secretary', 'foreign-minister'],
  ],
  [
    ['secretary of state', 'us secretary of state'],
    ['secretary-of-state', 'foreign-secretary'],
  ],
];
const OFFICIAL_IDS = new Map<string, string[]>();
for (const [names, ids] of OFFICIALS) for (const name of names) OFFICIAL_IDS.set(name, ids);

/** The official's id in this region, from the id itself, its words ("foreign minister") or an everyday name. */
export function readRecipient(value: string, officials: readonly string[] | undefined): string {
  const key = valueKey(value);
  const id = key.replace(/ /g, '-');
  if (!officials || officials.includes(id)) return id;
  const candidates = OFFICIAL_IDS.get(key) ?? [];
  return candidates.find((c) => officials.includes(c)) ?? id;
}

/** Which comes first in a date written with slashes: the day (most of the world) or the month (the US). */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** --date-format as people write it: DD/MM/YYYY, MM/DD/YYYY, dmy, mdy. */
export function parseDateOrder(text: string): DateOrder | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^dmy]/g, '');
  if (key === 'ddmmyyyy' || key === 'dmy') return 'dmy';
  if (key === 'mmddyyyy' || key === 'mdy') return 'mdy';
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (y: string, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export type DateValue = { ok: true; date: string } | { ok: false; error: string };

/**
 * YYYY-MM-DD as it is; DD.MM.YYYY (a European spreadsheet's own format); DD/MM/YYYY or
 * MM/DD/YYYY when the numbers settle which (a day above 12) or --date-format does. A time after
 * the date, as a spreadsheet may add, is dropped. Anything else is left for the request's own check.
 */
export function readDate(value: string, order?: DateOrder): DateValue {
  const text = value.trim().replace(/[ T]\d{1,2}:\d{2}(?::\d{2})?$/, '');
  const dotted = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  if (dotted) return { ok: true, date: iso(dotted[3] as string, Number(dotted[2]), Number(dotted[1])) };
  const ymd = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  if (ymd) return { ok: true, date: iso(ymd[1] as string, Number(ymd[2]), Number(ymd[3])) };
  const slashed = text.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/);
  if (!slashed) return { ok: true, date: text };
  const [a, b, year] = [Number(slashed[1]), Number(slashed[2]), slashed[3] as string];
  if (a < 1 || b < 1) return { ok: true, date: text };
  const which: DateOrder | undefined = order ?? (a > 12 ? 'dmy' : b > 12 || a === b ? 'mdy' : undefined);
  if (!which) {
    return {
      ok: false,
      error: `"${value.trim()}" could be ${a} ${MONTHS[b - 1]} or ${MONTHS[a - 1]} ${b}; say which with --date-format DD/MM/YYYY or --date-format MM/DD/YYYY`,
    };
  }
  return { ok: true, date: which === 'dmy' ? iso(year, b, a) : iso(year, a, b) };
}
