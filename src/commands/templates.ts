/** `belarus-letter templates list|show|eject|validate`: working with template packs. */
import { copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AppError, listChoices, PackError, UsageError } from '../errors.js';
import { closest } from '../closest.js';
import { builtinPackDir, FACTS_FILE, MANIFEST_FILE } from '../pack/files.js';
import type { LetterTemplate, Pack } from '../pack/load.js';
import { stringify } from 'yaml';
import { makeFolder } from '../io/make-folder.js';
import { emit, emitFile, emitJson } from '../io/emit.js';
import { info, warn } from '../ui.js';
import type { OptionsOf } from '../options/table.js';
import { languageOf, packFor, templatesDir, type GlobalOptions } from './pack-options.js';

const out = (text: string, what: string) => emit(text, {}, what);

export function templatesData(pack: Pack) {
  return pack.templates.map((t) => ({
    id: t.meta.id,
    description: t.meta.description,
    regions: t.meta.regions,
    recipients: t.meta.recipients,
    stances: t.meta.stances,
    formats: t.meta.formats,
    language: t.meta.language,
    origin: t.origin,
    file: t.file,
  }));
}

const listOf = (ids: string[]) => (ids.includes('*') ? 'all' : ids.join(', '));

export async function runTemplatesList(options: OptionsOf<'templates list'>, globals: GlobalOptions): Promise<void> {
  const pack = await packFor(globals);
  const data = templatesData(pack);
  if (options.json) {
    emitJson(data, {}, 'the list of templates');
    return;
  }
  const lines: string[] = [];
  for (const t of data) {
    lines.push(`${t.id}${t.origin === 'built-in' ? '' : `  (${t.file})`}`);
    lines.push(`  ${t.description}`);
    lines.push(`  regions: ${listOf(t.regions)}; recipients: ${listOf(t.recipients)}; stances: ${listOf(t.stances)}; formats: ${t.formats.join(', ')}`);
    lines.push('');
  }
  lines.push('Without --template, draft uses the first template above that serves the request and format.');
  out(`${lines.join('\n')}\n`, 'the list of templates');
}

function findTemplate(pack: Pack, id: string): LetterTemplate {
  const t = pack.templates.find((x) => x.meta.id === id);
  if (!t) {
    throw new UsageError(
      `Unknown template "${id}". Choose ${listChoices(pack.templates.map((x) => x.meta.id))}.`,
      'Run `belarus-letter templates list` to see what each template serves.',
    );
  }
  return t;
}

export async function runTemplatesShow(id: string, options: OptionsOf<'templates show'>, globals: GlobalOptions): Promise<void> {
  const pack = await packFor(globals);
  const t = findTemplate(pack, id);
  if (options.json) {
    emitJson({ id: t.meta.id, file: t.file, origin: t.origin, frontMatter: t.meta, source: t.source }, {}, 'the template');
    return;
  }
  info(`# ${t.file}`);
  out(`---\n${stringify(t.meta, { flowCollectionPadding: false }).replace(/\n$/, '')}\n---\n${t.source}`, 'the template');
}

/** The built-in pack's files, as paths relative to its folder. */
function builtinFiles(dir: string): string[] {
  const files = [MANIFEST_FILE, FACTS_FILE];
  for (const sub of ['letters', 'partials']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const name of readdirSync(join(dir, sub)).sort()) if (name.endsWith('.hbs')) files.push(`${sub}/${name}`);
  }
  return files;
}

/** The folder a file would really land in must be inside DIR: no link may lead out of it. */
function assertInside(root: string, target: string): void {
  const realRoot = realpathSync(root);
  let dir = target;
  while (!existsSync(dir)) dir = resolve(dir, '..');
  const rel = relative(realRoot, realpathSync(dir));
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new AppError(`${target} would be written outside ${root} (through a link); nothing more was written.`, 1, 'Eject into a plain, empty folder.');
  }
  if (existsSync(target) && lstatSync(target).isSymbolicLink()) {
    throw new AppError(`${target} is a link; eject will not write through it.`, 1, 'Eject into a plain, empty folder.');
  }
}

