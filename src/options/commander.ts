/** commander's options for a command, made from the options table. */
import { type Command, Option } from 'commander';
import { type CommandName, flagsIn, optionsOf, useIn } from './table.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addOptions(command: Command, name: CommandName): Command {
  for (const [key, row] of optionsOf(name)) {
    const use = useIn(row, name);
    if (!use) continue;
    const option = new Option(flagsIn(key, name), use.help);
    if (use.choices) option.choices(use.choices);
    if (row.list) option.argParser(collect);
    if (use.default !== undefined) option.default(use.default);
    command.addOption(option);
  }
  return command;
}
