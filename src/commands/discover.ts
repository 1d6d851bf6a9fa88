/** `regions`, `stances`, `facts`: what the pack offers, for people (text) and scripts (--json). */
import { AppError, UsageError } from '../errors.js';
import type { Pack } from '../pack/load.js';
import { compileSmall } from '../render/compile.js';
import { dateLocale, formatPartialDate } from '../render/dates.js';
import { emit, emitJson } from '../io/emit.js';
import { factSummary } from '../render/fact-text.js';
import { isEnglish } from '../pack/words.js';
import { sourceAddress, sourceEntry } from '../render/format.js';
import { finderFor } from '../officials/finders.js';
import { hasOfficialsData, officialsSource } from '../officials/sources.js';
import { noteAge, usSource } from './officials.js';
import type { OptionsOf } from '../options/table.js';
import { packFor, type GlobalOptions } from './pack-options.js';

type ListOptions = OptionsOf<'regions'> & OptionsOf<'stances'>;
/** timeout: seconds per source, as typed. */
type FactsOptions = OptionsOf<'facts'>;

const out = (text: string, what: string) => emit(text, {}, what);
const outJson = (value: unknown, what: string) => emitJson(value, {}, what);

export function regionsData(pack: Pack) {
  return pack.regions.map((region) => ({
    id: region.id,
    name: region.name,
    locale: region.locale,
    paper: region.paper,
    recipients: region.recipients.map((r) => ({
      id: r.id,
      label: r.label,
      constituent: r.constituent,
      // As printed when the writer gives no name; with a name it is filled in.
      salutation: compileSmall(pack, r.salutation)({ name: '', surname: '', title: '' }).trim(),
      exampleSalutation: compileSmall(pack, r.salutation)({ name: 'Jane Smith', surname: 'Smith', title: '' }).trim(),
      address: r.address.map((line) => compileSmall(pack, line)({ name: '', surname: '', title: '' }).trim()).filter(Boolean),
      action: r.action,
      basis: r.basis ?? null,
      finder: finderFor(region.id, r.id) ?? null,
    })),
    directory: directoryInfo(region.id),
  }));
}

/** The officials data a region has (the US directory), with its as-of date; null elsewhere. */
function directoryInfo(region: string) {
  if (!hasOfficialsData(region)) return null;
  const info = officialsSource(region)?.info;
  return info ? { asOf: info.asOf, origin: info.origin, lookup: 'belarus-letter officials --zip ZIP' } : null;
}

export async function runRegions(options: ListOptions, globals: GlobalOptions): Promise<void> {
  const data = regionsData(await packFor(globals));
  if (options.json) {
    outJson(data, 'the list of regions');
    return;
  }
  const lines: string[] = [];
  for (const region of data) {
    lines.push(`${region.id.padEnd(6)} ${region.name}`);
    for (const r of region.recipients) {
      lines.push(`  --recipient ${r.id.padEnd(20)} ${r.label}  (e.g. "${r.exampleSalutation}")`);
      if (r.finder) lines.push(`  ${''.padEnd(32)} find yours: ${r.finder.url}`);
    }
    if (region.directory) {
      lines.push(`  Members of Congress by ZIP code: \`${region.directory.lookup}\` (directory as of ${formatPartialDate(region.directory.asOf, 'en-US')})`);
    }
    lines.push('');
  }
  lines.push('Use: belarus-letter draft --region ID --recipient ID ...');
  out(`${lines.join('\n')}\n`, 'the list of regions');
  if (data.some((r) => r.directory)) await noteAge(usSource());
}

export async function runStances(options: ListOptions, globals: GlobalOptions): Promise<void> {
  const pack = await packFor(globals);
  const data = pack.stances.map((s) => ({ id: s.id, label: s.label, description: s.description, ask: s.ask, facts: s.facts }));
  if (options.json) {
    outJson(data, 'the list of stances');
    return;
  }
  const lines = data.flatMap((s) => [`${s.id.padEnd(12)} ${s.label}`, `             ${s.description}`, '']);
  lines.push('Use: belarus-letter draft --stance ID ...');
  out(`${lines.join('\n')}\n`, 'the list of stances');
}

export function factsData(pack: Pack) {
  return [...pack.facts.values()].map((f) => ({
    id: f.id,
    // A fact in the pack's own language has its dates in that language, as its letters write them.
    text: factSummary(f.text, isEnglish(pack.language) ? 'en-GB' : dateLocale(pack.language, pack.regions[0]?.locale ?? pack.language)),
    /** Every wording as written in the facts file, dates still marked. */
    wordings: f.text.map((t) => t.replace(/\s+/g, ' ').trim()),
    asOf: f.asOf,
    confidence: f.confidence,
    tags: f.tags,
    origin: f.origin,
    sources: f.sources.map((id) => {
      const s = pack.sources.get(id);
      return { id, title: s?.title ?? null, publisher: s?.publisher ?? '', date: s?.date ?? null, url: s?.url ?? null, reason: s?.reason ?? null };
    }),
  }));
}

