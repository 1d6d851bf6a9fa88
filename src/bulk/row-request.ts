/**
 * One input row to a validated LetterRequest. Values are copied field by field into a fresh
 * object that zod then parses, so a "__proto__" or "constructor" column is only ever data.
 * Problems name the row and the column as the organiser sees them in their sheet.
 */
import { letterRequestSchema, REQUIRED_FIELDS, type LetterFormat, type LetterRequest } from '../request.js';
import { describeIssues } from '../validate.js';
import { listChoices } from '../errors.js';
import type { InputRow } from '../io/rows.js';
import { joinStory } from '../wizard/story.js';
import type { ColumnMap } from './column-map.js';
import { COLUMNS, type ColumnSpec, type RowField } from './columns.js';
import { columnFor, isFormMetadata, normaliseHeader } from './header-match.js';
import { readDate, readRecipient, readRegion, type DateOrder, type RegionIds } from './values.js';

/** Values from the command line for rows that leave a cell empty, and batch-wide settings. */
export interface RowDefaults {
  values: Partial<Record<RowField, string | string[]>>;
  format: LetterFormat;
  sources: boolean;
  date: string;
  /** The pack's regions and officials, to read a country or an official's everyday name as an id. */
  regions?: RegionIds;
  /** How to read a date like 04/05/2026 (--date-format). */
  dateOrder?: DateOrder;
}

export interface RowWords {
  row: string;
  column: string;
}

/** A request, with notes on values read generously (a country with no letters of its own). */
export type RowResult = { ok: true; request: LetterRequest; notes: string[]; language?: string } | { ok: false; error: string };

const SPEC_BY_FIELD = new Map(COLUMNS.filter((c) => !c.part).map((c) => [c.field, c]));
const PLAIN_FIELDS = [...COLUMNS.map((c) => c.field), 'country', 'format', 'sources'];

/**
 * Caches header -> column, and remembers which headers were unknown (warned once each). A header
 * the user mapped (--map) is read as they said; a header that would otherwise give a column the
 * user mapped from another header is left out, so the two never fight over one value.
 */
export class ColumnMapper {
  private readonly cache = new Map<string, ColumnSpec | null>();
  readonly unknown: string[] = [];
  /** Headers left out because --map gives their column from another header. */
  readonly overridden: { header: string; column: string; by: string }[] = [];
  /** The header the user gave for each field, for messages. */
  readonly headerOf = new Map<RowField, string>();
  private readonly maps = new Map<string, ColumnMap>();
  /** For each single-value field the user mapped, the header they mapped to it. */
  private readonly mappedFrom = new Map<RowField, string>();
  private readonly usedMaps = new Set<ColumnMap>();

  constructor(maps: readonly ColumnMap[] = []) {
    for (const map of maps) {
      this.maps.set(normaliseHeader(map.header), map);
      if (map.spec && !map.spec.lines && !map.spec.joins && !map.spec.part) this.mappedFrom.set(map.spec.field, map.header);
    }
  }

  spec(header: string): ColumnSpec | undefined {
    let spec = this.cache.get(header);
    if (spec === undefined) {
      spec = this.resolve(header);
      this.cache.set(header, spec);
      if (spec && !this.headerOf.has(spec.field)) this.headerOf.set(spec.field, header);
    }
    return spec ?? undefined;
  }

  private resolve(header: string): ColumnSpec | null {
    const map = this.maps.get(normaliseHeader(header));
    if (map) {
      this.usedMaps.add(map);
      return map.spec;
    }
    const spec = columnFor(header);
    if (!spec) {
      // A form tool's own columns (Timestamp, Start time) and empty headers say nothing of the sender.
      if (!isFormMetadata(header)) this.unknown.push(header);
      return null;
    }
    const by = this.mappedFrom.get(spec.field);
    if (by !== undefined) {
      this.overridden.push({ header, column: spec.column, by });
      return null;
    }
    return spec;
  }

  /** The maps no header met so far. */
  unusedMaps(): ColumnMap[] {
    return [...this.maps.values()].filter((map) => !this.usedMaps.has(map));
  }

