/**
 * Officials looked up from where the writer lives, in terms every country's data can fill: a
 * source turns a postcode or an area into the officials for the pack's recipients. The US
 * directory is the first source; another country's data is one more implementation of
 * OfficialsSource, registered in ./sources.ts.
 */

/** Where a letter to this official goes: their web form, their site, their postal address. */
export interface SendTo {
  contactForm?: string;
  website?: string;
  /** The postal address without the official's name: the letter's address block after the name. */
  postal: string[];
  phone?: string;
}

export interface LocalOffice {
  lines: string[];
  phone?: string;
}

export interface Official {
  /** Stable id from the data (for the US, the Bioguide id): what --official takes. */
  id: string;
  /** The pack's recipient id this official is: senator, representative, mp... */
  recipient: string;
  name: string;
  party?: string;
  /** The area they serve, e.g. "OR" */
  area: string;
  areaName: string;
  /** "1st district", "At large", "Senior senator"... */
  seat: string;
  sendTo: SendTo;
  offices: LocalOffice[];
}

/** One seat the data expects to be filled, with nobody in it. */
export interface Vacancy {
  recipient: string;
  area: string;
  seat: string;
}

export interface LookupResult {
  /** What was asked, as the writer typed it (normalised). */
  query: { postcode?: string; area?: string };
  /** Whether the postcode was found in the data, or only its area guessed (or nothing). */
  match: 'exact' | 'area' | 'none';
  /** Areas (states) the answer covers. */
  areas: { code: string; name: string }[];
  /** Districts a postcode spans: more than one means the writer must check which is theirs. */
  districts: string[];
  officials: Official[];
  vacancies: Vacancy[];
  /** Plain sentences for the writer: a split postcode, a fallback, a territory without senators. */
  notes: string[];
}

/** When and from where a source's data came: shown with every answer. */
export interface DataInfo {
  /** The date the data describes (the source's commit date), YYYY-MM-DD. */
  asOf: string;
  /** "shipped with belarus-letter" or the cache file it was downloaded to. */
  origin: string;
  sources: { name: string; repo: string; commit: string; date: string; licence: string; url: string }[];
}

export interface OfficialsSource {
  /** The pack region id the data covers. */
  region: string;
  /** The recipient ids it can name. */
  recipients: readonly string[];
  info: DataInfo;
  lookup(query: { postcode?: string; area?: string }): LookupResult;
  /** Notes about the data's age on a given day (empty when fresh). */
  ageNotes(today: string): string[];
}
