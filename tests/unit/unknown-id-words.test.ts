/**
 * The core throws one typed UnknownIdError for an id the pack lacks; each front end words it in
 * its own terms: draft by the option, bulk by the row and column, the wizard by its question.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnknownIdError } from '../../src/errors.js';
import type { Pack } from '../../src/pack/load.js';
import { unknownIdInRow } from '../../src/bulk/row-ids.js';
import { unknownIdForOption } from '../../src/validate.js';
import { answerNames, unknownIdForQuestion, unknownIdForWizard } from '../../src/wizard/id-words.js';
import type { WizardContext } from '../../src/wizard/questions.js';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { builtinPack } from '../helpers/pack.js';

const REGIONS = ['us', 'uk', 'eu', 'ca', 'au', 'other'];
const typo = () => new UnknownIdError('region', ['ukk'], REGIONS);

describe('UnknownIdError', () => {
  it('carries field, value, choices and a near choice, and names no flag', () => {
    const error = typo();
    expect(error).toMatchObject({ field: 'region', value: 'ukk', choices: REGIONS, suggestion: 'uk', exitCode: 2 });
    expect(error.message).toBe('Unknown region "ukk"; did you mean "uk"? Choose us, uk, eu, ca, au or other.');
    expect(new UnknownIdError('region', ['narnia'], REGIONS).suggestion).toBeUndefined();
  });
});

describe('draft words it by the option', () => {
  it('names --region, suggests the near one and says where to look', async () => {
    const args = [...UK_MP];
    args[args.indexOf('--region') + 1] = 'ukk';
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown region "ukk" (--region); did you mean "uk"? Choose us, uk, eu, ca, au or other.');
    expect(r.stderr).toContain('belarus-letter regions');
    expect(r.stdout).toBe('');
  });

  it('names --recipient with its region, and --facts', async () => {
    const recipient = [...UK_MP];
    recipient[recipient.indexOf('--recipient') + 1] = 'senator';
    expect((await runMain(recipient)).stderr).toContain('Unknown recipient "senator" for region uk (--recipient). Choose mp or foreign-secretary.');
    const facts = await runMain([...UK_MP, '--facts', 'made-up']);
    expect(facts.code).toBe(2);
    expect(facts.stderr).toMatch(/Unknown fact "made-up" \(--facts\)[.;]/);
  });

  it('is worded the same for any front end that takes options', () => {
    const error = unknownIdForOption(new UnknownIdError('stance', ['lift'], ['maintain', 'strengthen']));
    expect(error.message).toBe('Unknown stance "lift" (--stance). Choose maintain or strengthen.');
    expect(error.hint).toMatch(/belarus-letter stances/);
  });
});

describe('bulk words it by the row and column', () => {
  it('names the column the value came from, or the option whose default the row took', () => {
    const nameOf = (field: string) => (field === 'region' ? 'column Region' : `option --${field}`);
    expect(unknownIdInRow(typo(), nameOf)).toBe('column Region: unknown region "ukk" (did you mean "uk"?); choose us, uk, eu, ca, au or other');
    expect(unknownIdInRow(new UnknownIdError('recipient', ['senator'], ['mp', 'foreign-secretary'], 'uk'), nameOf)).toBe(
      'option --recipient: uk has no official "senator"; choose mp or foreign-secretary',
    );
    expect(unknownIdInRow(new UnknownIdError('fact', ['a', 'b'], ['x', 'y']), nameOf)).toBe('option --facts: unknown fact "a", "b"; choose from x or y');
  });

  it('reports a row with an unknown stance or fact by row and column, not by a flag, and writes the others', async () => {
    const dir = tempDir('bl-unknown-id-');
    const sheet = join(dir, 'senders.csv');
    writeFileSync(
      sheet,
      'name,city,region,recipient,recipient_name,stance,facts\n' +
        'Alex Doe,Leeds,uk,mp,Jane Smith,maintain,\n' +
        'Sam Roe,Leeds,uk,mp,Jane Smith,maintian,\n' +
        'Kim Poe,Leeds,uk,mp,Jane Smith,maintain,made-up\n',
    );
    const r = await runMain(['bulk', sheet, '--out-dir', join(dir, 'letters'), '--date', '2026-01-10']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3, column stance: unknown stance "maintian" (did you mean "maintain"?); choose maintain, strengthen or conditional');
    expect(r.stderr).toMatch(/row 4, column facts: unknown fact "made-up"/);
    expect(r.stderr).not.toMatch(/--stance|--facts/);
    expect(r.stderr).toMatch(/Wrote 1 letter/);
  });
});

describe('the wizard words it by its question, or by the option when one gave the id', () => {
  let pack: Pack;
  beforeAll(() => {
    pack = builtinPack();
  });
  const ctx = (given: Record<string, string>) => ({ pack, given, remembered: {}, prompts: {} }) as unknown as WizardContext;

  it('names the question for an answer', () => {
    const error = unknownIdForWizard(ctx({}), typo());
    expect(error.message).toBe(
      'Your answer to "Where you live" ("ukk") is not a region this template pack has; did you mean "uk"? Choose us, uk, eu, ca, au or other.',
    );
    expect(unknownIdForQuestion(new UnknownIdError('recipient', ['x'], ['mp'], 'uk'), 'Who you write to').message).toMatch(
      /^Your answer to "Who you write to" \("x"\) is not an official of uk this template pack has\. Choose mp\.$/,
    );
  });

  it('names the option for an id the command line gave', () => {
    expect(unknownIdForWizard(ctx({ region: 'ukk' }), typo()).message).toMatch(/^Unknown region "ukk" \(--region\); did you mean "uk"\?/);
  });

  it("names a field in the core's notes by its question, or by its option when the command line gave it", () => {
    const names = answerNames(ctx({ postcode: 'LS1 1AA' }));
    expect(names('address')).toBe('"Your street address"');
    expect(names('recipientName')).toBe('"Their name"');
    expect(names('postcode')).toBe('--postcode');
    expect(names('maxChars')).toBe('--max-chars');
  });
});
