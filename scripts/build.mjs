// Builds dist/: the CLI and library bundled with esbuild, and the built-in pack precompiled.
// Code-splitting keeps start-up cheap: `--version` loads only the entry chunk; the command program
// and a text draft's whole path arrive as one chunk, and the other commands and heavy
// dependencies through dynamic import() when a command needs them (the plugins below).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Dependencies are bundled too: one file per chunk loads far faster than hundreds of
  // package modules, and users of npx fetch nothing more at run time. Handlebars is CommonJS.
  // One require for all chunks (it only ever loads node: built-ins): making one per chunk costs
  // a millisecond and a half of every start.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = (globalThis[Symbol.for('belarus-letter.require')] ??= __cr(import.meta.url));",
  },
  define: { __VERSION__: JSON.stringify(version) },
};

// Commander requires node:child_process at load time, for executable subcommands this CLI never
// has; loading it pulls in net, dgram and streams, a tenth of a draft's start-up. Commander gets a
// stand-in that loads the real module only if something ever reaches into it.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// `import … from 'node:fs'` in an ES module makes Node build a module facade of the built-in,
// reading every export once: fs's getters alone load the streams, fs/promises and more that a
// draft never uses. require() hands over the object without touching its getters, so static
// imports of built-ins go through the shared require of the banner (node:module, which the
// banner itself imports, stays an import).
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    // One stand-in per importing file, so that a stand-in always sits in its importer's chunk
    // (a shared one would be a chunk of its own on every path that uses the built-in).
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' && args.path !== 'node:child_process' && args.path !== 'node:module'
        ? { path: `${args.path}?${relative(root, args.importer)}`, namespace: 'builtin', pluginData: args.path }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.pluginData)});`,
      loader: 'js',
    }));
  },
};

// esbuild makes every import() target an entry point, and splits each set of modules that a
// different set of entry points reaches into its own chunk: the program's own small lazy
// imports (a helper module, the pack loader, the ui) scattered a text draft over thirty files,
// and each file costs its own resolve, read and link at every start. So the program's own
// import() calls load eagerly, as static imports bundled into the command program's chunk,
// except for the modules below: the commands and code a text draft never runs, and what pulls in
// heavy dependencies (PDF, email, the wizard, sheets, YAML, the officials directory).
const LAZY = new Set(
  [
    'cli',
    'commands/bulk',
    'config/config',
    'commands/config',
    'commands/discover',
    'commands/draft-zip',
    'commands/officials',
    'commands/preview',
    'commands/send-output',
    'commands/templates',
    'io/check-links',
    'officials/store',
    'officials/update',
    'pack/load',
    'render/pdf',
    'wizard/inquirer',
    'wizard/start',
  ].map((name) => join(root, 'src', `${name}.ts`)),
);
const PROGRAM = join(root, 'src', 'cli.ts');
const eagerOwnImports = {
  name: 'eager-own-imports',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      const hoisted = [];
      source = source.replace(/(?<!typeof\s*)\bimport\(\s*'(\.\.?\/[^']+\.js|handlebars\/runtime)'\s*\)/g, (call, spec) => {
        if (LAZY.has(join(dirname(args.path), spec.replace(/\.js$/, '.ts')))) return call;
        const name = `__eager${hoisted.length}`;
        hoisted.push(`import * as ${name} from '${spec}';`);
        return `Promise.resolve(${name})`;
      });
      // Anchor: each lazy module re-exports the command program, so esbuild sees every module
      // the program loads eagerly as reached by the same entry points, and keeps them together.
      if (LAZY.has(args.path) && args.path !== PROGRAM) {
        const spec = relative(dirname(args.path), PROGRAM).replace(/\\/g, '/').replace(/\.ts$/, '.js');
        hoisted.push(`export * as __program from '${spec.startsWith('.') ? spec : `./${spec}`}';`);
      }
      return { contents: hoisted.length ? `${source}\n${hoisted.join('\n')}\n` : source, loader: 'ts' };
    });
  },
};

rmSync(`${root}/dist`, { recursive: true, force: true });
const { metafile } = await build({
  ...common,
  entryPoints: { cli: 'src/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [lazyChildProcess, builtinsByRequire, eagerOwnImports],
  metafile: true,
  // Less source for V8 to scan on every start. Not keepNames: its defineProperty on every
  // closure Handlebars makes cost a third of each render.
  minify: process.env.BUILD_MINIFY !== '0',
});

// Bundled code carries its authors' licences with it: one file lists every package in the bundle.
writeFileSync(`${root}/dist/THIRD-PARTY-LICENSES.md`, thirdPartyLicences(Object.keys(metafile.inputs)));

function thirdPartyLicences(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    if (/^[\w-]+:/.test(input)) continue; // a plugin's stand-in, not a package file
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  const entries = [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(`${root}/${dir}/package.json`, 'utf8'));
    const file = readdirSync(`${root}/${dir}`).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
    const text = file ? readFileSync(`${root}/${dir}/${file}`, 'utf8').trim() : `Licence: ${pkg.license ?? 'see the package'}`;
    return `## ${pkg.name} ${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`;
  });
  return `# Third-party licences\n\nThe files in dist/ bundle code from these packages, under these licences.\n\n${entries.join('\n')}`;
}

// The precompiler runs the loader itself, so the pack is validated as part of every build.
const tool = `${root}/dist/.precompile.mjs`;
await build({ ...common, entryPoints: ['scripts/precompile-pack.ts'], outfile: tool, external: ['esbuild'] });
try {
  const { precompileBuiltinPacks } = await import(pathToFileURL(tool).href);
  precompileBuiltinPacks(`${root}/dist`);
} catch (error) {
  console.error(error?.message ?? error);
  process.exitCode = 1;
} finally {
  rmSync(tool, { force: true });
}

// Type declarations for the library API (dist/types, see package.json "exports").
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', `${root}/tsconfig.build.json`], {
  stdio: 'inherit',
});
