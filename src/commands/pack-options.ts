/**
 * The pack every command works with: the built-in one, with a user's pack layered over it from
 * --templates, else $BELARUS_LETTER_TEMPLATES, else the folder the wizard remembered.
 */
import { existsSync } from 'node:fs';
import { configPath } from '../config/config-path.js';
import { PackFolderError } from '../errors.js';
import type { BuiltinHint } from '../pack/builtin.js';
import type { Pack } from '../pack/load.js';
import type { OptionsOf } from '../options/table.js';

/** The program's options, and draft's --no-config (false: the remembered settings are ignored). */
export type GlobalOptions = OptionsOf<'program'> & Pick<OptionsOf<'draft'>, 'config' | 'language'>;

/** A command's --language, checked against the built-in languages (undefined: English). */
export async function languageOf(globals: Pick<GlobalOptions, 'language'>): Promise<string | undefined> {
  return globals.language === undefined ? undefined : (await import('../pack/languages.js')).builtinLanguage(globals.language, '--language');
}

/** The remembered folder, if any; a broken or missing settings file is no setting here. */
async function rememberedTemplates(): Promise<string | undefined> {
  if (!existsSync(configPath())) return undefined;
  try {
    const { readConfig } = await import('../config/config.js');
    return readConfig().templates;
  } catch {
    return undefined;
  }
}

export async function templatesDir(globals: GlobalOptions): Promise<string | undefined> {
  const given = globals.templates ?? (process.env.BELARUS_LETTER_TEMPLATES || undefined);
  if (given || globals.config === false) return given;
  const remembered = await rememberedTemplates();
  if (remembered && !existsSync(remembered)) {
    const { note } = await import('../ui.js');
    note(`The remembered template folder ${remembered} is gone; using the built-in pack. \`belarus-letter config clear\` forgets it.`);
    return undefined;
  }
  return remembered;
}

/**
 * A user's pack needs the full loader; the built-in one comes precompiled. A caller that will
 * render for one region in one format says so, and loads only the template functions for it.
 */
export async function packFor(globals: GlobalOptions, hint: BuiltinHint = {}): Promise<Pack> {
  const language = hint.language ?? (await languageOf(globals));
  return packFrom(await templatesDir(globals), { ...hint, language });
}

/** The pack of a template folder already found by templatesDir (undefined: the built-in one). */
export async function packFrom(dir: string | undefined, hint: BuiltinHint = {}): Promise<Pack> {
  if (dir) {
    // A user's pack with --language layers over that language's built-in pack.
    const baseDir = hint.language ? (await import('../pack/languages.js')).builtinPackDirFor(hint.language) : undefined;
    try {
      return (await import('../pack/load.js')).loadPack({ templatesDir: dir, baseDir });
    } catch (error) {
      if (error instanceof PackFolderError)
        throw new PackFolderError(dir, 'Give the folder made by `belarus-letter templates eject DIR`, or leave out --templates.');
      throw error;
    }
  }
  return (await import('../pack/builtin.js')).loadBuiltinPack(hint);
}

/**
 * With --language: refuses a region or official the language's pack has no letters for, naming
 * the languages that have them. Other packs load only on that error.
 */
export async function checkLanguageServes(pack: Pack, language: string | undefined, region: unknown, recipient: unknown, option = '--language'): Promise<void> {
  if (language === undefined || typeof region !== 'string' || region.trim() === '') return;
  const { builtinLanguages, languageNotServed, serves } = await import('../pack/languages.js');
  const want = typeof recipient === 'string' && recipient.trim() !== '' ? recipient.trim().toLowerCase() : undefined;
  const id = region.trim().toLowerCase();
  if (serves(pack, id, want)) return;
  const { loadBuiltinPack } = await import('../pack/builtin.js');
  const packs = new Map<string, Pack>();
  for (const l of builtinLanguages()) packs.set(l, l === language ? pack : await loadBuiltinPack({ language: l }));
  throw languageNotServed(language, id, want, packs, option);
}
