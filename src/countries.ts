/**
 * Country names and codes as people type them in a sign-up sheet's country column, in English
 * and as written locally (and, for the countries organisers most often list, in French and
 * German), each to the region whose officials the letter goes to. An EU member state gives `eu`
 * and its ISO 3166-1 code.
 */
import { foldText } from './fold.js';
export interface Country {
  region: string;
  /** ISO 3166-1 alpha-2 code, for an EU member state. */
  code?: string;
  /** Its English name, for messages. */
  name: string;
  /** Names and codes a sheet may hold, besides the English name. */
  also: string[];
}

const EU_STATES: [code: string, name: string, also: string[]][] = [
  ['AT', 'Austria', ['Österreich', 'Autriche']],
  ['BE', 'Belgium', ['België', 'Belgique', 'Belgien']],
  ['BG', 'Bulgaria', ['България', 'Bulgarie', 'Bulgarien']],
  ['HR', 'Croatia', ['Hrvatska', 'Croatie', 'Kroatien']],
  ['CY', 'Cyprus', ['Κύπρος', 'Kıbrıs', 'Chypre', 'Zypern']],
  ['CZ', 'Czechia', ['Czech Republic', 'Česko', 'Česká republika', 'Tchéquie', 'République tchèque', 'Tschechien']],
  ['DK', 'Denmark', ['Danmark', 'Danemark', 'Dänemark']],
  ['EE', 'Estonia', ['Eesti', 'Estonie', 'Estland']],
  ['FI', 'Finland', ['Suomi', 'Finlande', 'Finnland']],
  ['FR', 'France', ['Frankreich', 'République française']],
  ['DE', 'Germany', ['Deutschland', 'Allemagne', 'Bundesrepublik Deutschland']],
  ['GR', 'Greece', ['EL', 'Ελλάδα', 'Hellas', 'Grèce', 'Griechenland']],
  ['HU', 'Hungary', ['Magyarország', 'Hongrie', 'Ungarn']],
  ['IE', 'Ireland', ['Éire', 'Republic of Ireland', 'Irlande', 'Irland']],
  ['IT', 'Italy', ['Italia', 'Italie', 'Italien']],
  ['LV', 'Latvia', ['Latvija', 'Lettonie', 'Lettland']],
  ['LT', 'Lithuania', ['Lietuva', 'Lituanie', 'Litauen']],
  ['LU', 'Luxembourg', ['Lëtzebuerg', 'Luxemburg']],
  ['MT', 'Malta', ['Malte']],
  ['NL', 'Netherlands', ['Nederland', 'The Netherlands', 'Holland', 'Pays-Bas', 'Niederlande']],
  ['PL', 'Poland', ['Polska', 'Pologne', 'Polen']],
  ['PT', 'Portugal', []],
  ['RO', 'Romania', ['România', 'Roumanie', 'Rumänien']],
  ['SK', 'Slovakia', ['Slovensko', 'Slovaquie', 'Slowakei']],
  ['SI', 'Slovenia', ['Slovenija', 'Slovénie', 'Slowenien']],
  ['ES', 'Spain', ['España', 'Espagne', 'Spanien']],
  ['SE', 'Sweden', ['Sverige', 'Suède', 'Schweden']],
];

export const COUNTRIES: readonly Country[] = [
  {
    region: 'uk',
    name: 'United Kingdom',
    also: [
      'UK',
      'GB',
      'Great Britain',
      'Britain',
      'England',
      'Scotland',
      'Wales',
      'Northern Ireland',
      'Royaume-Uni',
      'Vereinigtes Königreich',
      'Großbritannien',
    ],
  },
  { region: 'us', name: 'United States', also: ['US', 'USA', 'U.S.', 'U.S.A.', 'United States of America', 'America', 'États-Unis', 'Vereinigte Staaten'] },
  { region: 'ca', name: 'Canada', also: ['CA', 'Kanada'] },
  { region: 'au', name: 'Australia', also: ['AU', 'Australie', 'Australien'] },
  { region: 'eu', name: 'European Union', also: ['EU', 'Union européenne', 'Europäische Union'] },
  ...EU_STATES.map(([code, name, also]) => ({ region: 'eu', code, name, also: [code, ...also] })),
];

/** A value as words to look up: lower case, accents folded, punctuation gone ("U.S.A." is "usa"). */
export function valueKey(value: string): string {
  return foldText(value)
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_KEY = new Map<string, Country>();
for (const country of COUNTRIES) for (const name of [country.name, ...country.also]) BY_KEY.set(valueKey(name), country);

export function countryFor(value: string): Country | undefined {
  return BY_KEY.get(valueKey(value)) ?? BY_KEY.get(valueKey(value).replace(/^the /, ''));
}

/** Whether a two-letter code names one of the EU's member states. */
export function isEuMember(code: string): boolean {
  return EU_STATES.some(([c]) => c === code);
}

/** An EU member state's English name, from its code. */
export function countryName(code: string): string | undefined {
  return COUNTRIES.find((c) => c.code === code)?.name;
}

let anyCountry: Map<string, string> | undefined;
/** Codes Intl names that are no country: groupings (EU, UN), private use (Q*, X* but Kosovo's XK), unknown (ZZ). */
const NOT_COUNTRIES = /^(?:EU|EZ|UN|ZZ|Q.|X[^K])$/;

/**
 * The ISO 3166-1 code of any country named by its code or its English, French or German name
 * ("Norway", "NO", "Norvège"), for a writer in a country with no letters of its own: their
 * address is then written as their country writes it.
 */
export function countryCode(value: string): string | undefined {
  if (!anyCountry) {
    anyCountry = new Map();
    const names = ['en', 'fr', 'de'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (NOT_COUNTRIES.test(code)) continue;
        const known = names.map((n) => n.of(code)).filter((n): n is string => Boolean(n));
        if (known.length === 0) continue;
        for (const name of [code, ...known]) if (!anyCountry.has(valueKey(name))) anyCountry.set(valueKey(name), code);
      }
    }
  }
  return anyCountry.get(valueKey(value));
}
