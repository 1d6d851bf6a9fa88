// Rebuilds data/us-congress.json, the directory of members of Congress, from its sources:
//
//   From local clones (or bare mirrors) of the two repositories; commits and dates read from git:
//     node scripts/build-officials.mjs --legislators-git ../congress-legislators --zccd-git ../us-zipcodes-congress
//   From a folder holding the three files, with their commits in a JSON file
//   ({ "legislators": { "commit", "date" }, "zccd": { "commit", "date" } }):
//     node scripts/build-officials.mjs --from tests/fixtures/officials/sources --commits tests/fixtures/officials/sources/commits.json --out -
//   From a base URL laid out as <repo>/<branch>/<file> (raw GitHub, as `officials update` does):
//     node scripts/build-officials.mjs --from https://raw.githubusercontent.com
//
// --out FILE (default data/us-congress.json; - prints to stdout). --no-offices leaves out the
// district offices. The builder is src/officials/us/build.ts, bundled here on the fly.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    'legislators-git': { type: 'string' },
    'zccd-git': { type: 'string' },
    from: { type: 'string' },
    commits: { type: 'string' },
    out: { type: 'string', default: join(root, 'data', 'us-congress.json') },
    'no-offices': { type: 'boolean', default: false },
  },
});

const fail = (message) => {
  console.error(`build-officials: ${message}`);
  process.exit(2);
};

const dir = mkdtempSync(join(tmpdir(), 'build-officials-'));
const bundle = join(dir, 'officials.mjs');
await build({
  stdin: {
    contents:
      "export * from './src/officials/us/build.ts'; export * from './src/officials/update.ts'; export { serialiseDirectory } from './src/officials/us/schema.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
  define: { __VERSION__: '"build"' },
  // yaml is CommonJS and requires node built-ins.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const lib = await import(pathToFileURL(bundle).href);
rmSync(dir, { recursive: true, force: true });

function fromGit(gitPath) {
  const git = existsSync(join(gitPath, 'HEAD')) && existsSync(join(gitPath, 'objects')) ? ['--git-dir', gitPath] : ['-C', gitPath];
  const run = (...rest) => execFileSync('git', [...git, ...rest], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const [commit, date] = run('log', '-1', '--format=%H %cI', 'HEAD').trim().split(' ');
  return { text: (name) => run('show', `HEAD:${name}`), commit: { commit, date: date.slice(0, 10) } };
}

let input;
const offices = !args['no-offices'];
const today = new Date().toISOString().slice(0, 10);
if (args['legislators-git'] || args['zccd-git']) {
  if (!args['legislators-git'] || !args['zccd-git']) fail('give both --legislators-git and --zccd-git');
  const leg = fromGit(args['legislators-git']);
  const zc = fromGit(args['zccd-git']);
  const { SOURCE_FILES } = lib;
  input = {
    legislators: leg.text(SOURCE_FILES.legislators.file),
    offices: offices ? leg.text(SOURCE_FILES.offices.file) : undefined,
    zccd: zc.text(SOURCE_FILES.zccd.file),
    commits: { legislators: leg.commit, zccd: zc.commit },
  };
} else if (args.from && /^https?:\/\//i.test(args.from)) {
  input = await lib.downloadSources(args.from, today);
  if (!offices) input.offices = undefined;
} else if (args.from) {
  if (!args.commits) fail("--from FOLDER needs --commits FILE naming each source's commit and date");
  const read = (key) => readFileSync(join(args.from, lib.SOURCE_FILES[key].file), 'utf8');
  input = {
    legislators: read('legislators'),
    offices: offices ? read('offices') : undefined,
    zccd: read('zccd'),
    commits: JSON.parse(readFileSync(args.commits, 'utf8')),
  };
} else {
  fail('give --legislators-git DIR --zccd-git DIR, or --from FOLDER --commits FILE, or --from URL');
}

const text = lib.serialiseDirectory(lib.buildUsDirectory(input));
if (args.out === '-') process.stdout.write(text);
else {
  writeFileSync(args.out, text);
  console.error(`Wrote ${args.out} (${text.length} bytes).`);
}
