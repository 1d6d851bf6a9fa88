/** Looking up the US directory: a ZIP or a state to its senators and representative(s). */
import { HOUSE_FINDER, SENATE_FINDER } from '../finders.js';
import { usAgeNotes } from '../age.js';
import type { DataInfo, LookupResult, Official, OfficialsSource, Vacancy } from '../types.js';
import type { Member, UsDirectory } from './schema.js';
import { NON_STATES, STATE_NAMES, stateName } from './states.js';
import { districtsInRange, districtsOfZip, splitDistrict, type DistrictCode } from './zip-codec.js';

export const US_RECIPIENTS = ['senator', 'representative'] as const;
export const CHECK_WHERE = `Check ${HOUSE_FINDER} and ${SENATE_FINDER}, or run \`belarus-letter officials update\`.`;

/** "97201" and "97201-1234" give "97201"; anything else undefined. */
export function parseZip(text: string): string | undefined {
  const m = /^\s*(\d{5})(?:-?\d{4})?\s*$/.exec(text);
  return m ? m[1] : undefined;
}

/** "OR" or "oregon" gives "OR". */
export function parseState(text: string): string | undefined {
  const t = text.trim();
  const code = t.toUpperCase();
  if (STATE_NAMES[code]) return code;
  return Object.keys(STATE_NAMES).find((k) => STATE_NAMES[k]?.toLowerCase() === t.toLowerCase());
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const districtLabel = (code: DistrictCode) => {
  const { state, district } = splitDistrict(code);
  return district === 0 ? `${state} at large` : `${state}-${district}`;
};

function toOfficial(m: Member): Official {
  const senate = m.chamber === 'senate';
  const seat = senate
    ? m.rank
      ? `${m.rank.charAt(0).toUpperCase()}${m.rank.slice(1)} senator`
      : 'Senator'
    : m.district === 0
      ? NON_STATES.has(m.state)
        ? 'Non-voting member of the House'
        : 'At large'
      : `${ordinal(m.district ?? 0)} district`;
  const postal = [senate ? 'United States Senate' : 'U.S. House of Representatives', m.office, m.city].filter((x): x is string => Boolean(x));
  return {
    id: m.id,
    recipient: senate ? 'senator' : 'representative',
    name: m.name,
    party: m.party,
    area: m.state,
    areaName: stateName(m.state),
    seat,
    sendTo: { postal, ...(m.contactForm ? { contactForm: m.contactForm } : {}), ...(m.url ? { website: m.url } : {}), ...(m.phone ? { phone: m.phone } : {}) },
    offices: m.offices ?? [],
  };
}

export class UsDirectorySource implements OfficialsSource {
  readonly region = 'us';
  readonly recipients = US_RECIPIENTS;
  readonly info: DataInfo;
  private districtsByState?: Map<string, DistrictCode[]>;

  constructor(
    readonly directory: UsDirectory,
    origin: string,
  ) {
    this.info = {
      asOf: directory.asOf,
      origin,
      sources: directory.sources.map(({ name, repo, commit, date, licence, url }) => ({ name, repo, commit, date, licence, url })),
    };
  }

  /** Every district the ZIP table and the members know, per state, in order. */
  private districts(state: string): DistrictCode[] {
    if (!this.districtsByState) {
      const all = new Map<string, Set<number>>();
      const add = (s: string, d: number) => {
        let set = all.get(s);
        if (!set) all.set(s, (set = new Set()));
        set.add(d);
      };
      for (const code of districtsInRange(this.directory.zips)) add(splitDistrict(code).state, splitDistrict(code).district);
      for (const m of this.directory.members) if (m.chamber === 'house') add(m.state, m.district ?? 0);
      this.districtsByState = new Map([...all].map(([s, set]) => [s, [...set].sort((a, b) => a - b).map((d) => `${s}${d}`)]));
    }
    return this.districtsByState.get(state) ?? [];
  }

  /** States whose ZIPs start with these three digits. */
  private statesByPrefix(zip: string): string[] {
    const first = Number(zip.slice(0, 3)) * 100;
    const codes = districtsInRange(this.directory.zips, first, first + 99);
    return [...new Set([...codes].map((c) => splitDistrict(c).state))].sort();
  }

  private senate(state: string): { officials: Official[]; vacancies: Vacancy[] } {
    const officials = this.directory.members.filter((m) => m.chamber === 'senate' && m.state === state).map(toOfficial);
    const expected = NON_STATES.has(state) ? 0 : 2;
    const vacancies = Array.from({ length: Math.max(0, expected - officials.length) }, () => ({
      recipient: 'senator',
      area: state,
      seat: `Senate seat for ${stateName(state)}`,
    }));
    return { officials, vacancies };
  }

  private house(codes: readonly DistrictCode[]): { officials: Official[]; vacancies: Vacancy[] } {
    const officials: Official[] = [];
    const vacancies: Vacancy[] = [];
    for (const code of codes) {
      const { state, district } = splitDistrict(code);
      const members = this.directory.members.filter((m) => m.chamber === 'house' && m.state === state && (m.district ?? 0) === district);
      if (members.length === 0) vacancies.push({ recipient: 'representative', area: state, seat: districtLabel(code) });
      officials.push(...members.map(toOfficial));
    }
    return { officials, vacancies };
  }

  private forStates(states: readonly string[], districts: readonly DistrictCode[]) {
    const parts = [...states.map((s) => this.senate(s)), this.house(districts)];
    return { officials: parts.flatMap((p) => p.officials), vacancies: parts.flatMap((p) => p.vacancies) };
  }

  private territoryNotes(states: readonly string[]): string[] {
    return states.filter((s) => NON_STATES.has(s)).map((s) => `${stateName(s)} has no senators; its member of the House does not vote on the floor.`);
  }

  lookup(query: { postcode?: string; area?: string }): LookupResult {
    if (query.area !== undefined) {
      const state = query.area;
      const districts = this.districts(state);
      return {
        query,
        match: 'area',
        areas: [{ code: state, name: stateName(state) }],
        districts: districts.map(districtLabel),
        ...this.forStates([state], districts),
        notes: this.territoryNotes([state]),
      };
    }
    const zip = query.postcode ?? '';
    const codes = districtsOfZip(this.directory.zips, zip);
    if (codes) {
      const states = [...new Set(codes.map((c) => splitDistrict(c).state))];
      const notes = this.territoryNotes(states);
      if (codes.length > 1) {
        notes.unshift(
          `ZIP ${zip} spans ${codes.length} congressional districts (${codes.map(districtLabel).join(', ')})${states.length > 1 ? ` in ${states.map(stateName).join(' and ')}` : ''}: each district's representative is listed. Find which is yours at ${HOUSE_FINDER}.`,
        );
      }
      return {
        query,
        match: 'exact',
        areas: states.map((s) => ({ code: s, name: stateName(s) })),
        districts: codes.map(districtLabel),
        ...this.forStates(states, codes),
        notes,
      };
    }
    const states = this.statesByPrefix(zip);
    if (states.length === 0) {
      return {
        query,
        match: 'none',
        areas: [],
        districts: [],
        officials: [],
        vacancies: [],
        notes: [
          `ZIP ${zip} is not in the directory, nor is any ZIP starting ${zip.slice(0, 3)}. Give your state with --state, or find your officials at ${HOUSE_FINDER} and ${SENATE_FINDER}.`,
        ],
      };
    }
    const districts = states.flatMap((s) => this.districts(s));
    return {
      query,
      match: 'area',
      areas: states.map((s) => ({ code: s, name: stateName(s) })),
      districts: districts.map(districtLabel),
      ...this.forStates(states, districts),
      notes: [
        `ZIP ${zip} is not in the Census ZIP table (a PO box or business ZIP often is not); by its first three digits it is in ${states.map(stateName).join(' or ')}. ${states.length === 1 ? "Its senators are listed, and every district's representative" : "Each state's senators are listed, and every district's representative"}: find yours at ${HOUSE_FINDER}.`,
        ...this.territoryNotes(states),
      ],
    };
  }

  ageNotes(today: string): string[] {
    return usAgeNotes(this.directory.asOf, today, CHECK_WHERE);
  }
}
