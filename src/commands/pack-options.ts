/**
 * The pack every command works with: the built-in one, with a user's pack layered over it from
 * --templates, else $BELARUS_LETTER_TEMPLATES, else the folder the wizard remembered.
 */
import { existsSync } from 'node:fs';
import { configPath } from '../config/config-path.js';
import type { BuiltinHint } from '../pack/builtin.js';
import type { Pack } from '../pack/load.js';
import type { OptionsOf } from '../options/table.js';

/** The program's options, and draft's --no-config (false: the remembered settings are ignored). */
export type GlobalOptions = OptionsOf<'program'> & Pick<OptionsOf<'draft'>, 'config'>;

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
  return packFrom(await templatesDir(globals), hint);
}

/** The pack of a template folder already found by templatesDir (undefined: the built-in one). */
export async function packFrom(dir: string | undefined, hint: BuiltinHint = {}): Promise<Pack> {
  if (dir) return (await import('../pack/load.js')).loadPack({ templatesDir: dir });
  return (await import('../pack/builtin.js')).loadBuiltinPack(hint);
}
