/**
 * The writer's postal lines under their name, as an office reading the letter expects them: the
 * street lines, then the town with the state and postcode where the region writes them, then the
 * writer's country when the letter crosses a border. The town is left out when a street line
 * already names it, and the state or postcode when a line already holds it, so a writer who typed
 * their whole address (or "Portland, OR" as their city) does not see any of it twice.
 */
import { TOWN_LINE } from '../pack/town-line.js';

export type PostcodePlace = 'after-city' | 'before-city' | 'own-line';

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether `line` holds `part` as whole words ("Leeds" in "Headingley, Leeds"), ignoring case and punctuation. */
export function holds(line: string, part: string): boolean {
  const p = squash(part);
  return p !== '' && ` ${squash(line)} `.includes(` ${p} `);
}

/**
 * Whether `line` holds a state: a short code only as written in capitals ("OR" in "Portland, OR",
 * not the word "or"), a state's name ("Victoria") in any case.
 */
function holdsState(line: string, state: string): boolean {
  if (state.length > 3) return holds(line, state);
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${state.replace(/[^\p{L}\p{N}]/gu, '')}(?:$|[^\\p{L}\\p{N}])`, 'u').test(line);
}

export interface TownParts {
  /** State, province or territory, as the writer gave it. */
  state?: string;
  /** The region's town line with {city}, {state} and {postcode} (see the pack's region.state.line). */
  townLine?: string;
  /** The writer's country, in words, when the letter goes to another country. */
  country?: string;
}

export function postalLines(address: readonly string[], city: string, postcode: string | undefined, place: PostcodePlace, parts: TownParts = {}): string[] {
  const lines = [...address];
  const code = postcode && !lines.some((l) => holds(l, postcode)) ? postcode : '';
  const cityShown = !lines.some((l) => holds(l, city));
  const townLine = parts.townLine ? TOWN_LINE.exec(parts.townLine) : null;
  // A code typed in lower case ("or") is written as the post writes it ("OR").
  const given = parts.state && parts.state.length <= 3 ? parts.state.toUpperCase() : parts.state;
  const state = given && townLine && ![...lines, city].some((l) => holdsState(l, given)) ? given : '';
  if (townLine) {
    // "Portland" + ", OR" + " 97201"; without a state the postcode follows the town after a space.
    const [, beforeState, beforeCode] = townLine as unknown as [string, string, string];
    const tail = (head: string) => {
      let text = head;
      if (state) text += `${beforeState}${state}`;
      if (code) text += `${state ? beforeCode : ' '}${code}`;
      return text;
    };
    if (cityShown) lines.push(tail(city));
    else if (state || code) {
      const i = lastHolding(lines, city);
      lines[i] = tail(lines[i] as string);
    }
  } else if (place === 'own-line') {
    if (cityShown) lines.push(city);
    if (code) lines.push(code);
  } else if (cityShown) {
    lines.push(code ? (place === 'before-city' ? `${code} ${city}` : `${city} ${code}`) : city);
  } else if (code) {
    // The town is on the writer's own last line: the postcode goes with it.
    const i = lastHolding(lines, city);
    lines[i] = place === 'before-city' ? `${code} ${lines[i]}` : `${lines[i]} ${code}`;
  }
  if (parts.country && !lines.some((l) => holds(l, parts.country as string))) lines.push(parts.country);
  return lines;
}

/** The last line that names the town (the first line if none does). */
function lastHolding(lines: readonly string[], city: string): number {
  let i = lines.length - 1;
  while (i > 0 && !holds(lines[i] as string, city)) i--;
  return i;
}

/**
 * The town as the letter's sentences name it: "Portland" for a city typed "Portland, OR" where the
 * region writes a state in the address. The state is in the sender's address block already, and
 * in running prose it would need a comma after it as well as before ("Portland, OR, and").
 */
export function townForProse(city: string): string {
  return city.replace(/,\s*[A-Z]{2,3}\.?$/, '').trim() || city;
}
