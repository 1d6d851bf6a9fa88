/**
 * The package as npx users get it: `npm pack`, installed from the tarball into an empty folder
 * (its dependencies from the npm cache where they are there, else the registry: `npm ci` caches
 * the packages but not the registry's lists of versions an install resolves them from), then
 * run through npx without the network and imported as a library. publint and
 * @arethetypeswrong/cli check the manifest and the types. Needs a build (npm test builds first).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

// npm run sets npm_* variables (the project as prefix, lifecycle names); a child npm must not
// see them, or it would install into the project. The cache and registry settings stay.
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const [k, v] of Object.entries(process.env)) if (!k.toLowerCase().startsWith('npm_') || keep.has(k.toLowerCase())) env[k] ??= v;
  return env;
}

function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 240_000, env: cleanEnv(), ...options });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

let tarball = '';
let files: string[] = [];
let consumer = '';

/**
 * The installed package's command, run as npx runs it once npx has found it: the first test
 * goes through npx itself, the rest skip npm's own start-up, which is most of their time.
 */
function installed(args: string[]) {
  return sh(process.execPath, [join(consumer, 'node_modules', 'belarus-letter', 'bin', 'belarus-letter.js'), ...args], { cwd: consumer });
}

beforeAll(() => {
  const out = tempDir('bl-pack-');
  // Scripts off: the build under test is the one `npm test` just made.
  const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT });
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(out, info!.filename);
  files = info!.files.map((f) => f.path);

  consumer = tempDir('bl-consumer-');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: consumer });
  expect(install.code, `npm install failed:\n${install.stderr}`).toBe(0);
}, 300_000);

