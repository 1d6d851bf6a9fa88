/**
 * Builds the US directory from its public sources, as published: legislators-current.yaml and
 * legislators-district-offices.yaml of unitedstates/congress-legislators (CC0), and zccd.csv of
 * OpenSourceActivismTech/us-zipcodes-congress (Census ZCTA relationship files). Pure: the texts
 * and their commits come in, the directory goes out, the same every time for the same input.
 * Used by scripts/build-officials.mjs for the shipped copy and by `officials update`.
 */
import { parse } from 'yaml';
import { DIRECTORY_FORMAT, type Member, type SourceInfo, type UsDirectory } from './schema.js';
import { encodeZips, type DistrictCode } from './zip-codec.js';

export const LEGISLATORS_REPO = 'unitedstates/congress-legislators';
export const ZCCD_REPO = 'OpenSourceActivismTech/us-zipcodes-congress';
export const SOURCE_FILES = {
  legislators: { repo: LEGISLATORS_REPO, branch: 'main', file: 'legislators-current.yaml' },
  offices: { repo: LEGISLATORS_REPO, branch: 'main', file: 'legislators-district-offices.yaml' },
  zccd: { repo: ZCCD_REPO, branch: 'master', file: 'zccd.csv' },
} as const;

export interface BuildInput {
  legislators: string;
  /** Optional: without it the directory has Washington offices only. */
  offices?: string;
  zccd: string;
  /** Commit and commit date (YYYY-MM-DD) of each repository the texts came from. */
  commits: { legislators: { commit: string; date: string }; zccd: { commit: string; date: string } };
}

export class SourceDataError extends Error {}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});

