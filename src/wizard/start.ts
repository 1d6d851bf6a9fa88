/** Starting the wizard from `draft`: the real pack, prompts, files and remembered answers. */
import { configPath, readConfig, writeConfig, type Config } from '../config/config.js';
import { kindAt } from '../io/regular-file.js';
import { emit, emitFile } from '../io/emit.js';
import type { Pack } from '../pack/load.js';
import type { LetterRequestInput } from '../request.js';
import { paint, warn } from '../ui.js';
import { hasOfficialsData, officialsSource } from '../officials/sources.js';
import { inquirerPrompts, wrapToTerminal } from './inquirer.js';
import { runWizard, type WizardIO, type WizardOptions, type WizardOutcome } from './wizard.js';

export interface StartOptions extends WizardOptions {
  /** false with --no-config: neither read nor offer to store remembered answers. */
  config: boolean;
  /** --language: the pack is that language's already, and the wizard does not ask. */
  language?: string;
}

function remembered(path: string): Config {
  try {
    return readConfig(path);
  } catch (error) {
    // A broken settings file should not stop anyone writing a letter.
    warn(`${(error as Error).message} Carrying on without it.`);
    return {};
  }
}

/** Takes the pack as it loads, so that it and the prompts load side by side. */
export async function startWizard(packLoading: Pack | Promise<Pack>, given: LetterRequestInput, options: StartOptions): Promise<WizardOutcome> {
  const path = configPath();
  const io: WizardIO = {
    show: (text) => process.stderr.write(`\n${wrapToTerminal(text)}\n`),
    print: (text) => emit(text, {}, 'the letter'),
    exists(file) {
      try {
        const kind = kindAt(file);
        return kind === undefined ? false : kind === 'a file' ? 'file' : kind === 'a folder' ? 'folder' : kind;
      } catch {
        return false;
      }
    },
    writeFile: (file, data, force) => emitFile(file, data, force),
    remember: options.config ? { path, save: (config) => writeConfig(config, path) } : undefined,
    heading: (text) => paint.bold.underline(text),
  };
  const [pack, prompts] = await Promise.all([packLoading, inquirerPrompts()]);
  const officials = (region: string) => (hasOfficialsData(region) ? officialsSource(region) : undefined);
  const languagePacks = options.language === undefined ? await builtinPacksBesides(pack) : undefined;
  return runWizard({ pack, given, remembered: options.config ? remembered(path) : {}, prompts, officials, zip: options.zip, languagePacks }, io, options);
}

/**
 * Every built-in language's pack, English first, when the writer drafts from the English
 * built-in pack and another language has one: the wizard then offers the choice.
 */
async function builtinPacksBesides(pack: Pack): Promise<ReadonlyMap<string, Pack> | undefined> {
  if (pack.layers.length !== 1 || pack.layers[0]?.origin !== 'built-in' || pack.language !== 'en') return undefined;
  const { builtinLanguages } = await import('../pack/languages.js');
  const others = builtinLanguages().slice(1);
  if (others.length === 0) return undefined;
  const { loadBuiltinPack } = await import('../pack/builtin.js');
  return new Map([['en', pack], ...(await Promise.all(others.map(async (l) => [l, await loadBuiltinPack({ language: l })] as const)))]);
}
