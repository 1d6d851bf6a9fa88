/**
 * An official's name as the writer gave it, split into what the salutation and the address block
 * each need. "The Rt Hon" belongs in the address block only ("Dear Rt Hon Smith" is wrong), and a
 * trailing "MP" is the address template's to add.
 */
import type { NameView } from '../pack/view.js';

const HONORIFIC = /^(?:the\s+)?(?:(rt\.?|right)\s+hon(?:\.|ourable|orable)?|hon(?:\.|ourable|orable)?)\s+/i;
const SENATOR = /^senator\s+/i;
const TRAILING_POST = /,?\s+(?:MP|M\.P\.|MEP|P\.C\.)$/;
/**
 * Courtesy titles that go before a surname ("Dear Ms Smith", "Sehr geehrte Frau Berger", "Szanowna
 * Pani"), in the languages of the built-in packs, optionally followed by an academic one ("Frau Dr.").
 * Sir and Dame take the first name, so they stay part of the name.
 */
export const COURTESY_TITLE = /^(?:(?:mr|mrs|ms|miss|mx|frau|herr|pani|pan)\.?(?:\s+(?:dr|prof)\.?)?|dr|prof|professor)\.?(?=\s)/i;

/** "Ms Jane Smith" -> { title: "Ms", name: "Jane Smith" }; a name without a title, or a title alone, stays the name. */
export function splitCourtesyTitle(raw: string): { name?: string; title?: string } {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return {};
  const m = COURTESY_TITLE.exec(`${text} `);
  const rest = m ? text.slice(m[0].length).trim() : '';
  if (!m || rest === '') return { name: text };
  return { title: m[0].trim(), name: rest };
}

/** "The Rt Hon" or "The Hon" from a written honorific, or '' for none. */
function honorificOf(text: string): string {
  const m = HONORIFIC.exec(`${text.trim()} `);
  if (!m) return '';
  return m[1] ? 'The Rt Hon' : 'The Hon';
}

/** A generational suffix after a surname: "Frank Pallone, Jr." is Representative Pallone. */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;

/** "Smith" from "Jane Smith" or "Jane Smith, Jr."; a name in one word is its own surname. */
export function surnameOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  while (parts.length > 1 && NAME_SUFFIX.test(parts[parts.length - 1] as string)) parts.pop();
  return (parts[parts.length - 1] ?? '').replace(/,$/, '');
}

/** Titles North American usage writes with a point: "Dear Dr. Taylor:", "Dear Ms. Smith:". */
const POINTED = /^(?:mr|mrs|ms|mx|dr|prof)$/i;

/** "Ms" -> "Ms.", "Dr" -> "Dr."; a title already pointed, or one like "Miss", stays as written. */
export function titleWithPoint(title: string): string {
  return POINTED.test(title) ? `${title}.` : title;
}

/**
 * The title that goes before an office instead of a surname ("Dear Mr. Secretary:", "Dear Madam
 * Secretary:"), when the courtesy title says which; '' for Dr, Prof or none, which keep the surname.
 */
export function formalTitle(title: string): string {
  const bare = title.replace(/\.$/, '').toLowerCase();
  if (bare === 'mr') return 'Mr.';
  if (['ms', 'mrs', 'miss', 'madam'].includes(bare)) return 'Madam';
  return '';
}

export function officialName(rawName: string | undefined, rawTitle: string | undefined): NameView {
  let name = (rawName ?? '').trim();
  // "Senator" is a form of address of its own, not a courtesy title: the pack's address line places it.
  let senator = SENATOR.test(`${name} `) || SENATOR.test(`${(rawTitle ?? '').trim()} `) ? 'Senator' : '';
  name = `${name} `.replace(SENATOR, '').trim();
  let honorific = honorificOf(name);
  if (honorific) name = name.replace(HONORIFIC, '').trim();
  while (TRAILING_POST.test(name)) name = name.replace(TRAILING_POST, '').trim();
  let title = `${(rawTitle ?? '').trim()} `.replace(SENATOR, '').trim();
  // --recipient-title "Rt Hon" is an honorific, not a courtesy title for the salutation.
  const titleHonorific = honorificOf(title);
  if (titleHonorific) {
    honorific ||= titleHonorific;
    title = `${title} `.replace(HONORIFIC, '').trim();
  }
  // A courtesy title typed as part of the name ("The Rt Hon Ms Jane Smith") moves to the title.
  const typed = splitCourtesyTitle(name);
  if (typed.title) {
    title ||= typed.title;
    name = typed.name ?? '';
  }
  if (!name) senator = '';
  return { name, surname: name ? surnameOf(name) : '', title, honorific, senator, titleWithPoint: titleWithPoint(title), formalTitle: formalTitle(title) };
}