export async function runFacts(options: FactsOptions, globals: GlobalOptions): Promise<void> {
  if (options.timeout !== undefined && !options.checkLinks) throw new UsageError('--timeout goes with --check-links.');
  const pack = await packFor(globals);
  if (options.checkLinks) return runCheckLinks(pack, options);
  const data = factsData(pack);
  if (options.json) {
    outJson(data, 'the list of facts');
    return;
  }
  const lines: string[] = [];
  for (const f of data) {
    const flags = [
      `as of ${formatPartialDate(f.asOf, 'en-GB')}`,
      f.confidence === 'medium' ? 'medium confidence: optional' : '',
      f.origin !== 'built-in' ? `from ${f.origin}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`${f.id} (${flags})`);
    lines.push(`  ${f.text}`);
    for (const { id } of f.sources) {
      const s = pack.sources.get(id);
      if (!s) continue;
      // As a letter's Sources section shows it: the entry, then its address on the line below.
      lines.push(`  - ${sourceEntry({ ...s, dateText: s.date ? formatPartialDate(s.date, 'en-GB') : undefined })}`, `    ${sourceAddress(s)}`);
    }
    lines.push('');
  }
  if (pack.countSource) lines.push(`The count of political prisoners changes every month: check ${pack.countSource} for the current figure.`);
  out(`${lines.join('\n')}\n`, 'the list of facts');
}

/** Seconds from --timeout: a positive number, at most a minute. */
function timeoutMs(text: string | undefined): number {
  if (text === undefined) return 10_000;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 60) {
    throw new UsageError(`--timeout must be a number of seconds between 0 and 60, like 10; got "${text}".`);
  }
  return Math.round(seconds * 1000);
}

/** `facts --check-links`: opens every source's address and reports each that fails, by id. */
async function runCheckLinks(pack: Pack, options: FactsOptions): Promise<void> {
  const ms = timeoutMs(options.timeout);
  const sources = [...pack.sources.values()];
  const targets = sources.filter((s) => s.url !== 'none').map((s) => ({ id: s.id, url: s.url }));
  const without = sources.filter((s) => s.url === 'none');
  const { checkLinks, looksOffline } = await import('../io/check-links.js');
  process.stderr.write(
    `Checking ${targets.length} source address${targets.length === 1 ? '' : 'es'}, ${CONCURRENCY} at a time, up to ${ms / 1000} s each...\n`,
  );
  const results = await checkLinks(targets, { timeoutMs: ms, concurrency: CONCURRENCY });
  if (looksOffline(results)) {
    throw new AppError(
      'No source address could be checked: not one host name resolved, so this machine looks offline.',
      1,
      'Connect to the internet and run `belarus-letter facts --check-links` again.',
    );
  }
  if (options.json) {
    const data = [
      ...results.map((r) => ({
        id: r.id,
        url: r.url,
        ok: r.ok,
        outcome: r.outcome,
        status: r.status ?? null,
        finalUrl: r.finalUrl ?? null,
        detail: r.detail ?? null,
      })),
      ...without.map((s) => ({ id: s.id, url: 'none', ok: true, outcome: 'no-address', status: null, finalUrl: null, detail: s.reason ?? null })),
    ];
    outJson(data, 'the link report');
  } else {
    const width = Math.max(...sources.map((s) => s.id.length));
    const lines = results.map((r) => {
      const what = r.ok ? String(r.status) : (r.detail ?? r.outcome);
      return `${r.ok ? 'ok  ' : 'FAIL'}  ${r.id.padEnd(width)}  ${what}  ${r.url}${r.finalUrl ? ` -> ${r.finalUrl}` : ''}`;
    });
    for (const s of without) lines.push(`none  ${s.id.padEnd(width)}  no address: ${s.reason ?? ''}`);
    out(`${lines.join('\n')}\n`, 'the link report');
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    throw new AppError(
      `${failed.length} of ${results.length} source addresses failed: ${failed.map((r) => `${r.id} (${r.outcome === 'status' ? `HTTP ${r.status}` : r.outcome.replace(/-/g, ' ')})`).join(', ')}.`,
      1,
      'Open each in a browser; fix or replace its url in facts.yaml, or cite another source that covers the fact.',
    );
  }
  process.stderr.write(`All ${results.length} addresses opened.\n`);
}

const CONCURRENCY = 4;
