/** The pack every command works with: built-in, with --templates or $BELARUS_LETTER_TEMPLATES over it. */
import { loadPack, type Pack } from '../pack/load.js';

export interface GlobalOptions {
  templates?: string;
  debug?: boolean;
}

export function templatesDir(globals: GlobalOptions): string | undefined {
  return globals.templates ?? (process.env.BELARUS_LETTER_TEMPLATES || undefined);
}

export function packFor(globals: GlobalOptions): Pack {
  return loadPack({ templatesDir: templatesDir(globals) });
}
