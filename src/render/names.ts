/**
 * An official's name as the writer gave it, split into what the salutation and the address block
 * each need. "The Rt Hon" belongs in the address block only ("Dear Rt Hon Smith" is wrong), and a
 * trailing "MP" is the address template's to add.
 */
import type { NameView } from '../pack/view.js';

const HONORIFIC = /^(?:the\s+)?(?:(rt\.?|right)\s+hon(?:\.|ourable|orable)?|hon(?:\.|ourable|orable)?)\s+/i;
const TRAILING_POST = /,?\s+(?:MP|M\.P\.|MEP|P\.C\.)$/;
const COURTESY = /^(mr|mrs|ms|miss|mx|dr|prof|professor)\.?$/i;

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

export function officialName(rawName: string | undefined, rawTitle: string | undefined): NameView {
  let name = (rawName ?? '').trim();
  let honorific = honorificOf(name);
  if (honorific) name = name.replace(HONORIFIC, '').trim();
  while (TRAILING_POST.test(name)) name = name.replace(TRAILING_POST, '').trim();
  let title = (rawTitle ?? '').trim();
  // --recipient-title "Rt Hon" is an honorific, not a courtesy title for the salutation.
  const titleHonorific = honorificOf(title);
  if (titleHonorific) {
    honorific ||= titleHonorific;
    title = `${title} `.replace(HONORIFIC, '').trim();
  }
  // A courtesy title typed as part of the name ("The Rt Hon Ms Jane Smith") moves to the title.
  const first = name.split(/\s+/)[0] ?? '';
  if (COURTESY.test(first) && name.split(/\s+/).length > 1) {
    title ||= first;
    name = name.slice(first.length).trim();
  }
  return { name, surname: name ? surnameOf(name) : '', title, honorific };
}
