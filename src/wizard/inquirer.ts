/**
 * The real prompts: inquirer's on the terminal, drawn on stderr so that stdout carries
 * only a letter printed on request. Ctrl-C (ExitPromptError) and Ctrl-D (end of input, which
 * inquirer itself leaves unsettled) both become InterruptedError: exit 130, nothing written.
 */
import { InterruptedError } from '../errors.js';
import { wrapAnsi } from 'fast-wrap-ansi';
import { paint } from '../ui.js';
import { filterChoices, type Choice, type Prompts } from './prompts.js';

const CTRL_D = 0x04;

function isCancel(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

/** Runs one prompt with stderr for output and an abort on Ctrl-D; cancels become InterruptedError. */
async function ask<T>(run: (context: { output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (bytes.includes(CTRL_D)) controller.abort();
  };
  process.stdin.on('data', onData);
  try {
    return await run({ output: process.stderr, signal: controller.signal });
  } catch (error) {
    if (isCancel(error)) throw new InterruptedError();
    throw error;
  } finally {
    process.stdin.off('data', onData);
  }
}

const toInquirer = <V>(choices: Choice<V>[]) =>
  choices.map((c) => ({ value: c.value, name: c.name, description: c.description, short: c.short, checked: c.checked }));

/** Text word-wrapped to the terminal's width (inquirer and terminals break lines mid-word). */
export function wrapToTerminal(text: string, indent = 0): string {
  const width = Math.max(40, (process.stderr.columns || 80) - indent - 1);
  return wrapAnsi(text, width, { hard: true, trim: true })
    .split('\n')
    .join(`\n${' '.repeat(indent)}`);
}

/**
 * Choices with their descriptions under each name, word-wrapped to the terminal: inquirer cuts
 * long lines mid-word, and a list of facts or stances is read whole, not one item at a time.
 */
function withDescriptions<V>(choices: Choice<V>[], indent: number) {
  return choices.map((c) => ({
    value: c.value,
    name: c.description
      ? `${wrapToTerminal(c.name, indent)}\n${' '.repeat(indent + 2)}${paint.dim(wrapToTerminal(c.description, indent + 2))}`
      : wrapToTerminal(c.name, indent),
    short: c.short ?? c.name,
    checked: c.checked,
  }));
}

export async function inquirerPrompts(): Promise<Prompts> {
  // inquirer colours through node:util styleText, which reads NO_COLOR when its themes load:
  // pass on --no-color (which chalk saw) before they do.
  if (paint.level === 0) process.env.NO_COLOR = '1';
  // The five prompts used, not @inquirer/prompts: that also installs an editor prompt and its
  // character-set detection, twice the size, for nothing here.
  const [select, search, input, checkbox, confirm] = await Promise.all([
    import('@inquirer/select'),
    import('@inquirer/search'),
    import('@inquirer/input'),
    import('@inquirer/checkbox'),
    import('@inquirer/confirm'),
  ]);
  const inquirer = { select: select.default, search: search.default, input: input.default, checkbox: checkbox.default, confirm: confirm.default };
  const prompts: Prompts = {
    select: (q) =>
      ask((context) =>
        inquirer.select({ message: q.message, choices: withDescriptions(q.choices, 2), default: q.default, pageSize: 16, loop: false }, context),
      ),
    search: (q) =>
      ask((context) =>
        inquirer.search(
          {
            message: q.message,
            source: (term) => toInquirer(filterChoices(q.choices, term)),
            default: q.default,
            pageSize: 12,
          },
          context,
        ),
      ),
    input: (q) => {
      if (q.help) process.stderr.write(`${paint.dim(wrapToTerminal(q.help))}\n`);
      return ask((context) =>
        inquirer.input(
          {
            message: q.message,
            default: q.default,
            required: q.required,
            prefill: q.editable ? 'editable' : 'tab',
            validate: q.validate,
          },
          context,
        ),
      );
    },
    checkbox: (q) =>
      ask((context) =>
        inquirer.checkbox(
          {
            message: q.message,
            choices: withDescriptions(q.choices, 3),
            // As many facts on screen as fit, less the question and the key help.
            pageSize: Math.max(10, (process.stderr.rows || 24) - 6),
            loop: false,
            theme: { style: { renderSelectedChoices: (chosen: readonly unknown[]) => `${chosen.length} chosen` } },
          },
          context,
        ),
      ),
    confirm: (q) => ask((context) => inquirer.confirm({ message: q.message, default: q.default }, context)),
    say: (text) => process.stderr.write(`${wrapToTerminal(text)}\n`),
  };
  return prompts;
}
