/**
 * Dates marked inside a fact's wording: [[2020-08-09]] for a day, [[2025-12]] for a month. The
 * renderer writes each in the reader's form; the pack loader refuses a mark that is not a date.
 */
export const DATE_MARK = /\[\[([^\]]*)\]\]/g;
const DAY_OR_MONTH = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Whether text is a real day (YYYY-MM-DD) or month (YYYY-MM): no 31 February, no month 13. */
function isRealDate(text: string): boolean {
  const m = DAY_OR_MONTH.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** What is wrong with a wording's date marks, or undefined: each must hold a real date. */
export function dateMarkProblem(text: string): string | undefined {
  for (const m of text.matchAll(DATE_MARK)) {
    if (!isRealDate(m[1] as string)) return `"${m[0]}" is not a date: mark a day as [[YYYY-MM-DD]] or a month as [[YYYY-MM]]`;
  }
  const stray = text.replace(DATE_MARK, '');
  if (stray.includes('[[') || stray.includes(']]')) return 'has a "[[" or "]]" that is not part of a date mark like [[2025-12-13]]';
  return undefined;
}
