/**
 * `belarus-letter templates preview [DIR]`: every letter a pack can write, for its author to
 * read through. To stdout, each under a header naming the request, its word count and how alike
 * two senders' letters are; or one file per letter into a folder; or JSON for scripts.
 */
import { emit, emitFile, jsonText } from '../io/emit.js';
import { existsSync, statSync } from 'node:fs';
import { makeFolder } from '../io/make-folder.js';
import { join, resolve } from 'node:path';
import { SIMILAR_WARNING } from '../bulk/form-letter-risk.js';
import { AppError, isAppError, listChoices, UsageError } from '../errors.js';
import { PREVIEW_DATE, PREVIEW_SENDERS, previewLetter, previewRequests, type PreviewLetter } from '../render/preview.js';
import { ONE_PAGE_WORDS } from '../render/letter.js';
import { BODY_EXTENSIONS, type BodyFormat } from '../request.js';
import { info, warn } from '../ui.js';
import { namingOptions } from '../validate.js';
import type { OptionsOf } from '../options/table.js';
import { languageOf, packFrom, templatesDir, type GlobalOptions } from './pack-options.js';

/** format is one of the choices commander checked against the table: a BodyFormat. */
export type PreviewCommandOptions = Omit<OptionsOf<'templates preview'>, 'format'> & { format?: BodyFormat };

const out = (text: string) => emit(text, {}, 'the preview');
const where = (p: Pick<PreviewLetter, 'region' | 'recipient' | 'stance'>) => `region ${p.region}, recipient ${p.recipient}, stance ${p.stance}`;
const fileName = (p: Pick<PreviewLetter, 'template' | 'region' | 'recipient' | 'stance'>, format: BodyFormat) =>
  `${p.template}-${p.region}-${p.recipient}-${p.stance}.${BODY_EXTENSIONS[format]}`;

export function previewHeader(p: PreviewLetter): string {
  return `=== ${where(p)} (template ${p.template}): ${p.words} words; similarity ${p.similarity.toFixed(2)} to a second sender's letter ===`;
}

/** The folder for --out-dir, made if missing; refused when it would replace letters without --force. */
function prepareOutDir(dir: string, names: string[], force: boolean | undefined): string {
  const root = resolve(dir);
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UsageError(`${dir} (--out-dir) exists and is not a folder.`, 'Choose a folder name.');
  const taken = force ? [] : names.filter((name) => existsSync(join(root, name)));
  if (taken.length > 0) {
    throw new AppError(
      `${join(dir, taken[0] as string)}${taken.length > 1 ? ` and ${taken.length - 1} more preview file${taken.length === 2 ? '' : 's'}` : ''} already exist${taken.length > 1 ? '' : 's'}; nothing was written.`,
      1,
      'Add --force to replace them, or choose another --out-dir.',
    );
  }
  makeFolder(root);
  return root;
}

function summarise(letters: PreviewLetter[], packName: string): void {
  if (letters.length === 0) return;
  const words = letters.map((p) => p.words);
  const alike = [...letters].sort((a, b) => b.similarity - a.similarity)[0] as PreviewLetter;
  const least = Math.min(...letters.map((p) => p.similarity));
  const templates = [...new Set(letters.map((p) => p.template))];
  info(
    `Previewed ${letters.length} letter${letters.length === 1 ? '' : 's'} of ${packName} (template${templates.length === 1 ? '' : 's'} ${templates.join(', ')}) from ${PREVIEW_SENDERS[0].name}, dated ${PREVIEW_DATE}: ` +
      `${Math.min(...words)} to ${Math.max(...words)} words; similarity to a second sender's letter ${least.toFixed(2)} to ${alike.similarity.toFixed(2)} (highest: ${where(alike)}, template ${alike.template}).`,
  );
  const long = letters.filter((p) => p.words > ONE_PAGE_WORDS);
  if (long.length > 0)
    warn(
      `${long.length} letter${long.length === 1 ? ' runs' : 's run'} past one page (${ONE_PAGE_WORDS} words): ${listChoices(
        long.slice(0, 3).map((p) => `${where(p)} (${p.words})`),
        'and',
      )}${long.length > 3 ? ', ...' : ''}.`,
    );
  const similar = letters.filter((p) => p.similarity > SIMILAR_WARNING);
  if (similar.length > 0) {
    warn(
      `${similar.length} letter${similar.length === 1 ? ' reads' : 's read'} much like a second sender's (similarity over ${SIMILAR_WARNING}); officials may count them as one form letter. More phrasings ({{#variants}}) help.`,
    );
  }
}

export async function runTemplatesPreview(dir: string | undefined, options: PreviewCommandOptions, globals: GlobalOptions): Promise<void> {
  const format = options.format ?? 'text';
  const chosen = dir ?? (await templatesDir(globals));
  const pack = await packFrom(chosen, { language: await languageOf(globals) });
  const jobs = namingOptions(() => previewRequests(pack, { format, template: options.template }));
  const names = jobs.map(({ template, ids }) => fileName({ template: template.meta.id, ...ids }, format));
  const root = options.outDir === undefined ? undefined : prepareOutDir(options.outDir, names, options.force);

  const letters: PreviewLetter[] = [];
  const records: (Omit<PreviewLetter, 'letter'> & { letter?: string; file?: string })[] = [];
  const failed: string[] = [];
  jobs.forEach(({ template, ids }, i) => {
    let p: PreviewLetter;
    try {
      p = previewLetter(pack, template, ids, format);
    } catch (error) {
      if (!isAppError(error)) throw error;
      failed.push(`${template.file}: ${where(ids)}: ${error.message}`);
      return;
    }
    letters.push(p);
    if (root) {
      const file = join(options.outDir as string, names[i] as string);
      emitFile(join(root, names[i] as string), p.letter.endsWith('\n') ? p.letter : `${p.letter}\n`, options.force);
      records.push({ ...p, letter: undefined, file });
      if (!options.json) out(`${file}\t${p.words} words\tsimilarity ${p.similarity.toFixed(2)}\n`);
    } else if (options.json) records.push(p);
    else out(`${previewHeader(p)}\n\n${p.letter.replace(/\n*$/, '')}\n\n`);
  });

  if (options.json) {
    out(
      jsonText({
        pack: chosen ?? 'built-in',
        format,
        date: PREVIEW_DATE,
        senders: PREVIEW_SENDERS.map((s) => s.name),
        outDir: options.outDir ?? null,
        letters: records,
        failed,
      }),
    );
  }
  summarise(letters, chosen ?? 'the built-in pack');
  if (failed.length > 0) {
    for (const line of failed) info(line);
    throw new AppError(`${failed.length} letter${failed.length === 1 ? '' : 's'} of the preview could not be rendered (listed above).`);
  }
}
