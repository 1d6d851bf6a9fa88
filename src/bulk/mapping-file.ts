/**
 * A saved column mapping (--mapping FILE): each header of an organiser's sheet and the column it
 * is read as, so the same form's next export needs no --map flags. YAML (JSON is YAML too):
 *
 *   Your MP's full name: recipient_name
 *   Timestamp: ""            # read as nothing, quietly
 */
import { parse, stringify } from 'yaml';
import { ColumnMapError, parseColumnMap, type ColumnMap } from './column-map.js';

/** The maps a mapping file's text gives; errors say what to fix, for the caller to name the file. */
export function parseMappingFile(text: string): ColumnMap[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ColumnMapError(`is not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) throw new ColumnMapError('must hold lines of HEADER: column, such as "Your full name: name"');
  return Object.entries(data as Record<string, unknown>).map(([header, column]) => {
    if (column !== null && typeof column !== 'string') throw new ColumnMapError(`"${header}" must be given a column name, or "" to ignore it`);
    try {
      return parseColumnMap(`${header}=${column ?? ''}`);
    } catch (error) {
      if (error instanceof ColumnMapError)
        throw new ColumnMapError(`"${header}": ${error.message.replace('nothing after "=" to ignore the header', '"" to leave the header out')}`);
      throw error;
    }
  });
}

/** A mapping file's text for these maps. */
export function mappingFileText(maps: readonly ColumnMap[]): string {
  const data: Record<string, string> = {};
  for (const map of maps) data[map.header] = map.spec?.column ?? '';
  return `# belarus-letter bulk --mapping: each header of the sheet, and the column it is read as ("" ignores it).\n${stringify(data)}`;
}

/** The same maps as --map arguments, to paste or to add to a suggested command. */
export function mapArgs(maps: readonly ColumnMap[]): string[] {
  return maps.flatMap((map) => ['--map', `${map.header}=${map.spec?.column ?? ''}`]);
}
