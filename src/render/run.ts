/**
 * Running a letter's template over its view: the compiled template for the letter's format and
 * spelling, the helpers' shared state (which facts it cites), and a fresh render budget.
 */
import { AppError } from '../errors.js';
import type { Pack } from '../pack/types.js';
import type { FieldNamer } from '../request.js';
import { RenderBudget } from './budget.js';
import type { PreparedLetter } from './build-view.js';
import { compiled, TemplateRenderError, type RenderState } from './compile.js';
import { countWords } from './word-count.js';
import type { LetterView } from '../pack/view.js';

export interface RenderOptions {
  /** Take the longest phrasing of every section instead of the seed's: how validation finds a
   * template's longest letter without trying every seed. */
  longest?: boolean;
  /** How the caller names a request field in an error or a note (draft its option, bulk its column). */
  names?: FieldNamer;
}

/** The state a render's helpers share; each fact the template cites is added to `cited`. */
export function letterState(pack: Pack, prepared: PreparedLetter, cited: string[], options: RenderOptions = {}): RenderState {
  const { region, recipient, stance } = prepared;
  return {
    seed: prepared.seed,
    longest: options.longest,
    ids: { stance: stance.id, region: region.id, recipient: recipient.id, locale: region.locale },
    cite(id: string): string {
      const fact = pack.facts.get(id);
      if (!fact) throw new TemplateRenderError(`unknown fact "${id}"`);
      if (!cited.includes(id)) cited.push(id);
      if (!options.longest) return prepared.factText(fact);
      return prepared.factWordings(fact).reduce((a, b) => (countWords(b) > countWords(a) ? b : a));
    },
  };
}

/** The template's output for a view: sections still marked, not yet tidied. */
export function runTemplate(pack: Pack, prepared: PreparedLetter, state: RenderState, view: LetterView = prepared.view): string {
  const { template, bodyFormat, region } = prepared;
  const set = compiled(pack, { escape: bodyFormat === 'html', spelling: region.spelling });
  const fn = set.templates.get(template.meta.id);
  if (!fn) throw new AppError(`Template ${template.meta.id} is not compiled.`);
  try {
    // Each render starts with a full budget.
    state.budget = new RenderBudget();
    const out = fn(view, { data: { letter: state }, partials: set.partials });
    state.budget.output(out.length);
    return out;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      `Template ${template.file} could not render: ${(error as Error).message}`,
      1,
      'Check the template with `belarus-letter templates validate`.',
    );
  }
}
