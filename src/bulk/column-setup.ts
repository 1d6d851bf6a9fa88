/**
 * A sheet's header checked before any letter is written, as an import dialog would: maps for
 * headers it lacks, required columns missing, two columns for one value, columns that seem to
 * hold a name, story or address but would be left out. On a terminal, the headers bulk does not
 * read can be mapped there and then (see interactive-map.ts).
 */
import { existsSync } from 'node:fs';
import { listChoices, UsageError } from '../errors.js';
import { commandName, shellQuote } from '../io/invocation.js';
import type { InputRow } from '../io/rows.js';
import { writeFileAtomic } from '../io/write-file.js';
import { note, warn } from '../ui.js';
import type { Prompts } from '../wizard/prompts.js';
import type { ColumnMap } from './column-map.js';
import { askMappings } from './interactive-map.js';
import { mapArgs, mappingFileText } from './mapping-file.js';
import { ColumnMapper, likelyHeaders, missingColumns, type RowDefaults, type RowWords } from './row-request.js';
import { guessColumns, lossesForAll, WHAT, type Guess } from './sheet-check.js';

export interface SheetColumns {
  name: string;
  words: RowWords;
  headers: readonly string[];
  sample: readonly InputRow[];
  maps: readonly ColumnMap[];
  defaults: RowDefaults;
  /** A CSV's header is the whole story; JSON records may each have other keys. */
  headerIsComplete: boolean;
  /** The prompts, when on a terminal; undefined never asks. */
  prompts?: () => Promise<Prompts>;
}

export interface ColumnSetup {
  mapper: ColumnMapper;
  /** The maps made on the terminal, for commands suggested later. */
  added: ColumnMap[];
  /** Warns of headers not read that no earlier warning named (JSON records bring new ones). */
  warnUnknown(): void;
}

const mapArg = (header: string, column: string) => `--map ${shellQuote(`${header}=${column}`)}`;

export async function setUpColumns(sheet: SheetColumns): Promise<ColumnSetup> {
  const { words, headers, sample, defaults } = sheet;
  let maps = [...sheet.maps];
  if (sheet.headerIsComplete) checkMapsMet(new ColumnMapper(maps), sheet);
  let mapper = readHeaders(maps, headers);
  const added: ColumnMap[] = [];
  // JSON with no records has no keys to check: the caller says there are no senders.
  if (!sheet.headerIsComplete && sample.length === 0) return { mapper, added, warnUnknown: () => undefined };
  const missing = missingColumns(headers, defaults, mapper);
  const guesses = guessColumns(headers, sample, mapper);
  if (sheet.prompts && mapper.unknown.length > 0) {
    const prompts = await sheet.prompts();
    const present = headers.map((h) => mapper.spec(h)?.column).filter((c): c is string => c !== undefined);
    added.push(...(await askMappings({ unknown: mapper.unknown, guesses, missing, present, sample, prompts })));
    if (added.some((m) => m.spec)) await offerToSave(added, prompts);
    maps = [...maps, ...added];
    mapper = readHeaders(maps, headers);
  }
  checkRequired(sheet, mapper);
  checkDuplicates(sheet, mapper);
  for (const h of headers) if (h !== h.trim() && mapper.spec(h)) note(`the header "${h}" has spaces around it; read as ${mapper.spec(h)?.column}.`);

  const found = guessColumns(headers, sample, mapper);
  const lost = lossesForAll(found, headers, mapper, defaults.values.recipientName !== undefined);
  if (lost.length > 0) {
    const what = [...new Set(lost.map((g) => WHAT[g.column]))];
    throw new UsageError(
      `Every letter would go without ${listChoices(what, 'and')}, which ${
        lost.length === 1
          ? `the ${words.column} "${lost[0]?.header}" seems to hold`
          : `the ${words.column}s ${listChoices(
              lost.map((g) => `"${g.header}"`),
              'and',
            )} seem to hold`
      }; nothing was written.`,
      `To read ${lost.length === 1 ? 'it' : 'them'}, add ${lost.map((g) => mapArg(g.header, g.column)).join(' ')}; to leave ${lost.length === 1 ? 'it' : 'them'} out, add ${lost.map((g) => mapArg(g.header, '')).join(' ')}.`,
    );
  }
  // An empty header is a spreadsheet's stray trailing comma, unless its column holds values.
  // (A CSV row's entries are in the header's order, so the column is known by its place.)
  headers.forEach((h, i) => {
    if (h.trim() !== '') return;
    const value = sample.map((row) => row.entries[i]).find((entry) => entry?.[0] === h && typeof entry[1] === 'string' && entry[1].trim() !== '')?.[1];
    if (value !== undefined)
      warn(`${words.column} ${i + 1} has no header but holds values such as "${String(value).trim()}"; it is left out. Give it a header to read it.`);
  });
  const warned = new Set<string>();
  for (const guess of found) {
    warned.add(guess.header);
    warn(lossWarning(words.column, guess));
  }
  let overridden = 0;
  const warnUnknown = () => {
    for (const header of mapper.unknown) {
      if (warned.has(header)) continue;
      warned.add(header);
      warn(
        `${words.column} "${header}" is not one belarus-letter reads; it is left out (see \`${commandName()} bulk --columns\`, or read it as one with --map, or ${mapArg(header, '')} to leave it out quietly).`,
      );
    }
    for (; overridden < mapper.overridden.length; overridden++) {
      const { header, column, by } = mapper.overridden[overridden] as ColumnMapper['overridden'][number];
      warn(`${words.column} "${header}" is left out: --map reads ${column} from "${by}".`);
    }
  };
  warnUnknown();
  return { mapper, added, warnUnknown };
}

