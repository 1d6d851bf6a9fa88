/**
 * Whether the writer's own words already ask the official for something. A letter whose story
 * says "Please speak up for them" does not then need the template's own restated ask: saying it
 * twice reads as a form.
 */
const ASKING =
  /\b(?:please|i (?:would )?(?:ask|urge|call on|implore|beg) you|i want you to|i(?:'d| would) like you to|i hope you (?:will|can)|(?:could|would|will) you\b[^.?!]*\?)/i;

export const storyAsks = (story: string): boolean => ASKING.test(story);
