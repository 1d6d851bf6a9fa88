/**
 * How a bulk run ends: the summary on stderr (counts, warnings, the form-letter risk), the same
 * as JSON with --json, and the exit: an interruption or failed rows, with the command to carry on.
 */
import { resolve } from 'node:path';
import { AppError, EXIT, UsageError } from '../errors.js';
import { commandName } from '../io/invocation.js';
import { grouped } from '../numbers.js';
import { FORM_LETTER_TARGETS } from '../render/similarity.js';
import { info, note, warn } from '../ui.js';
import { SAMPLE_PER_GROUP, SIMILAR_WARNING, type RiskReport } from './form-letter-risk.js';
import { manifestPath } from './manifest.js';
import type { GroupReport, SpreadReport } from './spread.js';
import { resumeHint } from './resume.js';
import { MAX_PRINTED_ERRORS, type BulkRun } from './run.js';
import { counted, partOf } from './summary-words.js';

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function riskLines(risk: RiskReport, spread: SpreadReport, rowWord: string): string[] {
  const out: string[] = [];
  const similarity =
    risk.meanSimilarity === undefined
      ? 'too few letters of one region and stance to compare'
      : `mean similarity ${risk.meanSimilarity.toFixed(2)} between letters of the same region and stance (word trigrams, stories left out; ${grouped(risk.pairsCompared)} pair${risk.pairsCompared === 1 ? '' : 's'} from up to ${SAMPLE_PER_GROUP} sampled letters per group)`;
  out.push(`Form-letter risk: ${risk.identicalPairs} identical letter pair${risk.identicalPairs === 1 ? '' : 's'}; ${similarity}.`);
  if (risk.sharedSentences !== undefined && risk.shingleSimilarity !== undefined) {
    out.push(
      `As an office sorts mail: on average ${pct(risk.sharedSentences)} of a letter's sentences appear word for word in another; 8-word runs in common ${risk.shingleSimilarity.toFixed(2)}. Offices count near-identical letters as one; aim for at most ${pct(FORM_LETTER_TARGETS.meanSharedSentences)} and ${FORM_LETTER_TARGETS.meanShingleJaccard.toFixed(2)}.`,
    );
  }
  return [...out, ...spreadLines(spread, rowWord)];
}

/** "uk mp Jane Smith, maintain" from a group's key (see officeOf in run.ts). */
function officeName(group: string): string {
  const [language, region, recipient, name, stance] = group.split('|');
  return `${[region, recipient, name].filter(Boolean).join(' ')}, ${stance}${language === 'en' ? '' : ` (${language})`}`;
}

/**
 * Every pair of letters to one office, not a sample: the closest pair of any office against the
 * target, how many rows were drawn again to keep them apart, and the offices still over it.
 */
function spreadLines(spread: SpreadReport, rowWord: string): string[] {
  const offices = spread.groups.filter((g) => g.letters > 1);
  if (offices.length === 0) return [];
  const closest = offices.reduce((a, b) => (b.closestPair > a.closestPair ? b : a));
  const redrawn =
    spread.redrawn === 0
      ? 'no row needed another wording'
      : `${counted(spread.redrawn, rowWord)} drawn again with another wording (the seed is in the manifest)`;
  const out = [
    `Closest pair of letters to one office: ${pct(closest.closestPair)} of their sentences in common (target at most ${pct(spread.target)}), over ${counted(offices.length, 'office')}; ${redrawn}.`,
  ];
  const over = offices.filter((g) => g.closestPair > spread.target).sort((a, b) => b.closestPair - a.closestPair);
  if (over.length > 0) {
    const named = over
      .slice(0, 3)
      .map((g: GroupReport) => `${officeName(g.group)} ${pct(g.closestPair)}${g.rows ? ` (${rowWord}s ${g.rows[0]} and ${g.rows[1]})` : ''}`);
    out.push(
      `${partOf(over.length, offices.length, 'office')} a pair over the target even so: ${named.join('; ')}${over.length > 3 ? `; and ${counted(over.length - 3, 'more', 'more')}` : ''}. A story column, or fewer letters to one official, spreads them further.`,
    );
  }
  const past = offices.filter((g) => g.unindexed > 0);
  if (past.length > 0) {
    const cap = grouped(spread.cap);
    out.push(
      `${partOf(past.length, offices.length, 'office', ['had', 'had'])} more than ${cap} letters: each letter after an office's ${cap}th was kept apart from its first ${cap} only, not from every other. Fewer letters to one official keeps every pair apart.`,
    );
  }
  return out;
}

/** --json: what the summary on stderr says, for a script. */
function jsonSummary(run: BulkRun, report: RiskReport, spread: SpreadReport, elapsed: number) {
  const { counts, settings } = run;
  return {
    input: run.sheet.source.name,
    outDir: settings.toStdout ? null : settings.outDir,
    dryRun: settings.dryRun,
    letters: counts.done,
    skipped: counts.skipped,
    alreadyThere: counts.same,
    failed: counts.failed,
    seconds: elapsed / 1000,
    stopped: run.stopped ?? null,
    manifest: run.manifest ? manifestPath(settings.outDir) : null,
    formLetterRisk: {
      identicalPairs: report.identicalPairs,
      identicalExamples: report.identicalExamples,
      meanSimilarity: report.meanSimilarity ?? null,
      sharedSentences: report.sharedSentences ?? null,
      maxSharedSentences: report.maxSharedSentences ?? null,
      shingleSimilarity: report.shingleSimilarity ?? null,
      pairsCompared: report.pairsCompared,
      withoutStory: report.withoutStory,
      closestPairTarget: spread.target,
      redrawn: spread.redrawn,
      officesOverTarget: spread.over,
      offices: spread.groups.map(({ group, letters, closestPair, rows, unindexed }) => ({
        office: group,
        letters,
        closestPair,
        rows: rows ?? null,
        unindexed,
      })),
      officeIndexCap: spread.cap,
    },
    warnings: [...run.warnings].map(([message, { count, row }]) => ({ message, letters: count, firstRow: row })),
  };
}

