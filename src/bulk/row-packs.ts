/**
 * The packs a bulk run writes from: the batch's own (--language, else English, or the user's
 * --templates pack) and, for rows with a language column, that language's built-in pack, each
 * loaded the first time a row asks for it. A row's language that has no built-in pack, or whose
 * pack has no letters for the row's region or official, is that row's error.
 */
import { listChoices } from '../errors.js';
import type { Pack } from '../pack/load.js';
import { serves } from '../pack/languages.js';

export type RowPack = { ok: true; pack: Pack; language: string } | { ok: false; message: string };

export class RowPacks {
  private readonly loaded = new Map<string, Promise<Pack>>();

  /**
   * `load` gives another built-in language's pack; without it (a user's pack) every row is
   * written from `main`, and a row may only ask for its language.
   */
  constructor(
    main: Pack,
    private readonly mainLanguage: string,
    private readonly languages: readonly string[],
    private readonly load?: (language: string) => Promise<Pack>,
  ) {
    this.loaded.set(mainLanguage, Promise.resolve(main));
  }

  /** The languages a row may ask for. */
  get choices(): readonly string[] {
    return this.load ? this.languages : [this.mainLanguage];
  }

  private get(language: string): Promise<Pack> {
    let pack = this.loaded.get(language);
    if (pack === undefined) {
      pack = (this.load as (language: string) => Promise<Pack>)(language);
      this.loaded.set(language, pack);
    }
    return pack;
  }

  /**
   * The pack for a row's language (undefined: the batch's), checked to have letters for the
   * row's region and official. A region or official no language has is left for the id check,
   * which suggests the nearest one.
   */
  async forRow(value: string | undefined, region: string, recipient: string): Promise<RowPack> {
    const language = value === undefined ? this.mainLanguage : value.trim().toLowerCase();
    if (!this.choices.includes(language)) {
      const why = this.load ? 'there are no built-in letters in' : `this batch's pack is in "${this.mainLanguage}", not`;
      return { ok: false, message: `${why} "${value}"; choose ${listChoices(this.choices)}` };
    }
    const pack = await this.get(language);
    if (serves(pack, region, recipient) || !this.load) return { ok: true, pack, language };
    const have: string[] = [];
    for (const other of this.languages) if (serves(await this.get(other), region, recipient)) have.push(other);
    if (have.length === 0) return { ok: true, pack, language };
    return {
      ok: false,
      message: `the "${language}" letters are not for region ${region}, recipient ${recipient}; ${listChoices(have)} ${have.length === 1 ? 'has' : 'have'} them`,
    };
  }
}
