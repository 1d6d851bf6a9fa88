/**
 * The command-line program: options, commands and the one error handler. Commands are loaded
 * with import() only when run, so `--version` and `--help` stay fast.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, isAppError } from './errors.js';
import { describeCode, errnoCode } from './io/fs-errors.js';
import { writeStdout } from './io/stdout.js';
import { VERSION } from './version.js';
import type { GlobalOptions } from './commands/pack-options.js';
import { addOptions } from './options/commander.js';

function globalsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

export function buildProgram(): Command {
  const program = new Command('belarus-letter')
    .description('Write to your elected officials and urge them to keep targeted sanctions on the Belarusian regime until every political prisoner is free.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help');
  addOptions(program, 'program')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Help goes through the checked writer too: `--help > /dev/full` is an error, not a trace.
    .configureOutput({ outputError: () => {}, writeOut: (text) => writeStdout(text, 'the help') })
    .addHelpText(
      'after',
      `
Examples:
  $ belarus-letter                          # in a terminal: answer a few questions
  $ belarus-letter draft --region uk --recipient mp --recipient-name "Jane Smith" \\
      --stance maintain --name "Alex Doe" --city Leeds --story "My aunt was jailed in Minsk in 2021."
  $ belarus-letter regions                  # regions and the officials you can write to
  $ belarus-letter officials --zip 97201    # your US senators and representative, by name
  $ belarus-letter stances                  # what each stance asks for
  $ belarus-letter facts                    # every fact a letter can cite, with sources
  $ belarus-letter bulk senders.csv         # one letter per row of a sheet (see \`bulk --example\`)
  $ belarus-letter templates eject my-pack  # your own templates: see \`templates --help\``,
    );

  addOptions(program.command('draft', { isDefault: true }).description('draft one letter (asks for what is missing when run in a terminal)'), 'draft')
    .addHelpText(
      'after',
      `
Examples:
  $ belarus-letter draft --region uk --recipient mp --recipient-name "Jane Smith" \\
      --stance maintain --name "Alex Doe" --city Leeds --story "My aunt was jailed in Minsk in 2021."
  $ belarus-letter draft -r us -t senator --recipient-name "John Doe" -s conditional \\
      -n "Sam Lee" -c "Portland, OR" --address "1 Main St" --postcode 97201 --out letter.html
  $ belarus-letter draft --zip 97201 -t representative -s maintain -n "Sam Lee" -c Portland
  $ belarus-letter draft -r eu -t mep -s strengthen -n "Ana Novak" -c Ljubljana --json | jq .meta
  $ belarus-letter draft -r other -t representative -s maintain -n "Kari Nordmann" -c Oslo \\
      --address "Karl Johans gate 5" --postcode 0150 --country NO   # written "0150 Oslo"
  $ belarus-letter draft ... --email me@example.org --recipient-email mp@example.org --out letter.eml
  $ belarus-letter draft ... --format text --max-chars 2000   # for an office's web form
  $ belarus-letter draft ... --out letter.pdf                 # print-ready PDF
  $ belarus-letter draft --language de -r eu -t mep -s maintain -n "Jana Novak" -c Berlin   # in German`,
    )
    .action(async (options, command: Command) => {
      const { runDraft } = await import('./commands/draft.js');
      await runDraft(options, globalsOf(command));
    });

  addOptions(
    program
      .command('bulk')
      .description('one letter per row of a CSV, JSON or NDJSON list of senders, into a folder')
      .argument('[file]', 'the list of senders: .csv, .json or .ndjson (- reads stdin)'),
    'bulk',
  )
    .addHelpText(
      'after',
      `
Examples:
  $ belarus-letter bulk --example > senders.csv     # a starter sheet to fill in
  $ belarus-letter bulk --columns                   # the columns a row can have
  $ belarus-letter bulk senders.csv --dry-run       # check every row, write nothing
  $ belarus-letter bulk form.csv --map "Full legal name=name" --map "Timestamp="   # your sheet's own headers
  $ belarus-letter bulk form.csv --mapping mapping.yaml   # the headers mapped last time (saved on the terminal)
  $ belarus-letter bulk export.csv --date-format DD/MM/YYYY   # 04/05/2026 is 4 May
  $ belarus-letter bulk old-excel.csv --encoding windows-1252   # a CSV that is not UTF-8
  $ belarus-letter bulk senders.csv --out-dir letters --region uk --recipient mp --stance maintain
  $ belarus-letter bulk senders.csv --out-dir letters --resume   # carry on after a stop or a fix
  $ belarus-letter bulk senders.csv --language de --region eu --recipient mep   # German letters to MEPs`,
    )
    .action(async (file: string | undefined, options, command: Command) => {
      const { runBulk } = await import('./commands/bulk.js');
      await runBulk(file, options, globalsOf(command));
    });

  addOptions(program.command('regions').description('list regions and the officials you can write to there'), 'regions').action(
    async (options, command: Command) => {
      await (await import('./commands/discover.js')).runRegions(options, globalsOf(command));
    },
  );

  const officials = addOptions(
    program.command('officials').description('your US senators and representative by ZIP code or state, from a dated directory shipped with the tool'),
    'officials',
  )
    .addHelpText(
      'after',
      `
The directory is dated: its as-of date is printed with every answer, and a note says when it
is old. \`officials update\` downloads a fresh one when you are online.

Examples:
  $ belarus-letter officials --zip 97201
  $ belarus-letter officials --state OR --json
  $ belarus-letter officials update
  $ belarus-letter draft --zip 97201 --recipient senator --official W000779 -s maintain -n "Sam Lee" -c Portland`,
    )
    .action(async (options) => {
      await (await import('./commands/officials.js')).runOfficials(options);
    });
  addOptions(
    officials.command('update').description('download the sources again and rebuild the directory in your cache folder (used from then on)'),
    'officials update',
  ).action(async (options) => {
    await (await import('./commands/officials.js')).runOfficialsUpdate(options);
  });

  addOptions(program.command('stances').description('list the stances a letter can take and what each asks'), 'stances').action(
    async (options, command: Command) => {
      await (await import('./commands/discover.js')).runStances(options, globalsOf(command));
    },
  );

  addOptions(program.command('facts').description('list every fact a letter can cite, with its sources, their addresses and dates'), 'facts')
    .addHelpText(
      'after',
      `
Examples:
  $ belarus-letter facts                              # each fact, its sources and their addresses
  $ belarus-letter facts --json                       # the same, for scripts
  $ belarus-letter facts --check-links                # does every source address still open?
  $ belarus-letter --templates my-pack facts --check-links --timeout 20`,
    )
    .action(async (options, command: Command) => {
      await (await import('./commands/discover.js')).runFacts(options, globalsOf(command));
    });

  const templates = program
    .command('templates')
    .description('list, show, eject, validate and preview letter templates (your own pack: --templates DIR)')
    .addHelpText(
      'after',
      `
Examples:
  $ belarus-letter templates eject my-pack        # copy the built-in pack to edit
  $ belarus-letter templates eject --example postcard my-postcard   # or a worked example
  $ belarus-letter templates validate my-pack     # every problem, with file:line:column
  $ belarus-letter templates preview my-pack      # every letter it writes, with word counts
  $ belarus-letter --templates my-pack templates list
  $ belarus-letter --templates my-pack draft --template postcard ...`,
    );
  addOptions(
    templates.command('list').description('each letter template: id, description, the regions, recipients and stances it serves'),
    'templates list',
  ).action(async (options, command: Command) => {
    await (await import('./commands/templates.js')).runTemplatesList(options, globalsOf(command));
  });
  addOptions(templates.command('show <id>').description("a template's front matter and source"), 'templates show').action(
    async (id: string, options, command: Command) => {
      await (await import('./commands/templates.js')).runTemplatesShow(id, options, globalsOf(command));
    },
  );
  addOptions(
    templates.command('eject <dir>').description('copy the built-in pack (manifest, facts, letters, partials), or a worked example, into DIR to edit'),
    'templates eject',
  )
    .addHelpText(
      'after',
      `
Examples:
  $ belarus-letter templates eject my-pack                         # the whole built-in pack
  $ belarus-letter templates eject --example postcard my-postcard  # the 120-word postcard example
  $ belarus-letter templates eject --language de mein-paket        # the German pack, to edit`,
    )
    .action(async (dir: string, options) => {
      await (await import('./commands/templates.js')).runTemplatesEject(dir, options);
    });
  addOptions(
    templates.command('validate [dir]').description('check a pack (default: --templates, else the built-in one); lists every problem, exit 1 if any'),
    'templates validate',
  ).action(async (dir: string | undefined, _options, command: Command) => {
    await (await import('./commands/templates.js')).runTemplatesValidate(dir, globalsOf(command));
  });

  addOptions(
    templates
      .command('preview [dir]')
      .description(
        "one letter for every region, recipient and stance a pack serves (default: --templates, else the built-in one), with its word count and how alike two senders' letters are",
      ),
    'templates preview',
  )
    .addHelpText(
      'after',
      `
Every letter is from the same sender (Alex Example, with a 60-word story) to Jane Smith, dated
2026-11-30, with a fixed seed: the same pack always previews the same, so a change to the pack
shows as a difference. The similarity (0 to 1) is bulk's form-letter measure: the share of
three-word runs a second sender's letter for the same request has in common with it.

Examples:
  $ belarus-letter templates preview my-pack | less               # read every letter
  $ belarus-letter templates preview my-pack --template postcard  # one template's letters
  $ belarus-letter templates preview my-pack --out-dir preview    # one file per letter
  $ belarus-letter templates preview --json | jq '.letters[] | [.region, .recipient, .stance, .words, .similarity]'`,
    )
    .action(async (dir: string | undefined, options, command: Command) => {
      await (await import('./commands/preview.js')).runTemplatesPreview(dir, options, globalsOf(command));
    });

  const config = program.command('config').description('show or forget the answers the wizard remembers (your name, town and region)');
  addOptions(config.command('show', { isDefault: true }).description('print where the settings file is and what it holds'), 'config show').action(
    async (options) => {
      (await import('./commands/config.js')).runConfigShow(options);
    },
  );
  addOptions(config.command('clear').description('delete the settings file'), 'config clear').action(async () => {
    (await import('./commands/config.js')).runConfigClear();
  });

  return program;
}

const USAGE_CODES = new Set([
  'commander.unknownOption',
  'commander.unknownCommand',
  'commander.missingArgument',
  'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.invalidArgument',
  'commander.excessArguments',
  'commander.conflictingOption',
]);

/** How a failed system call reads in "Could not VERB PATH". */
const SYSCALL_VERBS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write to',
  mkdir: 'create the folder',
  scandir: 'list the folder',
  rename: 'replace',
  link: 'write',
  unlink: 'remove',
  rmdir: 'remove',
  stat: 'look at',
  lstat: 'look at',
  copyfile: 'copy to',
  fsync: 'save',
  close: 'save',
};

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    const debug = argv.includes('--debug');
    const { printError } = await import('./ui.js');
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // A command group run without its subcommand (`templates`): its help is already on stderr.
      if (error.code === 'commander.help') return EXIT.usage;
      const message = error.message.replace(/^error: /, '');
      printError(
        `${message.charAt(0).toUpperCase()}${message.slice(1)}${/[.?)]$/.test(message) ? '' : '.'}`,
        'Run `belarus-letter --help` (or `belarus-letter COMMAND --help`) for the options.',
      );
      return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failed;
    }
    if (isAppError(error)) {
      printError(error.message, error.hint);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    // A file error the command did not word itself is still the disk or the folder, not a bug.
    const code = errnoCode(error);
    if (code) {
      const { path, syscall } = error as NodeJS.ErrnoException;
      printError(`Could not ${SYSCALL_VERBS[syscall ?? ''] ?? 'use'} ${path ?? 'a file'}: ${describeCode(code)}.`);
      if (debug && (error as Error).stack) process.stderr.write(`${(error as Error).stack}\n`);
      return EXIT.failed;
    }
    const err = error as Error;
    printError(`Something went wrong that should not have: ${err?.message ?? String(error)}`, 'Run again with --debug for details, and please report it.');
    if (debug && err?.stack) process.stderr.write(`${err.stack}\n`);
    return EXIT.failed;
  }
}
