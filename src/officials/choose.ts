/**
 * From a lookup to the one official a letter goes to, for `draft --zip`, a bulk row's ZIP and
 * the wizard: one candidate is used; several are for the writer to pick; a name the writer gave
 * always wins (the data only adds that official's address when the name is one of them).
 */
import type { LookupResult, Official } from './types.js';

export type Choice =
  | { kind: 'official'; official: Official }
  /** The writer's own name, none of the candidates. */
  | { kind: 'named' }
  | { kind: 'several'; candidates: Official[] }
  | { kind: 'vacant'; seats: string[] }
  | { kind: 'none' };

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();

/** Whether a name the writer typed is this official: the full name, or first and last words. */
export function nameMatches(typed: string, official: Official): boolean {
  const a = fold(typed).split(' ');
  const b = fold(official.name)
    .replace(/,? (jr|sr|ii|iii|iv)\.?$/, '')
    .split(' ');
  if (a.join(' ') === b.join(' ')) return true;
  return a.length >= 2 && a[0] === b[0] && a[a.length - 1] === b[b.length - 1];
}

export function chooseOfficial(result: LookupResult, recipient: string, picks: { official?: string; recipientName?: string }): Choice {
  const candidates = result.officials.filter((o) => o.recipient === recipient);
  if (picks.official !== undefined) {
    const wanted = picks.official.trim().toLowerCase();
    const found = candidates.find((o) => o.id.toLowerCase() === wanted);
    return found ? { kind: 'official', official: found } : { kind: 'several', candidates };
  }
  if (picks.recipientName !== undefined && picks.recipientName.trim() !== '') {
    const found = candidates.filter((o) => nameMatches(picks.recipientName as string, o));
    return found.length === 1 ? { kind: 'official', official: found[0] as Official } : { kind: 'named' };
  }
  if (candidates.length === 1) return { kind: 'official', official: candidates[0] as Official };
  if (candidates.length > 1) return { kind: 'several', candidates };
  const seats = result.vacancies.filter((v) => v.recipient === recipient).map((v) => v.seat);
  return seats.length > 0 ? { kind: 'vacant', seats } : { kind: 'none' };
}

/** "Ron Wyden (Democrat), senior senator for Oregon" */
export function describeOfficial(o: Official): string {
  const party = o.party ? ` (${o.party})` : '';
  const lower = `${o.seat.charAt(0).toLowerCase()}${o.seat.slice(1)}`;
  return `${o.name}${party}, ${o.recipient === 'senator' ? `${lower} for ${o.areaName}` : `${o.areaName}, ${lower}`}`;
}

/** Where to send a letter to this official, as lines for the writer. */
export function sendToLines(o: Official): string[] {
  const lines: string[] = [];
  if (o.sendTo.contactForm) lines.push(`Their web form: ${o.sendTo.contactForm}`);
  else if (o.sendTo.website) lines.push(`Their website (look for "Contact"): ${o.sendTo.website}`);
  lines.push(`By post: ${[o.name, ...o.sendTo.postal].join(', ')}`);
  if (o.sendTo.phone) lines.push(`Phone: ${o.sendTo.phone}`);
  return lines;
}
