/**
 * Errors that reach the user. Each carries its exit code (see EXIT) and, where it helps, a hint
 * saying what to do. Anything that is not an AppError is a bug and is reported as
 * such by the CLI's one error handler.
 */
import { closest } from './closest.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class AppError extends Error {
  // Each subclass sets its own: the bundle is minified, so a class's own name is not kept.
  override name = 'AppError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Wrong or missing options or values: exit 2. */
export class UsageError extends AppError {
  // Set by hand: the bundle is minified, so the class's own name is not kept.
  override readonly name: string = 'UsageError';
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** A template pack that does not load or validate; each problem has its own location. */
export class PackError extends AppError {
  // Set by hand: the bundle is minified, so the class's own name is not kept.
  override readonly name: string = 'PackError';
  constructor(readonly problems: readonly string[]) {
    super(
      problems.length === 1
        ? `The template pack has a problem: ${problems[0]}`
        : `The template pack has ${problems.length} problems:\n  ${problems.join('\n  ')}`,
      EXIT.failed,
      'Run `belarus-letter templates validate DIR` to list every problem in a pack.',
    );
  }
}

/**
 * A template folder that is not there. Its hint names no option: a front end that took the
 * folder from one (`--templates`) words the hint with it.
 */
export class PackFolderError extends UsageError {
  // Set by hand: the bundle is minified, so the class's own name is not kept.
  override readonly name: string = 'PackFolderError';
  constructor(
    readonly dir: string,
    hint = 'Give the folder made by `belarus-letter templates eject DIR`.',
  ) {
    super(`The template folder ${dir} does not exist or is not a folder.`, hint);
  }
}

/** Ctrl-C or Ctrl-D at a prompt. */
export class InterruptedError extends AppError {
  // Set by hand: the bundle is minified, so the class's own name is not kept.
  override readonly name: string = 'InterruptedError';
  constructor() {
    super('Cancelled; nothing was written.', EXIT.interrupted);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** "a, b or c" for listing valid choices in messages. */
export function listChoices(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The ids a letter request names, as the core calls them. */
export type IdField = 'region' | 'recipient' | 'stance' | 'template' | 'fact';

/**
 * An id the pack does not have: a region, official, stance, template or fact. The core throws it
 * without naming where the id came from; each front end words it in its own terms (draft a flag,
 * bulk a column and row, the wizard a question). Its own message is for library callers.
 */
export class UnknownIdError extends UsageError {
  // Set by hand: the bundle is minified, so the class's own name is not kept.
  override readonly name: string = 'UnknownIdError';
  /** The nearest choice, when the value looks like a typo of it. */
  readonly suggestion: string | undefined;

  constructor(
    readonly field: IdField,
    /** Every unknown value (several only for facts); `value` is the first. */
    readonly values: readonly string[],
    readonly choices: readonly string[],
    /** The region whose officials `choices` lists, for an unknown recipient. */
    readonly region?: string,
  ) {
    const suggestion = values.length === 1 ? closest(values[0] as string, choices) : undefined;
    super(unknownIdMessage({ field, values, region, choices, suggestion }));
    this.suggestion = suggestion;
  }

  get value(): string {
    return this.values[0] as string;
  }
}

type UnknownIdParts = Pick<UnknownIdError, 'field' | 'values' | 'region' | 'choices' | 'suggestion'>;

/**
 * `Unknown region "xx"{where}; did you mean "uk"? Choose uk, us or eu.`, where `where` says
 * where the id came from (` (--region)`), or nothing for a library caller.
 */
export function unknownIdMessage(e: UnknownIdParts, where = ''): string {
  const forRegion = e.field === 'recipient' && e.region ? ` for region ${e.region}` : '';
  const values = e.values.map((v) => `"${v}"`).join(', ');
  const near = e.suggestion ? `; did you mean "${e.suggestion}"?` : '.';
  return `Unknown ${e.field} ${values}${forRegion}${where}${near} Choose ${e.field === 'fact' ? 'from ' : ''}${listChoices(e.choices)}.`;
}