function lossWarning(column: string, guess: Guess): string {
  const seems = guess.by === 'header' ? 'its header suggests' : 'its values look like';
  return `${column} "${guess.header}" is left out, but ${seems} ${WHAT[guess.column]}: to read it, add ${mapArg(guess.header, guess.column)} (or ${mapArg(guess.header, '')} to leave it out quietly).`;
}

/** A mapper that has read every header, so its unknown list is the sheet's. */
function readHeaders(maps: readonly ColumnMap[], headers: readonly string[]): ColumnMapper {
  const mapper = new ColumnMapper(maps);
  for (const h of headers) mapper.spec(h);
  return mapper;
}

function checkMapsMet(mapper: ColumnMapper, { name, headers }: SheetColumns): void {
  const absent = mapper.mapsNotIn(headers);
  if (absent.length === 0) return;
  throw new UsageError(
    `--map "${absent[0]?.header}=${absent[0]?.spec?.column ?? ''}": ${name} has no column "${absent[0]?.header}"; its header is: ${headers.join(', ') || '(empty)'}.`,
    'Give the header as it stands in the first row of the sheet (case, spaces and punctuation do not matter).',
  );
}

function checkRequired({ name, headers, defaults }: SheetColumns, mapper: ColumnMapper): void {
  const missing = missingColumns(headers, defaults, mapper);
  if (missing.length === 0) return;
  const flags = missing.filter((c) => c.flag).map((c) => c.flag as string);
  const likely = likelyHeaders(missing, headers, mapper);
  const maps = likely.map(({ header, column }) => mapArg(header, column)).join(' ');
  throw new UsageError(
    `${name} has no ${missing.length === 1 ? 'column' : 'columns'} for ${listChoices(missing.map((c) => c.column))}; its header is: ${headers.filter((h) => h.trim() !== '').join(', ') || '(empty)'}.`,
    `${likely.length ? `If your sheet calls ${missing.length === 1 ? 'it' : 'them'} something else, map ${likely.length === 1 ? 'that header' : 'those headers'}: ${maps}. Or add` : 'Add'} ${missing.length === 1 ? 'that column' : 'those columns'}${flags.length ? `, or give ${listChoices(flags, 'and')} for every row` : ''}. Run \`${commandName()} bulk --columns\` for the columns it reads.`,
  );
}

function checkDuplicates({ name, headers }: SheetColumns, mapper: ColumnMapper): void {
  const whole = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const h of headers) {
    const spec = mapper.spec(h);
    if (!spec || spec.lines || spec.joins) continue;
    // First and last name together give the name; either beside a whole name is one too many.
    const earlier = spec.part ? (parts.get(spec.column) ?? whole.get(spec.field)) : (whole.get(spec.field) ?? parts.get(spec.field));
    if (earlier !== undefined) {
      throw new UsageError(
        `${name}: the columns "${earlier}" and "${h}" both mean ${spec.part ? 'name' : spec.column}; keep one.`,
        `To read "${h}" and leave the other out: ${mapArg(earlier, '')}.`,
      );
    }
    if (spec.part) {
      parts.set(spec.column, h);
      if (!parts.has(spec.field)) parts.set(spec.field, h);
    } else whole.set(spec.field, h);
  }
}

/** Prints the maps as flags to paste, and offers to keep them in a file for --mapping. */
async function offerToSave(maps: readonly ColumnMap[], prompts: Prompts): Promise<void> {
  const flags = mapArgs(maps).map(shellQuote);
  const pairs: string[] = [];
  for (let i = 0; i < flags.length; i += 2) pairs.push(`${flags[i]} ${flags[i + 1]}`);
  prompts.say(`The same as: ${pairs.join(' ')}`);
  if (!(await prompts.confirm({ id: 'save-mapping', message: 'Save this mapping to a file, to use next time with --mapping FILE?', default: true }))) return;
  let file = await prompts.input({ id: 'mapping-file', message: 'File name', default: 'mapping.yaml', required: true });
  while (existsSync(file) && !(await prompts.confirm({ id: 'replace-mapping', message: `${file} exists; replace it?`, default: false }))) {
    file = await prompts.input({ id: 'mapping-file', message: 'Another file name', required: true });
  }
  writeFileAtomic(file, mappingFileText(maps), { force: true });
  prompts.say(`Saved. Next time: ${commandName()} bulk SHEET --mapping ${shellQuote(file)}`);
}
