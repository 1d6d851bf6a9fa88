/**
 * --language picks a built-in pack. The German and Polish packs are their own engineers' work:
 * until they land, a small German fixture stands in as packs/de.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinLanguages, builtinPackDirFor, languageNotServed, useLanguagePacksDir } from '../../src/pack/languages.js';
import { loadBuiltinPack } from '../../src/pack/builtin.js';
import { EXIT } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { DEFAULT, scriptedPrompts } from '../helpers/prompts.js';
import { requestInputFromOptions } from '../../src/commands/draft.js';
import { runWizard, type WizardIO } from '../../src/wizard/wizard.js';
import { builtinPack } from '../helpers/pack.js';

const GERMAN_FIXTURE = join(import.meta.dirname, '../fixtures/packs/de');
const writer = ['-s', 'maintain', '-n', 'Jana Novak', '-c', 'Berlin', '--date', '2026-11-30'];

beforeAll(() => {
  const packs = tempDir('bl-packs-');
  cpSync(GERMAN_FIXTURE, join(packs, 'de'), { recursive: true });
  useLanguagePacksDir(packs);
});
afterAll(() => useLanguagePacksDir(undefined));

describe('the built-in languages', () => {
  it('are English first, then each pack folder', () => {
    expect(builtinLanguages()).toEqual(['en', 'de']);
    expect(existsSync(join(builtinPackDirFor('de'), 'pack.yaml'))).toBe(true);
  });

  it('load the chosen pack only', async () => {
    const pack = await loadBuiltinPack({ language: 'de' });
    expect(pack.language).toBe('de');
    expect(pack.regions.map((r) => r.id)).toEqual(['eu']);
    expect((await loadBuiltinPack()).language).toBe('en');
  });
});

describe('draft --language', () => {
  it("writes the letter from that language's pack", async () => {
    const run = await runMain(['draft', '--language', 'DE', '-r', 'eu', '-t', 'mep', ...writer]);
    // Only notes for the writer (how old the facts are, what would greet the MEP by name, no words of their own), nothing gone wrong.
    expect(run.stderr.split('\n').filter((l) => !l.startsWith('  - ') && l !== '')).toEqual([
      expect.stringMatching(/^note: Facts in this letter go up to/),
      expect.stringMatching(
        /^note: The letter opens "Sehr geehrte Damen und Herren," because it has neither their name nor a courtesy title: give their name with --recipient-name/,
      ),
      expect.stringMatching(/^note: The letter has no words of your own/),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Berlin, 30. November 2026');
    expect(run.stdout).toContain('Mit freundlichen Grüßen');
    expect(run.stdout).not.toContain('Sources');
  });

  it('refuses a language with no built-in pack, listing those there are', async () => {
    const run = await runMain(['draft', '--language', 'fr', '-r', 'eu', '-t', 'mep', ...writer]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('There are no built-in letters in "fr" (--language). Choose en or de.');
    expect(run.stdout).toBe('');
  });

  it('refuses a region the language has no letters for, naming the languages that have them', async () => {
    const run = await runMain(['draft', '--language', 'de', '-r', 'uk', '-t', 'mp', ...writer]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('The built-in letters in "de" (--language) are not for region uk, recipient mp; the letters in en are.');
    expect(run.stderr).toContain('The "de" letters are for eu (mep).');
    expect(run.stdout).toBe('');
  });

  it('refuses an official of the region the language does not write to', async () => {
    const run = await runMain(['draft', '--language', 'de', '-r', 'eu', '-t', 'foreign-minister', ...writer]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.stderr).toContain('are not for region eu, recipient foreign-minister; the letters in en are.');
  });

  it('says when no language has the region', () => {
    const packs = new Map([['en', builtinPack()]]);
    // The caller says where the language came from; the core names no flag of its own.
    expect(languageNotServed('en', 'mars', undefined, packs, 'language').message).toBe(
      'The built-in letters in "en" (language) are not for region mars, and no built-in language has them.',
    );
  });
});

describe('templates eject --language', () => {
  it("copies that language's pack, which then layers over the same language", async () => {
    const dir = join(tempDir('bl-eject-'), 'paket');
    const run = await runMain(['templates', 'eject', '--language', 'de', dir]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'pack.yaml'), 'utf8')).toContain('language: de');
    const validate = await runMain(['templates', 'validate', dir]);
    expect(validate.code).toBe(0);
    const draft = await runMain(['--templates', dir, 'draft', '-r', 'eu', '-t', 'mep', ...writer]);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('Quellen');
    // Over the German pack, not the English one: the letter is the German template's.
    expect(draft.stdout).not.toContain('Dear');
  });
});

describe('the wizard', () => {
  const session = async (script: Record<string, unknown>) => {
    const en = builtinPack();
    const packs = new Map([
      ['en', en],
      ['de', await loadBuiltinPack({ language: 'de' })],
    ]);
    const prompts = scriptedPrompts({
      recipientName: 'Jane Smith',
      stance: DEFAULT,
      facts: DEFAULT,
      name: 'Jana Novak',
      city: 'Berlin',
      address: '',
      postcode: '',
      connection: '',
      why: '',
      want: '',
      action: 'print',
      ...script,
    });
    const printed: string[] = [];
    const io: WizardIO = { show: () => undefined, print: (t) => printed.push(t), exists: () => false, writeFile: () => undefined, heading: (t) => t };
    const result = await runWizard({ pack: en, given: requestInputFromOptions({ date: '2026-11-30' }), remembered: {}, prompts, languagePacks: packs }, io);
    return { prompts, printed, result };
  };

  it('offers the languages the chosen region has, English first and by default, and writes in the one chosen', async () => {
    const { prompts, printed } = await session({ region: 'eu', language: 'de', recipient: 'mep' });
    expect(prompts.ids().slice(0, 3)).toEqual(['region', 'language', 'recipient']);
    const asked = prompts.asked.find((a) => a.id === 'language');
    expect(asked?.choices?.map((c) => c.value)).toEqual(['en', 'de']);
    expect(asked?.choices?.map((c) => c.name)).toEqual(['English', 'Deutsch (German)']);
    expect(asked?.default).toBe('en');
    expect(printed.join('')).toContain('Berlin, 30. November 2026');
    expect(printed.join('')).toContain('Quellen');
  });

  it('does not ask for a region only English has', async () => {
    const { prompts, printed } = await session({ region: 'uk', recipient: 'mp', city: 'Leeds' });
    expect(prompts.ids()).not.toContain('language');
    expect(printed.join('')).toContain('Dear Jane Smith,');
  });
});
