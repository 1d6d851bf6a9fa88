/**
 * The option reference in docs/options.md, written from the options table. The docs test checks
 * the file holds exactly this, and rewrites it when run with UPDATE_DOCS=1.
 */
import { COLUMNS } from '../bulk/columns.js';
import { BULK_FIELD_OPTIONS, COMMANDS, type CommandName, longFlag, type OptionKey, optionsOf, useIn } from './table.js';

export const REFERENCE_START = '<!-- options:start (written from src/options/table.ts; see the note above) -->';
export const REFERENCE_END = '<!-- options:end -->';

const HEADINGS: Record<CommandName, string> = {
  program: 'Every command: `belarus-letter [options] COMMAND`',
  draft: 'draft: one letter',
  bulk: 'bulk: one letter per row of a sheet',
  regions: 'regions: the regions and their officials',
  stances: 'stances: what each stance asks',
  officials: 'officials: US members of Congress by ZIP code or state',
  'officials update': 'officials update: a fresh directory of officials',
  facts: 'facts: every fact a letter can cite',
  'templates list': "templates list: the pack's letter templates",
  'templates show': "templates show ID: a template's front matter and source",
  'templates eject': 'templates eject DIR: a pack to edit',
  'templates validate': 'templates validate [DIR]: check a pack',
  'templates preview': 'templates preview [DIR]: every letter a pack writes',
  'config show': 'config show: the remembered settings',
  'config clear': 'config clear: forget them',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The column a bulk option fills for rows that leave it empty, by the option's key. */
function columnsFilled(): Map<OptionKey, string> {
  const out = new Map<OptionKey, string>();
  for (const [field, key] of BULK_FIELD_OPTIONS) {
    const column = COLUMNS.find((c) => c.field === field && !c.part)?.column;
    if (column !== undefined) out.set(key, column);
  }
  return out;
}

function table(command: CommandName): string {
  const filled = command === 'bulk' ? columnsFilled() : new Map<OptionKey, string>();
  const rows = optionsOf(command).map(([key, row]) => {
    const use = useIn(row, command);
    const flags = [row.short ? `\`-${row.short}\`` : undefined, `\`${longFlag(key)}\``].filter(Boolean).join(', ');
    const value = use?.arg ? `\`<${use.arg}>\`` : '';
    const notes = [
      use?.choices ? `one of ${use.choices.map((c) => `\`${c}\``).join(', ')}` : undefined,
      use?.default !== undefined ? `default \`${use.default}\`` : undefined,
      filled.has(key) ? `column \`${filled.get(key)}\`` : undefined,
    ].filter(Boolean);
    return `| ${flags} | ${value} | ${cell(use?.help ?? '')}${notes.length ? ` (${cell(notes.join('; '))})` : ''} |`;
  });
  return ['| option | value | what it does |', '|---|---|---|', ...rows].join('\n');
}

/** The reference as it stands between the markers in docs/options.md: every command that has options. */
export function optionsReference(): string {
  const sections = COMMANDS.filter((command) => optionsOf(command).length > 0).map((command) => `## ${HEADINGS[command]}\n\n${table(command)}\n`);
  return `${REFERENCE_START}\n\n${sections.join('\n')}\n${REFERENCE_END}`;
}