function yamlList(text: string, file: string): Raw[] {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0 });
  } catch (error) {
    throw new SourceDataError(`${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(data)) throw new SourceDataError(`${file} should be a list of legislators`);
  return data.map(obj);
}

/** "511 Hart Senate Office Building Washington DC 20510" -> "Washington, DC 20510". */
function cityLine(address: string | undefined, chamber: Member['chamber']): string {
  const m = address ? /Washington,?\s+DC,?\s+(\d{5}(?:-\d{4})?)\s*$/i.exec(address) : null;
  return `Washington, DC ${m ? m[1] : chamber === 'senate' ? '20510' : '20515'}`;
}

function officesOf(text: string): Map<string, Member['offices']> {
  const out = new Map<string, NonNullable<Member['offices']>>();
  for (const entry of yamlList(text, SOURCE_FILES.offices.file)) {
    const id = str(obj(entry.id).bioguide);
    if (!id || !Array.isArray(entry.offices)) continue;
    const offices = entry.offices.map(obj).flatMap((o) => {
      const street = [str(o.address), str(o.suite)].filter(Boolean).join(', ');
      const place = [str(o.city), [str(o.state), str(o.zip)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      const lines = [str(o.building), street, place].filter((x): x is string => Boolean(x));
      if (!str(o.city)) return [];
      return [{ lines, ...(str(o.phone) ? { phone: str(o.phone) } : {}) }];
    });
    if (offices.length > 0) out.set(id, offices);
  }
  return out;
}

function memberOf(entry: Raw, offices: Map<string, Member['offices']>): Member | undefined {
  const id = str(obj(entry.id).bioguide);
  const terms = Array.isArray(entry.terms) ? entry.terms.map(obj) : [];
  const term = terms[terms.length - 1];
  if (!id || !term) return undefined;
  const chamber = term.type === 'sen' ? 'senate' : term.type === 'rep' ? 'house' : undefined;
  const state = str(term.state);
  if (!chamber || !state) return undefined;
  const name = obj(entry.name);
  const full = str(name.official_full) ?? [str(name.first), str(name.last), str(name.suffix)].filter(Boolean).join(' ');
  const member: Member = { id, chamber, name: full, party: str(term.party), state };
  if (chamber === 'house') member.district = typeof term.district === 'number' ? term.district : 0;
  else if (str(term.state_rank)) member.rank = str(term.state_rank);
  const optional = {
    office: str(term.office),
    city: cityLine(str(term.address), chamber),
    phone: str(term.phone),
    url: str(term.url),
    contactForm: str(term.contact_form),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (member as Raw)[key] = value;
  const local = offices.get(id);
  if (local) member.offices = local;
  return member;
}

function zipTable(text: string): Map<string, DistrictCode[]> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines
    .shift()
    ?.split(',')
    .map((h) => h.trim());
  const at = (name: string) => header?.indexOf(name) ?? -1;
  const [s, z, d] = [at('state_abbr'), at('zcta'), at('cd')];
  if (s < 0 || z < 0 || d < 0) throw new SourceDataError(`${SOURCE_FILES.zccd.file} should have the columns state_abbr, zcta and cd`);
  const sets = new Map<string, Set<DistrictCode>>();
  lines.forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    const state = cells[s] ?? '';
    const zip = cells[z] ?? '';
    const district = cells[d] ?? '';
    if (!/^[A-Z]{2}$/.test(state) || !/^\d{5}$/.test(zip) || !/^\d{1,2}$/.test(district)) {
      throw new SourceDataError(`${SOURCE_FILES.zccd.file} line ${i + 2} is not a state, a 5-digit ZCTA and a district: "${line.slice(0, 60)}"`);
    }
    let set = sets.get(zip);
    if (!set) sets.set(zip, (set = new Set()));
    set.add(`${state}${Number(district)}`);
  });
  const byCode = (a: string, b: string) => (a.slice(0, 2) === b.slice(0, 2) ? Number(a.slice(2)) - Number(b.slice(2)) : a < b ? -1 : 1);
  return new Map([...sets].map(([zip, set]) => [zip, [...set].sort(byCode)]));
}

const ORDER = (a: Member, b: Member) =>
  a.state.localeCompare(b.state) ||
  (a.chamber === b.chamber ? 0 : a.chamber === 'senate' ? -1 : 1) ||
  (a.district ?? 0) - (b.district ?? 0) ||
  // The senior senator first, as the Senate lists a state's pair.
  (a.rank === b.rank ? 0 : a.rank === 'senior' ? -1 : b.rank === 'senior' ? 1 : 0) ||
  a.name.localeCompare(b.name, 'en') ||
  a.id.localeCompare(b.id);

export function buildUsDirectory(input: BuildInput): UsDirectory {
  const offices = input.offices === undefined ? new Map() : officesOf(input.offices);
  const members = yamlList(input.legislators, SOURCE_FILES.legislators.file)
    .map((entry) => memberOf(entry, offices))
    .filter((m): m is Member => m !== undefined)
    .sort(ORDER);
  if (members.length === 0) throw new SourceDataError(`${SOURCE_FILES.legislators.file} lists no current members`);
  const zips = zipTable(input.zccd);
  const { legislators, zccd } = input.commits;
  const sources: SourceInfo[] = [
    {
      name: 'Current members of Congress and their district offices',
      repo: LEGISLATORS_REPO,
      commit: legislators.commit,
      date: legislators.date,
      files: [SOURCE_FILES.legislators.file, ...(input.offices === undefined ? [] : [SOURCE_FILES.offices.file])],
      licence: 'CC0-1.0 (public domain dedication)',
      url: `https://github.com/${LEGISLATORS_REPO}`,
    },
    {
      name: 'ZIP code tabulation areas to congressional districts, from Census 2020 relationship files',
      repo: ZCCD_REPO,
      commit: zccd.commit,
      date: zccd.date,
      files: [SOURCE_FILES.zccd.file],
      licence: 'United States Government work, no copyright (its conversion scripts are MIT)',
      url: `https://github.com/${ZCCD_REPO}`,
    },
  ];
  return { format: DIRECTORY_FORMAT, country: 'us', asOf: legislators.date, sources, members, zips: encodeZips(zips) };
}
