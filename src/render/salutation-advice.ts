/**
 * Which option would change the letter's salutation, worked out from the pack itself: the letter's
 * salutation is rendered again with a sample name and courtesy title, so the advice holds for any
 * pack, whether its manifest line or a partial greets ("Szanowni Państwo," until a title is given,
 * "Dear Secretary Smith:" until one says "Mr." or "Madam"), and says nothing where nothing would
 * change ("Dear Minister,").
 */
import type { Pack } from '../pack/types.js';
import type { FieldNamer, LetterRequest } from '../request.js';
import { prepareLetter } from './build-view.js';
import { NO_TRIM } from './fit.js';
import { letterState, runTemplate, type RenderOptions } from './run.js';
import { splitSections } from './sections.js';
import { tidy } from './finish.js';
import { plainText } from './format.js';

/** A name and the two courtesy titles of each built-in pack's language; English for any other. */
const SAMPLES: Record<string, { name: string; titles: [string, string] }> = {
  en: { name: 'Jane Smith', titles: ['Ms', 'Mr'] },
  de: { name: 'Sabine Berger', titles: ['Frau', 'Herr'] },
  pl: { name: 'Anna Nowak', titles: ['Pani', 'Pan'] },
};

/** A salutation with an empty slot ("Sehr geehrte Frau ,"): a form that needs both, tried with one. */
const UNFINISHED = /\s[,:]$|\s{2}/;

function salutationOf(pack: Pack, request: LetterRequest, options: RenderOptions): string {
  const prepared = prepareLetter(pack, request, NO_TRIM);
  const raw = runTemplate(pack, prepared, letterState(pack, prepared, [], options));
  return plainText(splitSections(raw, tidy).find((s) => s.role === 'salutation')?.text ?? '', prepared.bodyFormat);
}

/**
 * The note saying which of the official's name and courtesy title would change the salutation, or
 * ''. `current` is the letter's salutation as it stands.
 */
export function salutationAdvice(pack: Pack, request: LetterRequest, current: string, names: FieldNamer, options: RenderOptions = {}): string {
  const hasName = Boolean(request.recipientName?.trim());
  const hasTitle = Boolean(request.recipientTitle?.trim());
  if (hasName && hasTitle) return '';
  const sample = (SAMPLES[pack.language] ?? SAMPLES.en) as (typeof SAMPLES)['en'];
  const greet = (name: string | undefined, title: string | undefined) =>
    salutationOf(pack, { ...request, recipientName: name ?? request.recipientName, recipientTitle: title ?? request.recipientTitle }, options);
  const sampleName = hasName ? undefined : sample.name;
  // Both titles, for forms that differ by them ("Szanowna Pani Minister," / "Szanowny Panie Ministrze,").
  const full = sample.titles.map((t) => greet(sampleName, hasTitle ? undefined : t));
  const changed = [...new Set(full)].filter((s) => s !== current && !UNFINISHED.test(s));
  if (changed.length === 0) return '';
  // The fewest options that give it: the title alone, the name alone, or both.
  const titleAlone = !hasTitle && !hasName && greet(undefined, sample.titles[0]) === full[0];
  const nameAlone = !hasName && !hasTitle && greet(sample.name, undefined) === full[0];
  const needsName = !hasName && !titleAlone;
  const needsTitle = !hasTitle && !nameAlone;
  const titles = `${sample.titles[0]} or ${sample.titles[1]}`;
  const nameField = names('recipientName');
  const titleField = names('recipientTitle');
  // The wizard takes the title with the name ("Ms Jane Smith"): one answer for both.
  const together = nameField === titleField;
  const give =
    needsName && needsTitle
      ? together
        ? `their name with ${titles} before it in ${nameField}`
        : `their name with ${nameField} and ${titles} with ${titleField}`
      : needsName
        ? `their name with ${nameField}`
        : together
          ? `${titles} before their name in ${nameField}`
          : `${titles} with ${titleField}`;
  const lacking = needsName && needsTitle ? 'neither their name nor a courtesy title' : needsName ? 'no name for them' : 'no courtesy title';
  const forms = changed.map((s) => `"${s}"`).join(' or ');
  // With a sample name the forms are examples of what their name gives.
  return `The letter opens "${current}" because it has ${lacking}: give ${give} for ${needsName ? 'a greeting such as ' : ''}${forms}.`;
}
