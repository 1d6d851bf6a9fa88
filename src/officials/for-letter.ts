/**
 * A ZIP code into a letter's request: the official's name and postal address, filled only where
 * the writer gave none. Shared by `draft --zip`, a bulk row's ZIP column and the wizard.
 */
import { listChoices } from '../errors.js';
import { formatPartialDate } from '../render/dates.js';
import { chooseOfficial, describeOfficial, type Choice } from './choose.js';
import { finderFor } from './finders.js';
import type { LookupResult, Official, OfficialsSource } from './types.js';

export interface GivenOfficial {
  recipient: string;
  recipientName?: string;
  recipientAddress?: readonly string[];
  official?: string;
}

/** Name and address from the data, each only where the writer gave none. */
export function fieldsFor(official: Official, given: GivenOfficial): { recipientName: string; recipientAddress: string[] } {
  return {
    recipientName: given.recipientName?.trim() ? given.recipientName : official.name,
    recipientAddress: given.recipientAddress && given.recipientAddress.length > 0 ? [...given.recipientAddress] : official.sendTo.postal,
  };
}

/** The writer's state when their ZIP lies in one state only (the post and offices read it with the ZIP). */
export function stateOfZip(result: LookupResult): string | undefined {
  return result.match === 'exact' && result.areas.length === 1 ? result.areas[0]?.code : undefined;
}

export type ZipOutcome =
  | { ok: true; official?: Official; result: LookupResult; notes: string[] }
  | { ok: false; message: string; hint?: string; candidates?: Official[] };

const plural = (recipient: string) => (recipient === 'senator' ? 'senators' : 'representatives');

/**
 * What a ZIP gives for one recipient, worded for the writer. `pickWith` names how they pick one
 * of several: "--official ID" on the command line, a column in bulk.
 */
export function officialForZip(source: OfficialsSource, zip: string, given: GivenOfficial, pickWith: string): ZipOutcome {
  const result = source.lookup({ postcode: zip });
  const finder = finderFor(source.region, given.recipient);
  const check = finder ? `check at ${finder.url}.` : undefined;
  if (result.match === 'none') return { ok: false, message: result.notes[0] ?? `ZIP ${zip} is not in the directory.` };
  const choice: Choice = chooseOfficial(result, given.recipient, { official: given.official, recipientName: given.recipientName });
  const relevant = given.recipient === 'representative' ? result.notes : result.notes.filter((n) => !n.includes('district'));
  switch (choice.kind) {
    case 'official':
      return { ok: true, official: choice.official, result, notes: relevant };
    case 'named': {
      const names = result.officials.filter((o) => o.recipient === given.recipient).map((o) => o.name);
      return {
        ok: true,
        result,
        notes: [
          `"${given.recipientName}" is not one of the ${plural(given.recipient)} the directory has for ZIP ${zip}${names.length ? ` (${listChoices(names, 'and')})` : ''}; the letter uses the name you gave${given.recipientAddress?.length ? '' : ' and the general address'}.`,
        ],
      };
    }
    case 'several': {
      const wrong = given.official !== undefined ? `${pickWith.split(' ')[0]} ${given.official} is not one of them. ` : '';
      const why =
        result.match === 'exact' && given.recipient === 'representative'
          ? `ZIP ${zip} spans ${result.districts.length} districts (${result.districts.join(', ')})`
          : result.match === 'area'
            ? `ZIP ${zip} is not in the Census ZIP table, so every district of ${result.areas.map((a) => a.name).join(' and ')} is a candidate`
            : `ZIP ${zip} has ${choice.candidates.length} ${plural(given.recipient)}`;
      return {
        ok: false,
        message: `${why}: ${wrong}pick one with ${pickWith}:\n${choice.candidates.map((o) => `  ${o.id.padEnd(8)} ${describeOfficial(o)}`).join('\n')}`,
        hint: given.recipient === 'representative' && check ? `Not sure which district is yours? ${check.charAt(0).toUpperCase()}${check.slice(1)}` : undefined,
        candidates: choice.candidates,
      };
    }
    case 'vacant':
      return {
        ok: false,
        message: `The seat for ZIP ${zip} (${choice.seats.join(', ')}) is vacant in the directory as of ${formatPartialDate(source.info.asOf, 'en-US')}: there is no ${given.recipient} to name.`,
        hint: `A new member may have been sworn in since${check ? `: ${check}` : '.'} Then give their name with --recipient-name, or write to a senator.`,
      };
    case 'none':
      return {
        ok: false,
        message: `${result.areas.map((a) => a.name).join(' and ') || `ZIP ${zip}`} has no ${plural(given.recipient)} in Congress.`,
        hint: given.recipient === 'senator' ? 'Write to its member of the House instead: --recipient representative.' : undefined,
      };
  }
}
