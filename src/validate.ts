/** Turning zod's verdict on a request into one message that names each option at fault. */
import type { core } from 'zod/mini';
import { UsageError } from './errors.js';
import { OPTION_NAMES } from './options/table.js';
import { letterRequestSchema, type LetterRequest } from './request.js';

export function describeIssues(error: core.$ZodError, nameOf: (field: string) => string): string[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const rest = issue.path.slice(1).map((p) => (typeof p === 'number' ? `line ${p + 1}` : String(p)));
    const what = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return `${[nameOf(field), ...rest].join(' ')}: ${what}`;
  });
}

/** Validates a request built from command-line options; bad values are usage errors (exit 2). */
export function parseRequestFromOptions(input: unknown): LetterRequest {
  const result = letterRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = describeIssues(result.error, (field) => OPTION_NAMES[field] ?? field);
  throw new UsageError(problems.length === 1 ? `${problems[0]}.` : `Some options are not right:\n  ${problems.join('\n  ')}`);
}
