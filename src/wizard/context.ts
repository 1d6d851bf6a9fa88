/** What the wizard's questions share: the pack, what the command line gave, and the answers so far. */
import type { Config } from '../config/config.js';
import type { Pack } from '../pack/types.js';
import type { LetterRequestInput } from '../request.js';
import type { OfficialsSource } from '../officials/types.js';
import type { Prompts } from './prompts.js';

export interface Answers {
  region?: string;
  /** A built-in language other than English, chosen for the region (see ./language.ts). */
  language?: string;
  recipient?: string;
  recipientName?: string;
  recipientTitle?: string;
  stance?: string;
  facts?: string[];
  name?: string;
  city?: string;
  /** US: the ZIP code the officials were looked up by, and the official chosen from the directory. */
  zip?: string;
  recipientAddress?: string[];
  official?: ChosenOfficial;
  /** Street address (one line) and postcode: asked only of a constituency representative's writer. */
  address?: string;
  postcode?: string;
  /** State, province or territory (us, ca, au); a US ZIP in one state gives it as zipState. */
  state?: string;
  zipState?: string;
  /** The writer's country (ISO 3166-1 code): under their address when the letter crosses a border, and where their postcode goes. */
  country?: string;
  /** The guided personal part: each in the writer's own words, each optional. */
  connection?: string;
  why?: string;
  want?: string;
}

export interface WizardContext {
  pack: Pack;
  /** What the command line gave; these are never asked. */
  given: LetterRequestInput;
  /** Remembered answers, offered as defaults. */
  remembered: Config;
  prompts: Prompts;
  /** The officials data for a region, where there is some (the US directory); loaded when first asked. */
  officials?: (region: string) => OfficialsSource | undefined;
  /** --zip from the command line: not asked again. */
  zip?: string;
  /** The built-in packs by language, English first, when the writer may choose one; `pack` is the chosen one. */
  languagePacks?: ReadonlyMap<string, Pack>;
}

/** An official picked from the directory: who, for which recipient, and where the letter goes. */
export interface ChosenOfficial {
  id: string;
  region: string;
  recipient: string;
  name: string;
  sendTo: string[];
}
