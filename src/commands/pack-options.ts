/** The pack every command works with: built-in, with --templates or $BELARUS_LETTER_TEMPLATES over it. */
import type { Pack } from '../pack/load.js';

export interface GlobalOptions {
  templates?: string;
  debug?: boolean;
}

export function templatesDir(globals: GlobalOptions): string | undefined {
  return globals.templates ?? (process.env.BELARUS_LETTER_TEMPLATES || undefined);
}

/** A user's pack needs the full loader; the built-in one comes precompiled. */
export async function packFor(globals: GlobalOptions): Promise<Pack> {
  const dir = templatesDir(globals);
  if (dir) return (await import('../pack/load.js')).loadPack({ templatesDir: dir });
  return (await import('../pack/builtin.js')).loadBuiltinPack();
}