  /** The maps whose header is none of these (a CSV's header row, checked before any row). */
  mapsNotIn(headers: readonly string[]): ColumnMap[] {
    const present = new Set(headers.map(normaliseHeader));
    return [...this.maps].filter(([key]) => !present.has(key)).map(([, map]) => map);
  }
}

/** A JSON null is an empty cell; a number (a seed, the one column that takes one) is its digits. */
function cell(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  return value === null ? undefined : value;
}

/** What a JSON value is, in words, when it is not text. */
function kindOf(value: unknown): string | undefined {
  if (typeof value === 'string' || value === null || value === undefined) return undefined;
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/**
 * Values of the wrong type for their column (JSON input: a CSV cell is always text): each column
 * takes text, and one of several lines (address) or facts also a list of texts. A number is
 * refused too, not turned into text, since a list that has one where a name belongs is wrong;
 * only a seed may be a number.
 */
function typeProblems(row: InputRow, mapper: ColumnMapper, words: RowWords): string[] {
  const problems: string[] = [];
  for (const [header, value] of row.entries) {
    const spec = mapper.spec(header);
    if (!spec) continue;
    const takesList = spec.lines || spec.field === 'facts';
    if (takesList && Array.isArray(value)) {
      const wrong = value.map((x) => (x === null ? 'null' : kindOf(x))).find((k) => k !== undefined);
      if (wrong) problems.push(`${words.column} ${header}: expected a list of texts, got ${wrong} in the list`);
      continue;
    }
    const wrong = kindOf(value);
    // A seed only has to be the same each time: 7 will do as well as "7".
    if (spec.field === 'seed' && typeof value === 'number') continue;
    if (wrong) problems.push(`${words.column} ${header}: expected text${takesList ? ' or a list of texts' : ''}, got ${wrong}`);
  }
  return problems;
}

const isBlank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A row's values by field, with what reading them found: a problem (its field) or a note. */
export interface RowInput {
  input: Record<string, unknown>;
  notes: string[];
  problem?: { field: RowField; message: string };
}

export function rowToInput(row: InputRow, mapper: ColumnMapper, defaults: RowDefaults): RowInput {
  const input: Record<string, unknown> = Object.create(null);
  /** Answers of several story columns, joined once all are read. */
  let answers: string[] | undefined;
  /** First and last name in columns of their own. */
  let parts: string[] | undefined;
  for (const [header, raw] of row.entries) {
    const spec = mapper.spec(header);
    if (!spec) continue;
    const value = cell(raw);
    if (isBlank(value)) continue;
    if (spec.part) {
      (parts ??= [])[spec.part] = String(value).trim();
    } else if (spec.joins && input[spec.field] !== undefined) {
      answers ??= [input[spec.field] as string];
      answers.push(value as string);
    } else if (spec.lines && input[spec.field] !== undefined) {
      const prev = input[spec.field];
      input[spec.field] = [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(value) ? value : [value])];
    } else {
      input[spec.field] = value;
    }
  }
  // Several personal questions read as one story, the way the wizard joins its answers; one
  // story column stays exactly as the sender wrote it.
  if (answers) input.story = joinStory(answers.map(String));
  if (parts && input.name === undefined) input.name = parts.filter(Boolean).join(' ');
  const read = readValues(input, defaults);
  for (const [field, value] of Object.entries(defaults.values)) {
    if (isBlank(input[field])) input[field] = value;
  }
  input.date ??= defaults.date;
  input.format = defaults.format;
  input.sources = defaults.sources;
  return { input, ...read };
}

