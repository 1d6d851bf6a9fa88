/** A problem in a template, by file, line and column, and where a template's text sits in its file. */

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const formatProblem = (p: Problem) => `${p.file}:${p.line}:${p.column}: ${p.message}`;

/** Where a template's text sits in its file: the front matter's lines, or a YAML scalar's place. */
export interface Origin {
  file: string;
  /** Lines before the template text. */
  lineOffset: number;
  /** Columns before the template text on its first line. */
  columnOffset?: number;
}

export interface PartialSource {
  ast: hbs.AST.Program;
  origin: Origin;
}
