/** `draft --zip`: the US official for the writer's ZIP, filled into the request before it renders. */
import { UsageError } from '../errors.js';
import { sendToLines } from '../officials/choose.js';
import { fieldsFor, officialForZip, stateOfZip } from '../officials/for-letter.js';
import { officialsSource } from '../officials/sources.js';
import type { Official } from '../officials/types.js';
import { parseZip } from '../officials/us/lookup.js';
import type { LetterRequestInput } from '../request.js';
import { noteAge } from './officials.js';

export interface ZipOptions {
  zip?: string;
  official?: string;
}

/** Checks --zip and --official against --region; a ZIP with no region means the US. */
export function checkZipOptions(options: ZipOptions, input: LetterRequestInput): string | undefined {
  if (options.zip === undefined) {
    if (options.official !== undefined) throw new UsageError('--official picks one of the officials for your ZIP code: give --zip too.');
    return undefined;
  }
  const zip = parseZip(options.zip);
  if (!zip) throw new UsageError(`"${options.zip}" is not a ZIP code (--zip): give five digits, like 97201.`);
  const region = String(input.region ?? '')
    .trim()
    .toLowerCase();
  if (region !== '' && region !== 'us')
    throw new UsageError(
      `--zip looks up US members of Congress; it does not go with --region ${region}.`,
      "Leave out --zip, and give your official's name with --recipient-name (see `belarus-letter regions` for where to find it).",
    );
  if (region === '') input.region = 'us';
  return zip;
}

/** Fills the official's name and address when the recipient is known; returns who it is. */
export async function applyZip(input: LetterRequestInput, zip: string, options: ZipOptions): Promise<Official | undefined> {
  const recipient = String(input.recipient ?? '')
    .trim()
    .toLowerCase();
  const source = officialsSource('us');
  if (!source || recipient === '') return undefined;
  if (!source.recipients.includes(recipient)) {
    throw new UsageError(
      `--zip finds your senators and representative; --recipient ${recipient} is not looked up by ZIP code.`,
      'Leave out --zip, or choose --recipient senator or representative.',
    );
  }
  // The ZIP the officials were found by is the writer's ZIP on the letter too.
  if (input.postcode === undefined || String(input.postcode).trim() === '') input.postcode = zip;
  await noteAge(source);
  const outcome = officialForZip(
    source,
    zip,
    { recipient, recipientName: input.recipientName, recipientAddress: input.recipientAddress as string[] | undefined, official: options.official },
    '--official ID',
  );
  const { note } = await import('../ui.js');
  if (!outcome.ok) throw new UsageError(outcome.message, outcome.hint);
  if (input.state === undefined || String(input.state).trim() === '') input.state = stateOfZip(outcome.result);
  for (const text of outcome.notes) note(text);
  if (!outcome.official) return undefined;
  Object.assign(
    input,
    fieldsFor(outcome.official, { recipient, recipientName: input.recipientName, recipientAddress: input.recipientAddress as string[] | undefined }),
  );
  return outcome.official;
}

/** After the letter: where this official takes it, on stderr. */
export async function sayWhereToSend(official: Official): Promise<void> {
  const { info } = await import('../ui.js');
  info(`Send it to ${official.name}:\n  ${sendToLines(official).join('\n  ')}`);
}
