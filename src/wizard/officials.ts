/**
 * The wizard's way to the writer's own official: for a region with officials data (the US), ask
 * for the ZIP code and offer the officials it gives by name, with "someone else" to type one;
 * elsewhere, point to the official finder while asking for the name.
 */
import { fieldsFor, stateOfZip } from '../officials/for-letter.js';
import { today } from '../io/terminal.js';
import { describeOfficial, sendToLines } from '../officials/choose.js';
import { finderFor } from '../officials/finders.js';
import { parseZip } from '../officials/us/lookup.js';
import type { Recipient, Region } from '../pack/schema.js';
import type { Pack } from '../pack/types.js';
import { compileSmall } from '../render/compile.js';
import { officialName } from '../render/names.js';
import type { Answers, WizardContext } from './context.js';

export function finderHelp(region: string, recipient: string): string {
  const finder = finderFor(region, recipient);
  return finder ? `. Not sure who yours is? ${finder.label}: ${finder.url}` : '';
}

const SOMEONE_ELSE = '';

/**
 * Asks the ZIP code and offers the officials it gives. Returns the chosen official's answers; or
 * only the ZIP (the writer will type a name); or undefined where there is no data to ask.
 */
export async function askOfficialByZip(ctx: WizardContext, answers: Answers, region: Region, recipient: Recipient): Promise<Partial<Answers> | undefined> {
  const source = ctx.officials?.(region.id);
  if (!source?.recipients.includes(recipient.id)) return undefined;
  const typed =
    ctx.zip ??
    (await ctx.prompts.input({
      id: 'zip',
      message: `Your ZIP code, to find your ${recipient.label} (Enter to type a name yourself)`,
      default: answers.zip,
      validate: (value) => (value.trim() === '' || parseZip(value) ? true : 'Please type the 5 digits of your ZIP code, like 97201, or leave it empty.'),
    }));
  const zip = parseZip(typed);
  if (!zip) return { zip: undefined };
  for (const text of source.ageNotes(today())) ctx.prompts.say(`Note: ${text}`);
  const result = source.lookup({ postcode: zip });
  const notes = recipient.id === 'representative' ? result.notes : result.notes.filter((n) => !n.includes('district'));
  for (const text of notes) ctx.prompts.say(text);
  for (const v of result.vacancies.filter((x) => x.recipient === recipient.id)) ctx.prompts.say(`Vacant: ${v.seat} has no member in the directory.`);
  // The ZIP's state goes on the writer's town line ("Portland, OR 97201"), so it is not asked.
  const zipState = stateOfZip(result);
  const candidates = result.officials.filter((o) => o.recipient === recipient.id);
  if (candidates.length === 0) return { zip, zipState };
  const chosen = await ctx.prompts.select<string>({
    id: 'official',
    message: `Which ${recipient.label} will you write to?`,
    choices: [
      ...candidates.map((o) => ({ value: o.id, name: describeOfficial(o), short: o.name, description: sendToLines(o)[0] })),
      { value: SOMEONE_ELSE, name: 'Someone else: type a name', short: 'someone else' },
    ],
    default: answers.official && candidates.some((o) => o.id === answers.official?.id) ? answers.official.id : undefined,
  });
  const official = candidates.find((o) => o.id === chosen);
  if (!official) return { zip, zipState };
  ctx.prompts.say(`The letter opens "${salutationFor(ctx.pack, recipient, official.name)}"`);
  return {
    zip,
    zipState,
    recipientName: official.name,
    recipientTitle: undefined,
    recipientAddress: fieldsFor(official, { recipient: official.recipient }).recipientAddress,
    official: { id: official.id, region: region.id, recipient: recipient.id, name: official.name, sendTo: sendToLines(official) },
  };
}

/** How the letter greets this official, as the wizard shows it while asking for their name. */
export function salutationFor(pack: Pack, recipient: Recipient, name?: string, title?: string): string {
  return compileSmall(pack, recipient.salutation)(officialName(name, title)).replace(/\s+/g, ' ').trim();
}
