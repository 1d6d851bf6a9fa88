/**
 * A row's ids (region, official, stance, template, facts) checked against the pack before its
 * letter renders, so that an unknown one is reported by the sheet's column that gave it (or the
 * option whose default the row took), not by a command-line flag the organiser never typed.
 */
import { AppError, listChoices, UnknownIdError } from '../errors.js';
import type { Pack } from '../pack/load.js';
import { resolveIds } from '../render/resolve.js';
import type { LetterRequest } from '../request.js';
import { ID_FIELDS } from '../validate.js';

/** `column Region: unknown region "ukk" (did you mean "uk"?); choose uk, us or eu`. */
export function unknownIdInRow(error: UnknownIdError, nameOf: (field: string) => string): string {
  const where = nameOf(ID_FIELDS[error.field]);
  const near = error.suggestion ? ` (did you mean "${error.suggestion}"?)` : '';
  const values = error.values.map((v) => `"${v}"`).join(', ');
  const choose = `choose ${error.field === 'fact' ? 'from ' : ''}${listChoices(error.choices)}`;
  if (error.field === 'recipient') return `${where}: ${error.region} has no official ${values}${near}; ${choose}`;
  return `${where}: unknown ${error.field} ${values}${near}; ${choose}`;
}

/**
 * The row's first unknown id, worded by `nameOf`, or undefined. Any other problem with the ids (a
 * template that does not serve the row) is left for the render to report.
 */
export function rowIdProblem(pack: Pack, request: LetterRequest, nameOf: (field: string) => string): string | undefined {
  try {
    resolveIds(pack, request);
  } catch (error) {
    if (error instanceof UnknownIdError) return unknownIdInRow(error, nameOf);
    if (!(error instanceof AppError)) throw error;
  }
  return undefined;
}
