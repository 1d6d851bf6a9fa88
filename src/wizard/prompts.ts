/**
 * The prompts the wizard needs, as an interface: the real one drives @inquirer/prompts in a
 * terminal (./inquirer.ts); tests pass scripted answers. The wizard's logic never touches a TTY.
 */
export interface Choice<V> {
  value: V;
  name: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  /** Pre-ticked in a checkbox. */
  checked?: boolean;
  /** How the choice reads once chosen, when the name is long. */
  short?: string;
}

export interface SelectQuestion<V> {
  /** Which question this is, for scripted answers in tests. */
  id: string;
  message: string;
  choices: Choice<V>[];
  default?: V;
}

export interface InputQuestion {
  id: string;
  message: string;
  default?: string;
  required?: boolean;
  validate?: (value: string) => true | string;
  /** Put the default in the line to edit, rather than offer it as a whole. */
  editable?: boolean;
  /** A line of help or an example answer, shown above the question. */
  help?: string;
}

export interface ConfirmQuestion {
  id: string;
  message: string;
  default?: boolean;
}

export interface Prompts {
  select<V>(q: SelectQuestion<V>): Promise<V>;
  /** A select that filters its choices as you type. */
  search<V>(q: SelectQuestion<V>): Promise<V>;
  input(q: InputQuestion): Promise<string>;
  checkbox<V>(q: SelectQuestion<V>): Promise<V[]>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  /** A line of explanation between questions (on stderr). */
  say(text: string): void;
}

/** Choices whose name, value or description contains every word typed, in order of the list. */
export function filterChoices<V>(choices: Choice<V>[], term: string | undefined): Choice<V>[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return choices;
  return choices.filter((c) => {
    const hay = `${c.name} ${String(c.value)} ${c.description ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