/** A row's own region, official and date, as people type them, read as the ids and date a request holds. */
function readValues(input: Record<string, unknown>, defaults: RowDefaults): Omit<RowInput, 'input'> {
  const notes: string[] = [];
  const { regions } = defaults;
  /** A region cell that names no region or country known. */
  let unknownRegion: string | undefined;
  if (regions && typeof input.region === 'string') {
    const read = readRegion(input.region, regions);
    if (read.unknown) unknownRegion = input.region.trim();
    input.region = read.region;
    if (read.country) input.country = read.country;
    if (read.note) notes.push(read.note);
  }
  const region = input.region ?? defaults.values.region;
  if (regions && typeof input.recipient === 'string' && typeof region === 'string') {
    input.recipient = readRecipient(input.recipient, regions.get(region.trim().toLowerCase()));
  }
  // A value that is no country at all ("mars", a typo) whose official the generic region does
  // not have either: the region is what to fix, not the official.
  const recipient = input.recipient ?? defaults.values.recipient;
  if (regions && unknownRegion !== undefined && typeof recipient === 'string' && !regions.get('other')?.includes(recipient)) {
    return {
      notes: [],
      problem: {
        field: 'region',
        message: `unknown region or country "${unknownRegion}"; choose ${listChoices([...regions.keys()])}, or a country's name or code`,
      },
    };
  }
  if (typeof input.date === 'string') {
    const date = readDate(input.date, defaults.dateOrder);
    if (!date.ok) return { notes, problem: { field: 'date', message: date.error } };
    input.date = date.date;
  }
  return { notes };
}

export function rowToRequest(row: InputRow, mapper: ColumnMapper, defaults: RowDefaults, words: RowWords): RowResult {
  const where = `${words.row} ${row.row}`;
  if (row.error) return { ok: false, error: `${where}: ${row.error}` };
  const wrongTypes = typeProblems(row, mapper, words);
  if (wrongTypes.length > 0) return { ok: false, error: `${where}, ${wrongTypes.join('; ')}` };
  const { input, notes, problem } = rowToInput(row, mapper, defaults);
  const nameOf = (field: string) => {
    const header = mapper.headerOf.get(field as RowField);
    const spec = SPEC_BY_FIELD.get(field as RowField);
    const fromFlag = header === undefined && spec?.flag && defaults.values[field as RowField] !== undefined;
    if (fromFlag) return `option ${spec.flag}`;
    return `${words.column} ${header ?? spec?.column ?? field}`;
  };
  if (problem) return { ok: false, error: `${where}, ${nameOf(problem.field)}: ${problem.message}` };
  // A fresh plain object for zod: only known fields, copied one by one, every one of them in
  // the same order whether the row has it or not, so that zod's generated object parser sees
  // one hidden class however the rows differ in which cells are blank.
  const plain: Record<string, unknown> = {};
  for (const key of PLAIN_FIELDS) plain[key] = input[key];
  const result = letterRequestSchema.safeParse(plain);
  const language = typeof input.language === 'string' ? input.language : undefined;
  if (result.success) return { ok: true, request: result.data, notes, language };
  const problems = describeIssues(result.error, nameOf);
  return { ok: false, error: `${where}, ${problems.join('; ')}` };
}

/** Required fields that neither a column nor an option gives: the whole batch cannot work. */
export function missingColumns(headers: readonly string[], defaults: RowDefaults, mapper = new ColumnMapper()): ColumnSpec[] {
  const present = new Set(headers.map((h) => mapper.spec(h)?.field).filter(Boolean));
  return REQUIRED_FIELDS.filter((f) => !present.has(f as RowField) && defaults.values[f as RowField] === undefined).map(
    (f) => SPEC_BY_FIELD.get(f as RowField) as ColumnSpec,
  );
}

/**
 * Headers that may well hold a missing column, for the error's --map hint: ones read as no
 * column whose words hold the column's name or an alias ("Your full name" for name).
 */
export function likelyHeaders(missing: readonly ColumnSpec[], headers: readonly string[], mapper: ColumnMapper): { header: string; column: string }[] {
  const out: { header: string; column: string }[] = [];
  const taken = new Set<string>();
  for (const spec of missing) {
    const words = [spec.column, ...(spec.aliases ?? [])].map(normaliseHeader);
    const header = headers.find((h) => {
      if (taken.has(h) || mapper.spec(h)) return false;
      const key = normaliseHeader(h);
      return words.some((w) => key.includes(w));
    });
    if (header === undefined) continue;
    taken.add(header);
    out.push({ header, column: spec.column });
  }
  return out;
}
