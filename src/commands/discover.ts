/** `regions`, `stances`, `facts`: what the pack offers, for people (text) and scripts (--json). */
import type { Pack } from '../pack/load.js';
import { compileSmall } from '../render/compile.js';
import { formatPartialDate } from '../render/dates.js';
import { factSummary } from '../render/fact-text.js';
import { packFor, type GlobalOptions } from './pack-options.js';

interface ListOptions {
  json?: boolean;
}

const out = (text: string) => process.stdout.write(text);

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
    })),
  }));
}

export async function runRegions(options: ListOptions, globals: GlobalOptions): Promise<void> {
  const data = regionsData(await packFor(globals));
  if (options.json) { out(`${JSON.stringify(data, null, 2)}\n`); return; }
  const lines: string[] = [];
  for (const region of data) {
    lines.push(`${region.id.padEnd(6)} ${region.name}`);
    for (const r of region.recipients) {
      lines.push(`  --recipient ${r.id.padEnd(20)} ${r.label}  (e.g. "${r.exampleSalutation}")`);
    }
    lines.push('');
  }
  lines.push('Use: belarus-letter draft --region ID --recipient ID ...');
  out(`${lines.join('\n')}\n`);
}

export async function runStances(options: ListOptions, globals: GlobalOptions): Promise<void> {
  const pack = await packFor(globals);
  const data = pack.stances.map((s) => ({ id: s.id, label: s.label, description: s.description, ask: s.ask, facts: s.facts }));
  if (options.json) { out(`${JSON.stringify(data, null, 2)}\n`); return; }
  const lines = data.flatMap((s) => [`${s.id.padEnd(12)} ${s.label}`, `             ${s.description}`, '']);
  lines.push('Use: belarus-letter draft --stance ID ...');
  out(`${lines.join('\n')}\n`);
}

export function factsData(pack: Pack) {
  return [...pack.facts.values()].map((f) => ({
    id: f.id,
    text: factSummary(f.text, 'en-GB'),
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

export async function runFacts(options: ListOptions, globals: GlobalOptions): Promise<void> {
  const pack = await packFor(globals);
  const data = factsData(pack);
  if (options.json) { out(`${JSON.stringify(data, null, 2)}\n`); return; }
  const lines: string[] = [];
  for (const f of data) {
    const flags = [`as of ${formatPartialDate(f.asOf, 'en-GB')}`, f.confidence === 'medium' ? 'medium confidence: optional' : '', f.origin !== 'built-in' ? `from ${f.origin}` : '']
      .filter(Boolean)
      .join('; ');
    lines.push(`${f.id} (${flags})`);
    lines.push(`  ${f.text}`);
    for (const s of f.sources) {
      lines.push(`  - ${[s.publisher, s.title ? `"${s.title}"` : '', s.date ? formatPartialDate(s.date, 'en-GB') : ''].filter(Boolean).join(', ')}`);
      lines.push(`    ${s.url === 'none' ? `no web address: ${s.reason ?? ''}` : (s.url ?? '')}`);
    }
    lines.push('');
  }
  if (pack.countSource) lines.push(`The count of political prisoners changes every month: check ${pack.countSource} for the current figure.`);
  out(`${lines.join('\n')}\n`);
}
