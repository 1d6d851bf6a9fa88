/**
 * Mapping a sheet's columns on the terminal, as an import dialog would: each header bulk does
 * not read, with its first values, and the columns it could be (the likely one first). The
 * answers become --map flags, printed to paste and, if wanted, saved to a --mapping file.
 * Prompts come in through the wizard's prompt interface, so this runs in tests without a terminal.
 */
import type { Choice, Prompts } from '../wizard/prompts.js';
import type { ColumnMap } from './column-map.js';
import { COLUMNS, type ColumnSpec } from './columns.js';
import { valuesOf, type Guess } from './sheet-check.js';
import type { InputRow } from '../io/rows.js';

const IGNORE = '';

export interface MappingAsk {
  /** Headers bulk does not read (form metadata and ignored headers left out). */
  unknown: readonly string[];
  guesses: readonly Guess[];
  /** Required columns no header or option gives. */
  missing: readonly ColumnSpec[];
  /** Columns the sheet's other headers give already. */
  present: readonly string[];
  sample: readonly InputRow[];
  prompts: Prompts;
}

function preview(values: string[]): string {
  if (values.length === 0) return 'empty in the first rows';
  const shown = values.slice(0, 3).map((v) => `"${v.length > 40 ? `${v.slice(0, 39)}…` : v}"`);
  return `e.g. ${shown.join(', ')}`;
}

/** The user's maps for the unknown headers; a header left as it is gets none. */
export async function askMappings({ unknown, guesses, missing, present, sample, prompts }: MappingAsk): Promise<ColumnMap[]> {
  if (unknown.length === 0) return [];
  const needed = missing.map((c) => c.column);
  prompts.say(
    `${unknown.length === 1 ? 'One column of the sheet is' : `${unknown.length} columns of the sheet are`} not one belarus-letter reads${needed.length ? `, and it needs ${needed.join(', ')}` : ''}. Say what each holds (Ctrl-C to stop).`,
  );
  const maps: ColumnMap[] = [];
  const taken = new Set<string>(present);
  for (const header of unknown) {
    const guess = guesses.find((g) => g.header === header)?.column;
    const wanted = [guess, ...needed].filter((c): c is string => c !== undefined && !taken.has(c));
    const order = [...new Set([...wanted, ...COLUMNS.map((c) => c.column)])];
    const specs = order.map((column) => COLUMNS.find((c) => c.column === column) as ColumnSpec).filter((c) => c.lines || c.joins || !taken.has(c.column));
    const choices: Choice<string>[] = [
      ...specs
        .slice(0, wanted.length)
        .map((c) => ({ value: c.column, name: `${c.column}${c.column === guess ? ' (looks likely)' : ''}`, description: c.meaning })),
      { value: IGNORE, name: 'leave it out', description: `the letters do not use "${header}"` },
      ...specs.slice(wanted.length).map((c) => ({ value: c.column, name: c.column, description: c.meaning })),
    ];
    const column = await prompts.select({
      id: 'map',
      message: `"${header}" (${preview(valuesOf(sample, header))}) holds`,
      choices,
      default: guess ?? (needed.length ? undefined : IGNORE),
    });
    const spec = COLUMNS.find((c) => c.column === column) ?? null;
    if (spec && !spec.lines && !spec.joins) taken.add(spec.column);
    maps.push({ header, spec });
  }
  return maps;
}
