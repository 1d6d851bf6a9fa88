/**
 * The layers point down: no import cycles in src/ (runtime or type-only, since a type-only cycle
 * still means two modules that cannot be understood apart), and nothing below the commands
 * imports a command.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each module under src/ (as a path relative to src/) and the src/ modules it imports or re-exports. */
function importGraph(root = SRC): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    // preProcessFile finds static imports, `export … from` and dynamic `import()` alike.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(root, resolve(dirname(file), name.replace(/\.js$/, '.ts'))));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the list of modules round it (first repeated last). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string) => {
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!done.has(next) && graph.has(next)) visit(next);
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  for (const node of [...graph.keys()].sort()) if (!done.has(node)) visit(node);
  return cycles;
}

/** Folders below the commands, which must not reach up into one. */
const LOWER = ['render/', 'pack/', 'bulk/', 'io/', 'officials/', 'wizard/', 'config/'];

/**
 * The core's layers, lowest first: a module imports only from its own layer or one below. What is
 * not listed (the commands, the wizard, bulk, the officials, config, options, cli) is a front end
 * above them all.
 */
const CORE_LAYERS: readonly (readonly string[])[] = [
  ['io/', 'request.ts', 'errors.ts', 'closest.ts', 'fold.ts', 'numbers.ts', 'countries.ts', 'version.ts', 'hash.ts'],
  ['pack/'],
  ['render/'],
];
const FRONT_END = CORE_LAYERS.length;

const layerOf = (module: string) => {
  const i = CORE_LAYERS.findIndex((layer) => layer.some((entry) => (entry.endsWith('/') ? module.startsWith(entry) : module === entry)));
  return i === -1 ? FRONT_END : i;
};

/** Every import from a lower layer of the core to a higher one, as "from -> to". */
function upwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([from, targets]) => targets.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} -> ${to}`));
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('finds the modules and their imports (so the checks below have something to check)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('main.ts')).toContain('cli.ts');
  });

  it('has no import cycles', () => {
    expect(cyclesOf(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('has no lower layer importing from src/commands', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      LOWER.some((dir) => from.startsWith(dir)) ? targets.filter((t) => t.startsWith('commands/')).map((t) => `${from} -> ${t}`) : [],
    );
    expect(upward).toEqual([]);
  });

  it('has no layer of the core importing a higher one (render above pack above io, request and errors)', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('would name an upward import if there were one', () => {
    const graph = new Map([
      ['pack/load.ts', ['render/view.ts', 'errors.ts']],
      ['render/view.ts', ['pack/types.ts']],
      ['io/stdout.ts', ['bulk/run.ts']],
      ['bulk/run.ts', ['render/view.ts']],
    ]);
    expect(upwardImports(graph)).toEqual(['pack/load.ts -> render/view.ts', 'io/stdout.ts -> bulk/run.ts']);
  });

  it('would name a cycle if there were one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cyclesOf(graph).map((c) => c.join(' -> '))).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });

  it('follows type-only imports, re-exports and dynamic imports', () => {
    const root = tempDir('bl-graph-');
    mkdirSync(join(root, 'pack'));
    writeFileSync(join(root, 'pack', 'load.ts'), "import type { Letter } from '../render/render.js';\n");
    mkdirSync(join(root, 'render'), { recursive: true });
    writeFileSync(join(root, 'render', 'render.ts'), "export type { Pack } from '../pack/load.js';\nconst later = () => import('./pdf.js');\n");
    writeFileSync(join(root, 'render', 'pdf.ts'), '');
    const graph = importGraph(root);
    expect(graph.get('render/render.ts')).toEqual(['pack/load.ts', 'render/pdf.ts']);
    expect(cyclesOf(graph).map((c) => c.join(' -> '))).toEqual(['pack/load.ts -> render/render.ts -> pack/load.ts']);
  });
});
