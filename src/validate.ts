/**
 * Words problems with a request for the command line: zod's verdict, and the core's unknown ids,
 * each naming the option at fault.
 */
import type { core } from 'zod/mini';
import { UnknownIdError, unknownIdMessage, UsageError, type IdField } from './errors.js';
import { OPTION_NAMES } from './options/table.js';
import { letterRequestSchema, type FieldNamer, type LetterRequest } from './request.js';

export function describeIssues(error: core.$ZodError, nameOf: (field: string) => string): string[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const rest = issue.path.slice(1).map((p) => (typeof p === 'number' ? `line ${p + 1}` : String(p)));
    const what = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return `${[nameOf(field), ...rest].join(' ')}: ${what}`;
  });
}

/** A request field as the command line gives it: `--postcode`. */
export const optionNames: FieldNamer = (field) => OPTION_NAMES[field] ?? field;

/** Validates a request built from command-line options; bad values are usage errors (exit 2). */
export function parseRequestFromOptions(input: unknown): LetterRequest {
  const result = letterRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = describeIssues(result.error, (field) => OPTION_NAMES[field] ?? field);
  throw new UsageError(problems.length === 1 ? `${problems[0]}.` : `Some options are not right:\n  ${problems.join('\n  ')}`);
}

/** The request field, and so the option, that gives each kind of id. */
export const ID_FIELDS: Record<IdField, 'region' | 'recipient' | 'stance' | 'template' | 'facts'> = {
  region: 'region',
  recipient: 'recipient',
  stance: 'stance',
  template: 'template',
  fact: 'facts',
};

const WHERE_TO_LOOK: Record<IdField, string> = {
  region: 'Run `belarus-letter regions` to see each region and its officials.',
  recipient: 'Run `belarus-letter regions` to see each region and its officials.',
  stance: 'Run `belarus-letter stances` to see what each one asks.',
  template: 'Run `belarus-letter templates list` to see what each template serves.',
  fact: 'Run `belarus-letter facts` to see each fact and its sources.',
};

/** An unknown id worded for the command line: `Unknown region "xx" (--region); did you mean "uk"? …`. */
export function unknownIdForOption(error: UnknownIdError): UsageError {
  const option = OPTION_NAMES[ID_FIELDS[error.field]] as string;
  return new UsageError(unknownIdMessage(error, ` (${option})`), WHERE_TO_LOOK[error.field]);
}

/** Runs `work`, wording an unknown id it meets by the option that gave it. */
export function namingOptions<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof UnknownIdError ? unknownIdForOption(error) : error;
  }
}
