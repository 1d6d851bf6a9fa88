/** The options table is what commander, the request schema and bulk's columns see. */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/bulk/columns.js';
import { columnValues } from '../../src/bulk/settings.js';
import { requestInputFromOptions } from '../../src/commands/draft.js';
import { buildProgram } from '../../src/cli.js';
import { DEFAULT_NAME_PATTERN } from '../../src/io/safe-name.js';
import { BULK_FORMATS, COMMANDS, flagsIn, OPTION_NAMES, OPTIONS, optionsOf } from '../../src/options/table.js';
import { BODY_FORMATS, FORMATS, letterRequestSchema } from '../../src/request.js';

const program = buildProgram();
/** A command by the table's name for it: `templates preview` is preview under templates. */
const commandOf = (name: (typeof COMMANDS)[number]): Command =>
  name === 'program' ? program : name.split(' ').reduce((parent, part) => parent.commands.find((c) => c.name() === part) as Command, program);

/** Every command of the program, as the table names it. */
const commandNames = (command: Command, prefix = ''): string[] =>
  command.commands.flatMap((sub) => [`${prefix}${sub.name()}`, ...commandNames(sub, `${prefix}${sub.name()} `)]);

describe('the options table', () => {
  it.each(COMMANDS)('gives %s exactly its options, under the names its action reads', (name) => {
    const options = commandOf(name).options.filter((o) => o.long !== '--version' && o.long !== '--help');
    expect(options.map((o) => [o.attributeName(), o.flags])).toEqual(optionsOf(name).map(([key]) => [key, flagsIn(key, name)]));
  });

  it('covers every command that takes options, and defines none by hand', () => {
    const groups = ['templates', 'config'];
    expect(commandNames(program).filter((name) => !groups.includes(name))).toEqual(COMMANDS.filter((name) => name !== 'program'));
    for (const name of groups) expect(commandOf(name as (typeof COMMANDS)[number]).options, name).toEqual([]);
  });

  it('fills only fields of a letter request, and the language that picks the pack', () => {
    const fields = [...Object.keys(letterRequestSchema.shape), 'language'];
    for (const [key, row] of Object.entries(OPTIONS)) if ('field' in row) expect(fields, key).toContain(row.field);
    expect(OPTION_NAMES).toMatchObject({ region: '--region', recipientName: '--recipient-name', sources: '--no-sources', story: '--story' });
  });

  it('offers the formats a letter can be written in', () => {
    expect(OPTIONS.format.draft.choices).toEqual(FORMATS);
    expect(BULK_FORMATS).toEqual(BODY_FORMATS);
    expect(OPTIONS.namePattern.default).toBe(DEFAULT_NAME_PATTERN);
  });

  it('names, for each bulk column an option fills, that option', () => {
    const flagged = Object.fromEntries(COLUMNS.filter((c) => c.flag).map((c) => [c.column, c.flag]));
    expect(flagged).toEqual({
      city: '--city',
      state: '--state',
      region: '--region',
      recipient: '--recipient',
      recipient_name: '--recipient-name',
      recipient_title: '--recipient-title',
      recipient_address: '--recipient-address',
      stance: '--stance',
      facts: '--facts',
      date: '--date',
      template: '--template',
      language: '--language',
    });
  });

  it('gives bulk rows that leave a column empty the value of its option, and nothing else', () => {
    const given = { region: 'uk', stance: 'maintain', recipientAddress: ['1 Parliament St'], date: '2026-01-02', format: 'html', sources: false, limit: '3' };
    expect(columnValues(given)).toEqual({ region: 'uk', stance: 'maintain', recipientAddress: ['1 Parliament St'], date: '2026-01-02' });
  });

  it("gives draft's request each field its option gives", () => {
    const input = requestInputFromOptions({ region: 'uk', recipientName: 'Jane Smith', sources: false, date: '2026-01-02', out: 'x.md' });
    expect(requestInputFromOptions({ region: 'us', state: 'OR', date: '2026-01-02' })).toMatchObject({ region: 'us', state: 'OR' });
    expect(input).toMatchObject({
      region: 'uk',
      recipientName: 'Jane Smith',
      sources: false,
      address: [],
      recipientAddress: [],
      date: '2026-01-02',
      format: 'markdown',
    });
    expect(requestInputFromOptions({}).sources).toBe(true);
  });
});
