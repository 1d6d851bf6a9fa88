/**
 * A render's budget. Validation proves a template names only what exists, not that it ends soon:
 * an {{#each facts}} inside an {{#each facts}} inside another, or phrasings nested in phrasings,
 * multiply. Loops and phrasings count steps and the text they make, and a render that runs past
 * either limit stops with an error (named with its template by the caller) instead of running
 * for hours. Steps, not a clock: the same letter always renders, or fails, the same way.
 */

/** Thrown when a render runs past its budget; runTemplate names the template. */
export class RenderBudgetError extends Error {}

/** A one-page letter takes a few hundred steps (loop turns and phrasings rendered). */
export const MAX_STEPS = 100_000;
/** A one-page letter is a few thousand characters. */
export const MAX_OUTPUT_CHARS = 200_000;

export class RenderBudget {
  private steps = 0;

  /** One more loop turn or phrasing. */
  step(): void {
    if (++this.steps > MAX_STEPS) {
      throw new RenderBudgetError(
        `it takes more than ${MAX_STEPS.toLocaleString('en')} steps (loops or phrasings inside each other multiply); a one-page letter needs a few hundred`,
      );
    }
  }

  /** The length of text made by one loop turn, phrasing or the whole template. */
  output(chars: number): void {
    if (chars > MAX_OUTPUT_CHARS) throw new RenderBudgetError(`it makes more than ${MAX_OUTPUT_CHARS / 1000} KB of text; a letter is one page`);
  }
}
