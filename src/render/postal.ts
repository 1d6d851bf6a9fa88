/**
 * The writer's postal lines under their name, as an office reading the letter expects them: the
 * street lines, then the town with the postcode where the region writes it. The town is left out
 * when a street line already names it, and the postcode when a line already holds it, so a
 * writer who typed their whole address does not see it twice.
 */
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

export function postalLines(address: readonly string[], city: string, postcode: string | undefined, place: PostcodePlace): string[] {
  const lines = [...address];
  const code = postcode && !lines.some((l) => holds(l, postcode)) ? postcode : '';
  const cityShown = !lines.some((l) => holds(l, city));
  if (place === 'own-line') {
    if (cityShown) lines.push(city);
    if (code) lines.push(code);
    return lines;
  }
  if (cityShown) {
    lines.push(code ? (place === 'before-city' ? `${code} ${city}` : `${city} ${code}`) : city);
  } else if (code) {
    // The town is on the writer's own last line: the postcode goes with it.
    let i = lines.length - 1;
    while (i > 0 && !holds(lines[i] as string, city)) i--;
    lines[i] = place === 'before-city' ? `${code} ${lines[i]}` : `${lines[i]} ${code}`;
  }
  return lines;
}