export function printSummary(run: BulkRun): void {
  const { counts, settings, sheet } = run;
  const { words } = sheet;
  const { dryRun, toStdout, outDir } = settings;
  const elapsed = Date.now() - run.started;
  for (const [text, { count, row }] of run.warnings) {
    note(count === 1 ? `${words.row} ${row}: ${text}` : `${text} (${counted(count, 'letter')})`);
  }
  if (run.printedErrors > MAX_PRINTED_ERRORS) {
    info(`... and ${counted(run.printedErrors - MAX_PRINTED_ERRORS, 'more failed row')}${run.manifest ? `, listed in ${manifestPath(outDir)}` : ''}.`);
  }
  const verb = dryRun ? 'Would write' : toStdout ? 'Printed' : 'Wrote';
  const where = toStdout ? '' : ` ${dryRun ? 'to' : 'in'} ${resolve(outDir) === resolve('.') ? 'this folder' : `${outDir}/`}`;
  info(
    `${verb} ${counted(counts.done, 'letter')}${where}: ${counts.same > 0 ? `${grouped(counts.same)} already there as this run would write ${counts.same === 1 ? 'it' : 'them'}, ` : ''}${grouped(counts.skipped)} skipped, ${grouped(counts.failed)} failed, in ${formatSeconds(elapsed)}.`,
  );
  const report = run.risk.report();
  const spread = run.spread.report();
  if (run.options.json) run.print(`${JSON.stringify(jsonSummary(run, report, spread, elapsed))}\n`, 'the JSON summary');
  if (report.letters === 0) return;
  for (const line of riskLines(report, spread, words.row)) info(line);
  if (report.identicalPairs > 0) {
    const examples = report.identicalExamples.map(([a, b]) => `${words.row}s ${a} and ${b}`).join(', ');
    warn(`some letters are identical (${examples}); is a sender listed twice? Give each a different seed column, or remove the repeats.`);
  }
  if (report.meanSimilarity !== undefined && report.meanSimilarity > SIMILAR_WARNING) {
    warn('letters of the same region and stance read much alike; officials may count them as one form letter. Personal stories help most.');
  }
  if (report.withoutStory * 2 > report.letters) {
    warn(
      `${partOf(report.withoutStory, report.letters, 'letter')} no personal story; a few sentences in the sender's own words (a story column) make a letter count.`,
    );
  }
}

/** After the last row: the summary, then the exit a stop or failed rows call for. */
export function finish(run: BulkRun): void {
  const { counts, settings, sheet, options } = run;
  const { source, columns, words, addedArgs } = sheet;
  const { outDir, writing, file } = settings;
  if (run.broken) {
    printSummary(run);
    const resume = writing ? `The letters before it were written; fix the file and run again with --resume:\n  ${resumeHint(file, addedArgs)}` : undefined;
    throw new AppError(run.broken.message, EXIT.failed, [run.broken.hint, resume].filter(Boolean).join('\n') || undefined);
  }
  if (run.seenRows === 0 && !run.stopped) {
    throw new UsageError(
      `${source.name} has a header but no rows of senders.`,
      `Add one row per sender under the header (see \`${commandName()} bulk --example\`).`,
    );
  }
  // A CSV's header is checked against --map before any row; JSON records can differ in their keys.
  for (const map of source.format === 'csv' ? [] : columns.mapper.unusedMaps()) {
    warn(`--map "${map.header}=${map.spec?.column ?? ''}" met no ${words.column} "${map.header}" in ${source.name}.`);
  }
  printSummary(run);

  if (run.stopped === 'pipe') note('stdout was closed by the program reading it; stopped there.');
  if (run.stopped === 'interrupt') {
    throw new AppError(
      `Stopped after ${counted(counts.done + counts.failed + counts.skipped + counts.same, 'row')}.`,
      EXIT.interrupted,
      writing ? `Every letter written is whole. To carry on:\n  ${resumeHint(file, addedArgs)}` : undefined,
    );
  }
  if (counts.failed === 0) return;
  const one = counts.differ === 1;
  throw new AppError(
    `${partOf(counts.failed, run.seenRows, 'row', ['failed', 'failed'])}${options.failFast ? '; stopped at the first (--fail-fast)' : ''}.`,
    EXIT.failed,
    counts.differ === counts.failed && !options.resume
      ? `${one ? 'That letter is' : 'Those letters are'} already in ${outDir}/ but ${one ? 'differs' : 'differ'} from what this run writes (the sheet, the options or the date changed?). To replace ${one ? 'it' : 'them'}:\n  ${resumeHint(file, addedArgs, '--force')}\nTo keep ${one ? 'it' : 'them'} and write only the rest:\n  ${resumeHint(file, addedArgs)}`
      : writing
        ? `Each is listed above and in ${manifestPath(outDir)}. Fix them in the file and run again; the rows already written are skipped:\n  ${resumeHint(file, addedArgs)}`
        : 'Each is listed above; fix them in the file and run again.',
  );
}
