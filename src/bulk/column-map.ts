/** The user's own --map "HEADER=COLUMN": a header of theirs read as one of the columns. */
import { listChoices } from '../errors.js';
import { COLUMNS, type ColumnSpec } from './columns.js';
import { columnFor, normaliseHeader } from './header-match.js';

/** --map "HEADER=COLUMN": the user's header read as that column; spec null (HEADER=) ignores it quietly. */
export interface ColumnMap {
  header: string;
  spec: ColumnSpec | null;
}

export class ColumnMapError extends Error {}

export function parseColumnMap(text: string): ColumnMap {
  // Column names hold no "=", so the last one splits: a header may hold one.
  const at = text.lastIndexOf('=');
  const header = text.slice(0, Math.max(at, 0)).trim();
  if (at < 0 || !header) throw new ColumnMapError('give it as HEADER=COLUMN, such as "Your full name=name"');
  const column = text.slice(at + 1).trim();
  if (column === '') return { header, spec: null };
  const spec = columnFor(column);
  if (!spec) {
    throw new ColumnMapError(`"${column}" is not a column; choose ${listChoices(COLUMNS.map((c) => c.column))} (or nothing after "=" to ignore the header)`);
  }
  return { header, spec };
}

/** Every --map given, each named in its error, and no header mapped twice. */
export function parseColumnMaps(texts: readonly string[]): ColumnMap[] {
  const byHeader = new Map<string, string>();
  return texts.map((text) => {
    let map: ColumnMap;
    try {
      map = parseColumnMap(text);
    } catch (error) {
      if (error instanceof ColumnMapError) throw new ColumnMapError(`--map "${text}": ${error.message}`);
      throw error;
    }
    const key = normaliseHeader(map.header);
    const earlier = byHeader.get(key);
    if (earlier !== undefined) throw new ColumnMapError(`--map "${earlier}" and --map "${text}" both map the header "${map.header}"; keep one`);
    byHeader.set(key, text);
    return map;
  });
}
