/**
 * The core's unknown ids worded for the wizard: an id given on the command line by its option
 * (as `draft` words it), an id from an answer by the question that asked for it.
 */
import { listChoices, UnknownIdError, UsageError } from '../errors.js';
import type { FieldNamer } from '../request.js';
import { ID_FIELDS, optionNames, unknownIdForOption } from '../validate.js';
import { QUESTIONS, type WizardContext } from './questions.js';

/** `Your answer to "Where you live" ("xx") is not a region this template pack has; …`. */
export function unknownIdForQuestion(error: UnknownIdError, label: string): UsageError {
  const values = error.values.map((v) => `"${v}"`).join(', ');
  const near = error.suggestion ? `; did you mean "${error.suggestion}"?` : '.';
  const what = error.field === 'recipient' && error.region ? `an official of ${error.region}` : `a ${error.field}`;
  return new UsageError(
    `Your answer to "${label}" (${values}) is not ${what} this template pack has${near} Choose ${error.field === 'fact' ? 'from ' : ''}${listChoices(error.choices)}.`,
    `Run the questions again and pick "${label}" from the list.`,
  );
}

export function unknownIdForWizard(ctx: WizardContext, error: UnknownIdError): UsageError {
  const field = ID_FIELDS[error.field];
  const question = QUESTIONS.find((q) => q.id === field);
  if (ctx.given[field] !== undefined || !question) return unknownIdForOption(error);
  return unknownIdForQuestion(error, question.label);
}

/**
 * A request field in the core's notes and errors: by its option when the command line gave it,
 * else by the question that asks for it (as the "Change an answer" menu lists it).
 */
export function answerNames(ctx: WizardContext): FieldNamer {
  return (field) => {
    // The courtesy title is typed with the name ("Ms Jane Smith"), unless the command line gave it.
    if (field === 'recipientTitle' && ctx.given.recipientTitle === undefined) field = 'recipientName';
    const question = QUESTIONS.find((q) => q.id === field);
    return ctx.given[field] !== undefined || !question ? optionNames(field) : `"${question.label}"`;
  };
}

/** Runs `work`, wording an unknown id it meets by the option or the question that gave it. */
export function namingAnswers<T>(ctx: WizardContext, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof UnknownIdError ? unknownIdForWizard(ctx, error) : error;
  }
}
