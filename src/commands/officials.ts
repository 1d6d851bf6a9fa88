/** `belarus-letter officials`: who represents a US ZIP code or state, from the dated directory. */
import { AppError, UsageError } from '../errors.js';
import { today } from '../io/terminal.js';
import { emit, emitJson } from '../io/emit.js';
import { formatPartialDate } from '../render/dates.js';
import { describeOfficial } from '../officials/choose.js';
import { HOUSE_FINDER, SENATE_FINDER } from '../officials/finders.js';
import { officialsSource } from '../officials/sources.js';
import { parseState, parseZip } from '../officials/us/lookup.js';
import type { LookupResult, Official, OfficialsSource } from '../officials/types.js';
import type { OptionsOf } from '../options/table.js';

export type OfficialsOptions = OptionsOf<'officials'>;

export function usSource(): OfficialsSource {
  return officialsSource('us') as OfficialsSource;
}

/** The notes about the directory's age, on stderr, once per run. */
let warnedAge = false;
export async function noteAge(source: OfficialsSource, day = today()): Promise<void> {
  if (warnedAge) return;
  warnedAge = true;
  const notes = source.ageNotes(day);
  if (notes.length === 0) return;
  const { note, warn } = await import('../ui.js');
  for (const text of notes) (text.startsWith('A new Congress') ? warn : note)(text);
}

export function resetAgeNote(): void {
  warnedAge = false;
}

/** --zip and --state as a query; exactly one. */
export function queryFrom(options: OfficialsOptions): { postcode?: string; area?: string } {
  if (options.zip !== undefined && options.state !== undefined) throw new UsageError('Give --zip or --state, not both.');
  if (options.zip !== undefined) {
    const zip = parseZip(options.zip);
    if (!zip) throw new UsageError(`"${options.zip}" is not a ZIP code (--zip): give five digits, like 97201.`);
    return { postcode: zip };
  }
  if (options.state !== undefined) {
    const state = parseState(options.state);
    if (!state) throw new UsageError(`"${options.state}" is not a US state (--state): give its two-letter code, like OR, or its name.`);
    return { area: state };
  }
  throw new UsageError('Give your ZIP code (--zip 97201) or your state (--state OR).', 'Run `belarus-letter officials --help` for examples.');
}

function officialBlock(o: Official): string[] {
  const lines = [`  ${describeOfficial(o)}    --official ${o.id}`];
  lines.push(`    ${o.sendTo.postal.join(', ')}`);
  const reach = [
    o.sendTo.phone ? `phone ${o.sendTo.phone}` : '',
    o.sendTo.website ?? '',
    o.sendTo.contactForm ? `web form ${o.sendTo.contactForm}` : '',
  ].filter(Boolean);
  if (reach.length > 0) lines.push(`    ${reach.join(' · ')}`);
  if (o.offices.length > 0)
    lines.push(
      `    ${o.offices.length === 1 ? 'Local office' : `${o.offices.length} local offices, e.g.`}: ${o.offices[0]?.lines.join(', ')}${o.offices[0]?.phone ? ` (${o.offices[0].phone})` : ''}`,
    );
  return lines;
}

export function officialsText(result: LookupResult, source: OfficialsSource): string {
  const where = result.areas.map((a) => a.name).join(' and ');
  const head = result.query.postcode
    ? `ZIP ${result.query.postcode}${where ? `: ${where}` : ''}${result.match === 'exact' ? `, ${result.districts.length === 1 ? 'district' : 'districts'} ${result.districts.join(', ')}` : ''}`
    : `${where}: ${result.districts.length === 1 ? 'district' : `${result.districts.length} districts`} ${result.districts.join(', ')}`;
  const sources = source.info.sources.map(
    (s) => `${s.repo} ${/^[0-9a-f]{40}$/.test(s.commit) ? s.commit.slice(0, 7) : s.commit}, ${formatPartialDate(s.date, 'en-US')}`,
  );
  const lines = [head, `Members of Congress as of ${formatPartialDate(source.info.asOf, 'en-US')} (${source.info.origin}).`, `From ${sources.join('; ')}.`, ''];
  const senators = result.officials.filter((o) => o.recipient === 'senator');
  const reps = result.officials.filter((o) => o.recipient === 'representative');
  const vacant = (recipient: string) =>
    result.vacancies.filter((v) => v.recipient === recipient).map((v) => `  Vacant: ${v.seat} (no member in the directory)`);
  const senateVacant = vacant('senator');
  if (senators.length > 0 || senateVacant.length > 0)
    lines.push(senators.length + senateVacant.length === 1 ? 'Senator' : 'Senators', ...senators.flatMap(officialBlock), ...senateVacant, '');
  const houseVacant = vacant('representative');
  if (reps.length > 0 || houseVacant.length > 0) {
    const title =
      reps.length + houseVacant.length === 1 ? 'Representative' : result.match === 'exact' ? 'Representatives (one of them is yours)' : 'Representatives';
    lines.push(title, ...reps.flatMap(officialBlock), ...houseVacant, '');
  }
  for (const n of result.notes) lines.push(`Note: ${n}`);
  if (result.notes.length > 0) lines.push('');
  if (result.officials.length > 0) {
    const zip = result.query.postcode ? `--zip ${result.query.postcode}` : `--region us`;
    lines.push(`Use: belarus-letter draft ${zip} --recipient senator|representative [--official ID] ...`);
  } else {
    lines.push(`Find yours: ${HOUSE_FINDER} and ${SENATE_FINDER}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runOfficials(options: OfficialsOptions): Promise<void> {
  const query = queryFrom(options);
  const source = usSource();
  const result = source.lookup(query);
  await noteAge(source);
  if (options.json) emitJson({ ...result, directory: source.info }, {}, 'the officials');
  // Nothing found is a failed lookup (exit 1), said in one line with where to look instead.
  if (result.match === 'none') throw new AppError(result.notes[0] ?? `ZIP ${query.postcode} is not in the directory.`);
  if (!options.json) emit(officialsText(result, source), {}, 'the officials');
}

export type UpdateCommandOptions = OptionsOf<'officials update'>;

export async function runOfficialsUpdate(options: UpdateCommandOptions): Promise<void> {
  const { updateDirectory, DEFAULT_BASE_URL } = await import('../officials/update.js');
  const { cachePath, forgetLoadedDirectory } = await import('../officials/store.js');
  const { info } = await import('../ui.js');
  const path = cachePath();
  const base = options.baseUrl ?? process.env.BELARUS_LETTER_OFFICIALS_URL ?? DEFAULT_BASE_URL;
  info(`Downloading the directory's sources from ${base} ...`);
  const { directory } = await updateDirectory({ base, path, today: today() });
  forgetLoadedDirectory();
  const houses = directory.members.reduce((n, m) => n + (m.chamber === 'house' ? 1 : 0), 0);
  info(
    `Rebuilt the directory: ${directory.members.length - houses} senators and ${houses} members of the House, as of ${formatPartialDate(directory.asOf, 'en-US')}.`,
  );
  info(
    `Saved to ${path}; \`officials\`, \`draft --zip\` and the questions use it from now on (\`config clear\` leaves it; delete the file to go back to the shipped copy).`,
  );
}
