/**
 * Where a country's post writes the postcode in an address: before the town ("0150 Oslo"), after
 * it ("Valletta VLT 1117"), or on a line of its own below the town ("LS1 4AB", "D02 X285"). The
 * writer's own country decides their sender block, not the region of the letter: a Norwegian
 * writing through the generic region gets "0150 Oslo" as Norway writes it.
 *
 * Only countries whose convention was checked (the Universal Postal Union's country guides and
 * the open address-format data that web address forms use) are listed; any other country keeps
 * the pack region's setting rather than a guess.
 */
import type { PostcodePlace } from './postal.js';

// The Nordic countries, then continental Europe.
const BEFORE_CITY = 'DK FI IS NO SE AT BE BG CH CY CZ DE EE ES FR GR HR IT LI LT LU MD ME MK NL PL PT RO RS SI SK BA GE TR'.split(' ');

const AFTER_CITY = ['US', 'CA', 'AU', 'NZ', 'MT'];

/** The postcode below the town, as Royal Mail and An Post (the Eircode) ask for it. */
const OWN_LINE = ['GB', 'IE'];

const PLACES: ReadonlyMap<string, PostcodePlace> = new Map<string, PostcodePlace>([
  ...BEFORE_CITY.map((c) => [c, 'before-city'] as const),
  ...AFTER_CITY.map((c) => [c, 'after-city'] as const),
  ...OWN_LINE.map((c) => [c, 'own-line'] as const),
]);

/** Where the postcode goes for a writer in `country` (ISO 3166-1 alpha-2); `fallback` (the region's setting) when the country is unknown or not listed. */
export function postcodePlaceFor(country: string | undefined, fallback: PostcodePlace): PostcodePlace {
  return (country && PLACES.get(country.toUpperCase())) || fallback;
}