describe('the npm package', () => {
  it('holds the built code, bin, templates, examples, README and LICENSE, and nothing it does not need', () => {
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/belarus-letter.js',
      'dist/cli.js',
      'dist/index.js',
      'dist/types/index.d.ts',
      'templates/pack.yaml',
      'templates/facts.yaml',
      'templates/letters/letter.hbs',
      'examples/postcard/letters/postcard.hbs',
      'data/us-congress.json',
      'data/LICENSES.md',
      'packs/de/pack.yaml',
      'packs/pl/pack.yaml',
      'dist/builtin-pack-de.js',
      'dist/builtin-pack-pl.js',
    ]) {
      expect(files, f).toContain(f);
    }
    const stray = files.filter((f) => !/^(dist|bin|templates|packs|examples|data)\//.test(f) && !['package.json', 'README.md', 'LICENSE'].includes(f));
    expect(stray).toEqual([]);
    expect(files.filter((f) => /\.(ts|map)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it("depends at run time only on what the bundle does not hold, and ships the bundled code's licences", () => {
    expect(files).toContain('dist/THIRD-PARTY-LICENSES.md');
    const licences = readFileSync(join(ROOT, 'dist', 'THIRD-PARTY-LICENSES.md'), 'utf8');
    for (const bundled of ['commander', 'handlebars', 'zod', 'yaml', 'pdfkit']) expect(licences).toContain(`## ${bundled} `);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies)) expect(licences, `${dep} is bundled: make it a devDependency`).not.toContain(`## ${dep} `);
    // An install of the published package runs nothing.
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts[hook]).toBeUndefined();
  });

  it('runs through npx after an offline install: --version and a full draft, as text and PDF', () => {
    const v = sh('npx', ['--offline', 'belarus-letter', '--version'], { cwd: consumer });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    const args = [
      'draft',
      '-r',
      'uk',
      '-t',
      'mp',
      '--recipient-name',
      'Jane Smith',
      '-s',
      'maintain',
      '-n',
      'Алесь Бяляцкі',
      '-c',
      'Leeds',
      '--date',
      '2026-11-25',
    ];
    const text = sh('npx', ['--offline', 'belarus-letter', ...args], { cwd: consumer });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Dear Jane Smith,');
    expect(text.stdout).toMatch(/\n\nАлесь Бяляцкі\n\nSources\n1\. /);
    const pdf = installed([...args, '--out', 'letter.pdf']);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(join(consumer, 'letter.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // The directory of members of Congress ships in data/ and is found from the installed package.
    const officials = installed(['officials', '--zip', '97201', '--json']);
    expect(officials.code, officials.stderr).toBe(0);
    expect(JSON.parse(officials.stdout).officials.map((o: { recipient: string }) => o.recipient)).toEqual(['senator', 'senator', 'representative']);
  }, 120_000);

  it('writes German and Polish letters from the installed package with --language', () => {
    const writer = ['-r', 'eu', '-t', 'mep', '-s', 'maintain', '-c', 'Berlin', '--date', '2026-11-30'];
    const de = installed(['draft', '--language', 'de', '-n', 'Jana Novak', ...writer]);
    expect(de.code, de.stderr).toBe(0);
    expect(de.stdout).toContain('Berlin, 30. November 2026');
    expect(de.stdout).toMatch(/\n\nQuellen\n1\. /);
    const pl = installed(['draft', '--language', 'pl', '-n', 'Jan Kowalski', ...writer]);
    expect(pl.code, pl.stderr).toBe(0);
    expect(pl.stdout).toContain('30 listopada 2026');
    expect(pl.stdout).toMatch(/\n\nŹródła\n1\. /);
  }, 120_000);

  it('ejects the worked example from the installed package, and it validates and previews', () => {
    const ejected = installed(['templates', 'eject', '--example', 'postcard', 'my-postcard']);
    expect(ejected.code, ejected.stderr).toBe(0);
    expect(readFileSync(join(consumer, 'my-postcard', 'letters', 'postcard.hbs'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'examples', 'postcard', 'letters', 'postcard.hbs'), 'utf8'),
    );
    const valid = installed(['templates', 'validate', 'my-postcard']);
    expect(valid.code, valid.stdout + valid.stderr).toBe(0);
    expect(valid.stderr).toMatch(/my-postcard is valid over the built-in pack: 2 letter templates/);
    const preview = installed(['templates', 'preview', 'my-postcard', '--template', 'postcard', '--json']);
    expect(preview.code, preview.stderr).toBe(0);
    expect((JSON.parse(preview.stdout) as { letters: unknown[] }).letters.length).toBeGreaterThan(0);
  }, 120_000);

  it('works as a library from JavaScript and type-checks from TypeScript', () => {
    const js = `import { draftLetter, letterToPdf } from 'belarus-letter';
const letter = draftLetter({ region: 'us', recipient: 'senator', stance: 'maintain', name: 'Sam Lee', city: 'Boston', date: '2026-11-25' });
const pdf = await letterToPdf(letter);
let error = '';
try { draftLetter({ region: 'xx', recipient: 'senator', stance: 'maintain', name: 'Sam Lee', city: 'Boston', date: '2026-11-25' }); } catch (e) { error = e.name; }
console.log(JSON.stringify({ start: letter.text.split('\\n')[0], paper: letter.meta.paper, pdf: pdf.length > 1000, error }));
`;
    writeFileSync(join(consumer, 'use.mjs'), js);
    const r = sh(process.execPath, ['use.mjs'], { cwd: consumer });
    expect(r.code, r.stderr).toBe(0);
    // The bundle is minified: a caught error still says which kind it is.
    expect(JSON.parse(r.stdout)).toEqual({ start: 'Sam Lee', paper: 'letter', pdf: true, error: 'UnknownIdError' });

    writeFileSync(
      join(consumer, 'use.ts'),
      `import { draftLetter, type Letter, type LetterRequestInput } from 'belarus-letter';
const input: LetterRequestInput = { region: 'uk', recipient: 'mp', stance: 'maintain', name: 'A', city: 'B', date: '2026-11-25' };
const letter: Letter = draftLetter(input);
const words: number = letter.meta.wordCount;
// @ts-expect-error: a letter has no "pages" field, so wrong code must not type-check.
letter.meta.pages;
export { words };
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['use.ts'],
      }),
    );
    const tsc = sh(process.execPath, [TSC, '-p', consumer], { cwd: consumer });
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
  }, 120_000);

  it('passes publint and @arethetypeswrong/cli for the ESM entry', () => {
    // Their own bins, as `npx --no-install` would find them, without npm's start-up.
    const publint = sh(join(ROOT, 'node_modules', '.bin', 'publint'), ['--strict', ROOT], { cwd: ROOT });
    expect(publint.code, publint.stdout + publint.stderr).toBe(0);
    expect(publint.stdout).toContain('All good!');
    const attw = sh(join(ROOT, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { cwd: ROOT });
    expect(attw.code, attw.stdout + attw.stderr).toBe(0);
    const report = JSON.parse(attw.stdout) as { analysis: { problems: { kind: string }[] } };
    const problems = report.analysis.problems.filter((p) => p.kind !== 'CJSResolvesToESM');
    expect(problems).toEqual([]);
  }, 120_000);
});
