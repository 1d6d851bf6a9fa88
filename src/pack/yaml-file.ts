/** Safe YAML: the `yaml` package's core schema builds plain data only, never objects with code. */
import { parseDocument } from 'yaml';
import type { TextFile } from './files.js';

export type YamlResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

export function parseYaml(file: TextFile, lineOffset = 0): YamlResult {
  const doc = parseDocument(file.text, { schema: 'core', prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        const where = pos ? `${file.path}:${pos.line + lineOffset}:${pos.col}` : file.path;
        return `${where}: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}