/** The worked examples shipped beside the built-in pack: examples/NAME, each a pack of its own. */
export function examplesDir(): string {
  return join(builtinPackDir(), '..', 'examples');
}

export function exampleNames(): string[] {
  const dir = examplesDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** An example's files, relative to its folder: plain files only, so a link cannot copy anything else. */
function exampleFiles(name: string): { source: string; files: string[] } {
  const names = exampleNames();
  if (!names.includes(name)) {
    const near = closest(name, names);
    throw new UsageError(
      `Unknown example "${name}" (--example)${near ? `; did you mean "${near}"?` : '.'} ${names.length > 0 ? `The examples are ${listChoices(names, 'and')}.` : 'This installation has no examples.'}`,
    );
  }
  const source = join(examplesDir(), name);
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(source, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk('');
  return { source, files: files.sort() };
}

/** Copies files into DIR, which must be new or empty (or --force); nothing lands outside it. */
function copyInto(dir: string, source: string, files: string[], force: boolean | undefined): void {
  const root = resolve(dir);
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw new UsageError(`${dir} exists and is not a folder.`, 'Choose a new folder name.');
    if (readdirSync(root).length > 0 && !force) {
      throw new AppError(
        `${dir} is not empty; nothing was written.`,
        1,
        'Choose a new or empty folder, or add --force to replace the pack files in it (other files are left alone).',
      );
    }
  }
  makeFolder(root);
  for (const rel of files) {
    const target = join(root, rel);
    assertInside(root, target);
    makeFolder(join(target, '..'));
    assertInside(root, target);
    if (force) emitFile(target, readFileSync(join(source, rel), 'utf8'), true);
    else copyFileSync(join(source, rel), target, 1 /* COPYFILE_EXCL */);
  }
}

export async function runTemplatesEject(dir: string, options: OptionsOf<'templates eject'>): Promise<void> {
  if (options.example !== undefined) {
    const { source, files } = exampleFiles(options.example);
    copyInto(dir, source, files, options.force);
    info(
      `Copied the example ${options.example} to ${dir} (${files.length} file${files.length === 1 ? '' : 's'}: ${files.join(', ')}); it layers over the built-in pack.`,
    );
    info(`Edit it, then check it with:  belarus-letter templates validate ${dir}`);
    info(`read every letter it writes:  belarus-letter templates preview ${dir}`);
    info(`and use it with:              belarus-letter --templates ${dir} draft ...`);
    return;
  }
  const language = await languageOf(options);
  const source = (await import('../pack/languages.js')).builtinPackDirFor(language);
  const files = builtinFiles(source);
  copyInto(dir, source, files, options.force);
  info(
    `Copied the built-in${language ? ` "${language}"` : ''} template pack to ${dir} (${files.length} files: ${MANIFEST_FILE}, ${FACTS_FILE}, letters/, partials/).`,
  );
  info(`Edit it, then check it with:  belarus-letter templates validate ${dir}`);
  info(`and use it with:              belarus-letter --templates ${dir} draft ...`);
}

export async function runTemplatesValidate(dir: string | undefined, globals: GlobalOptions): Promise<void> {
  const chosen = dir ?? (await templatesDir(globals));
  const { validatePack } = await import('../render/page-check.js');
  const language = await languageOf(globals);
  const baseDir = language ? (await import('../pack/languages.js')).builtinPackDirFor(language) : undefined;
  try {
    const { pack, warnings } = validatePack({ templatesDir: chosen, baseDir });
    const what = chosen ?? `The built-in${language ? ` "${language}"` : ''} pack`;
    for (const w of warnings) warn(w);
    info(
      `${what}${chosen ? ' is valid over the built-in pack' : ' is valid'}: ${pack.templates.length} letter template${pack.templates.length === 1 ? '' : 's'}, ${pack.partials.size} partials, ${pack.facts.size} facts; ${warnings.length === 0 ? 'every letter fits on one page' : 'draft refuses only a letter that itself runs past a page'}.`,
    );
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    out(`${error.problems.join('\n')}\n`, 'the list of problems');
    throw new AppError(
      `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in ${chosen ?? 'the built-in pack'}; fix ${error.problems.length === 1 ? 'it' : 'them'} and validate again.`,
    );
  }
}
