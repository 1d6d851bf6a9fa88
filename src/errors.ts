/**
 * Errors that reach the user. Each carries the exit code of ../shared/DESIGN.md and, where it
 * helps, a hint saying what to do. Anything that is not an AppError is a bug and is reported as
 * such by the CLI's one error handler.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class AppError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong or missing options or values: exit 2. */
export class UsageError extends AppError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** A template pack that does not load or validate; each problem has its own location. */
export class PackError extends AppError {
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

/** Ctrl-C or Ctrl-D at a prompt. */
export class InterruptedError extends AppError {
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
