/** How old a directory is on a given day, in the words the writer needs: check before you send. */
import { formatPartialDate } from '../render/dates.js';

const DAY = 86_400_000;
export const STALE_AFTER_DAYS = 90;

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A new Congress convenes on 3 January of each odd-numbered year; the 120th on 3 January 2027. */
export function nextCongressAfter(date: string): { number: number; starts: string } {
  const year = Number(date.slice(0, 4));
  let start = year % 2 === 1 ? year : year + 1;
  if (`${start}-01-03` <= date) start += 2;
  return { number: (start - 1789) / 2 + 1, starts: `${start}-01-03` };
}

export interface AgeCheck {
  days: number;
  /** The Congress that has begun since the data's date, if any. */
  newCongress?: { number: number; starts: string };
}

export function ageOf(asOf: string, today: string): AgeCheck {
  const days = Math.floor((time(today) - time(asOf)) / DAY);
  const next = nextCongressAfter(asOf);
  return next.starts <= today ? { days, newCongress: next } : { days };
}

/** The stderr notes for a US directory as of `asOf`, read on `today` (none when it is fresh). */
export function usAgeNotes(asOf: string, today: string, where: string): string[] {
  const age = ageOf(asOf, today);
  const date = formatPartialDate(asOf, 'en-US');
  if (age.newCongress) {
    return [
      `A new Congress (the ${age.newCongress.number}th) began on ${formatPartialDate(age.newCongress.starts, 'en-US')}, after this directory's date (${date}): the members shown may have left office and districts may have changed. ${where}`,
    ];
  }
  if (age.days > STALE_AFTER_DAYS) {
    return [`The directory of members of Congress is as of ${date} (${age.days} days ago); members may have changed since. ${where}`];
  }
  return [];
}
