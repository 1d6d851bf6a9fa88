import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestInputFromOptions, type DraftOptions } from '../../src/commands/draft.js';
import { writeConfig, type Config } from '../../src/config/config.js';
import { FileError } from '../../src/io/fs-errors.js';
import { loadPack, type Pack } from '../../src/pack/load.js';
import { render } from '../../src/render/render.js';
import { defaultFacts } from '../../src/render/resolve.js';
import { runWizard, type WizardIO, type WizardOptions } from '../../src/wizard/wizard.js';
import { tempDir } from '../helpers/cli.js';
import { DEFAULT, scriptedPrompts } from '../helpers/prompts.js';

let pack: Pack;
beforeAll(() => {
  pack = loadPack();
});

const DATE = '2026-11-25';

function memoryIO(existing: Record<string, string> = {}, remember = true) {
  const files = new Map(Object.entries(existing));
  const shown: string[] = [];
  /** What was shown after the welcome: the previews. */
  const previews = () => shown.slice(1);
  const printed: string[] = [];
  const stored: Config[] = [];
  const writes: { path: string; force: boolean }[] = [];
  const io: WizardIO = {
    show: (text) => shown.push(text),
    print: (text) => printed.push(text),
    exists: (path) => (path === 'letters' ? 'folder' : files.has(path) ? 'file' : false),
    writeFile(path, data, force) {
      writes.push({ path, force });
      if (files.has(path) && !force) throw new Error(`${path} exists`);
      files.set(path, data);
    },
    remember: remember ? { path: '/tmp/cfg/belarus-letter/config.json', save: (c) => stored.push(c) } : undefined,
    heading: (text) => `## ${text}`,
  };
  return { io, files, shown, previews, printed, stored, writes };
}

/** A whole first session for a UK MP letter; override any answer. */
const UK_SESSION = {
  region: 'uk',
  recipient: 'mp',
  recipientName: 'Ms Jane Smith',
  stance: DEFAULT,
  facts: DEFAULT,
  name: 'Alex Doe',
  city: 'Leeds',
  address: '12 Station Road',
  postcode: 'LS1 4AB',
  state: '',
  connection: 'my aunt in Hrodna was jailed in 2021 for joining a march',
  why: '',
  want: 'Please speak up for those still inside',
  action: 'save',
  format: DEFAULT,
  path: DEFAULT,
  remember: false,
};

async function session(
  script: Record<string, unknown>,
  options: { given?: DraftOptions; remembered?: Config; existing?: Record<string, string>; remember?: boolean; wizard?: WizardOptions } = {},
) {
  const prompts = scriptedPrompts(script);
  const mem = memoryIO(options.existing, options.remember ?? true);
  const given = requestInputFromOptions({ date: DATE, ...options.given });
  const result = await runWizard({ pack, given, remembered: options.remembered ?? {}, prompts }, mem.io, options.wizard);
  return { ...mem, prompts, result };
}

describe('wizard: a first session', () => {
  it('asks each question once, in order, and saves the letter render() gives for the same request', async () => {
    const { prompts, result, files } = await session(UK_SESSION);
    expect(prompts.ids()).toEqual([
      'region',
      'recipient',
      'recipientName',
      'stance',
      'facts',
      'name',
      'city',
      'address',
      'postcode',
      'connection',
      'why',
      'want',
      'action',
      'format',
      'path',
      'remember',
    ]);
    expect(result.outcome).toBe('saved');
    if (result.outcome !== 'saved') return;
    expect(result.path).toBe(`letter-to-jane-smith-${DATE}.txt`);
    const text = files.get(result.path) as string;
    expect(text).toBe(render(pack, result.request).text);
    expect(text).toContain('Dear Ms Smith,');
    expect(text).toContain('Jane Smith MP');
    expect(result.request).toMatchObject({
      region: 'uk',
      recipient: 'mp',
      stance: 'maintain',
      name: 'Alex Doe',
      city: 'Leeds',
      recipientTitle: 'Ms',
      recipientName: 'Jane Smith',
    });
  });

  it('joins the personal answers in the writer own words, skipping the empty one', async () => {
    const { result, files } = await session(UK_SESSION);
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request.story).toBe('My aunt in Hrodna was jailed in 2021 for joining a march. Please speak up for those still inside.');
    expect(files.get(result.path)).toContain('My aunt in Hrodna was jailed in 2021 for joining a march. Please speak up for those still inside.');
  });

  it('shows the preview with headings, the word count and the cited sources', async () => {
    const { shown, previews } = await session(UK_SESSION);
    expect(shown[0]).toContain('## Write to your elected official about Belarus');
    expect(previews()).toHaveLength(1);
    const preview = previews()[0] as string;
    expect(preview).toContain('## Your letter');
    expect(preview).toContain('## Sources');
    expect(preview).toMatch(/\d+ words/);
    expect(preview).toContain('Human Rights Watch');
    expect(preview).toContain('https://www.hrw.org/');
    expect(preview).not.toContain('Tip:');
  });

  it('says in the preview how old the count of prisoners is and where to check it', async () => {
    const { previews } = await session(UK_SESSION, { given: { date: '2026-11-30' } });
    expect(previews()[0]).toMatch(
      /Note: The count of political prisoners in this letter is from the end of December 2025, 11 months before its date; check the current count with .*spring96\.org/,
    );
  });

  it('says plainly that a personal sentence counts when every personal question is skipped', async () => {
    const { previews, result } = await session({ ...UK_SESSION, connection: '', why: '  ', want: '' });
    expect(previews()[0]).toContain('Tip: this letter has nothing in your own words yet');
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request.story).toBeUndefined();
  });

  it('offers the region search with every region, filtered as typed', async () => {
    const { prompts } = await session(UK_SESSION);
    const region = prompts.asked.find((a) => a.id === 'region');
    expect(region?.kind).toBe('search');
    expect(region?.choices?.map((c) => c.value)).toEqual(pack.regions.map((r) => r.id));
  });

  it('shows the salutation the name gives', async () => {
    const { prompts } = await session(UK_SESSION);
    expect(prompts.said).toContain('The letter opens "Dear Ms Smith,"');
  });
});

describe('wizard: facts follow the stance', () => {
  for (const stance of ['maintain', 'strengthen', 'conditional']) {
    it(`pre-ticks exactly the ${stance} defaults, each with its source, medium confidence never ticked`, async () => {
      const { prompts, result } = await session({ ...UK_SESSION, stance });
      const facts = prompts.asked.find((a) => a.id === 'facts');
      const ticked = facts?.choices?.filter((c) => c.checked).map((c) => c.value);
      expect(ticked).toEqual(defaultFacts(pack, stance));
      for (const choice of facts?.choices ?? []) {
        expect(choice.description).toMatch(/^Source: /);
        if (pack.facts.get(choice.value as string)?.confidence === 'medium') {
          expect(choice.checked).toBe(false);
          expect(choice.description).toContain('medium confidence');
        }
      }
      // The suggested ones left ticked: the letter picks a few of them by its seed.
      if (result.outcome === 'saved') expect(result.request.facts).toBeUndefined();
    });
  }

  it('leaves out the recipient own legal basis and other regions bases', async () => {
    const { prompts } = await session({ ...UK_SESSION, recipient: 'foreign-secretary' });
    const offered = prompts.asked.find((a) => a.id === 'facts')?.choices?.map((c) => c.value);
    expect(offered).not.toContain('uk-sanctions-basis');
    expect(offered).not.toContain('us-sanctions-basis');
    expect(offered).toContain('new-prisoners-dec-2025');
  });

  it('cites the facts chosen, including an optional one', async () => {
    const { result } = await session({ ...UK_SESSION, facts: [['still-imprisoned', 'new-prisoners-dec-2025']] });
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request.facts).toEqual(['still-imprisoned', 'new-prisoners-dec-2025']);
  });
});

describe('wizard: a constituent the office can verify', () => {
  it("asks a constituency representative's writer for street address and postcode, and puts them in the letter", async () => {
    const { prompts, result } = await session(UK_SESSION);
    expect(prompts.asked.find((a) => a.id === 'postcode')?.message).toMatch(/postcode \(optional/);
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request).toMatchObject({ address: ['12 Station Road'], postcode: 'LS1 4AB' });
  });

  it("does not ask them of a minister's writer", async () => {
    const { address, postcode, ...rest } = UK_SESSION;
    void address;
    void postcode;
    const { prompts } = await session({ ...rest, recipient: 'foreign-secretary', recipientName: '' });
    expect(prompts.ids()).not.toContain('address');
    expect(prompts.ids()).not.toContain('postcode');
  });
});

describe('wizard: options given on the command line', () => {
  it('never asks them again', async () => {
    const given = {
      region: 'uk',
      recipient: 'mp',
      stance: 'strengthen',
      name: 'Alex Doe',
      city: 'Leeds',
      address: ['1 High Street'],
      postcode: 'LS1 4AB',
      recipientName: 'Jane Smith',
    };
    const { prompts, result } = await session(
      { facts: DEFAULT, connection: '', why: '', want: '', action: 'save', format: DEFAULT, path: DEFAULT, remember: false },
      { given },
    );
    expect(prompts.ids()).toEqual(['facts', 'connection', 'why', 'want', 'action', 'format', 'path', 'remember']);
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request.stance).toBe('strengthen');
    expect(result.request.facts).toBeUndefined();
  });

  it('skips the personal questions when --story is given, and uses it unchanged', async () => {
    const { prompts, result } = await session({ ...UK_SESSION }, { given: { story: 'I was born in Brest.' } });
    expect(prompts.ids()).not.toContain('connection');
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request.story).toBe('I was born in Brest.');
  });

  it('fails on an unknown region before asking or showing anything', async () => {
    const prompts = scriptedPrompts(UK_SESSION);
    const mem = memoryIO();
    const given = requestInputFromOptions({ date: DATE, region: 'narnia' });
    await expect(runWizard({ pack, given, remembered: {}, prompts }, mem.io)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('Unknown region "narnia"'),
    });
    expect(prompts.asked).toEqual([]);
    expect(mem.shown).toEqual([]);
  });

  it('offers only regions that have the recipient given', async () => {
    const { prompts } = await session({ ...UK_SESSION, region: 'au' }, { given: { recipient: 'member' } });
    expect(prompts.asked.find((a) => a.id === 'region')?.choices?.map((c) => c.value)).toEqual(['au']);
  });
});

describe('wizard: preview and decide', () => {
  it('goes back to one question and keeps the rest', async () => {
    const { prompts, result } = await session({ ...UK_SESSION, action: ['change', 'save'], change: 'city', city: ['Leeds', 'York'] });
    expect(prompts.ids()).toEqual([
      'region',
      'recipient',
      'recipientName',
      'stance',
      'facts',
      'name',
      'city',
      'address',
      'postcode',
      'connection',
      'why',
      'want',
      'action',
      'change',
      'city',
      'action',
      'format',
      'path',
      'remember',
    ]);
    expect(prompts.asked.filter((a) => a.id === 'city')[1]?.default).toBe('Leeds');
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request).toMatchObject({ city: 'York', name: 'Alex Doe', recipientName: 'Jane Smith' });
    expect(result.request.story).toContain('My aunt in Hrodna');
  });

  it('moves default facts to the new stance, but keeps a hand-picked choice', async () => {
    const changed = await session({ ...UK_SESSION, action: ['change', 'save'], change: 'stance', stance: [DEFAULT, 'conditional'] });
    if (changed.result.outcome !== 'saved') throw new Error('not saved');
    // Left as suggested: the new stance's letter picks from its own facts.
    expect(changed.result.request.facts).toBeUndefined();
    expect(changed.result.request.stance).toBe('conditional');

    const picked = await session({
      ...UK_SESSION,
      facts: [['osce-2020-election']],
      action: ['change', 'save'],
      change: 'stance',
      stance: [DEFAULT, 'conditional'],
    });
    if (picked.result.outcome !== 'saved') throw new Error('not saved');
    expect(picked.result.request.facts).toEqual(['osce-2020-election']);
  });

  it('asks for the official again when a new region does not have them', async () => {
    const { prompts, result } = await session({
      ...UK_SESSION,
      action: ['change', 'save'],
      change: 'region',
      region: ['uk', 'us'],
      recipient: ['mp', 'senator'],
    });
    expect(prompts.ids().slice(13, 16)).toEqual(['change', 'region', 'recipient']);
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request).toMatchObject({ region: 'us', recipient: 'senator' });
  });

  it('tries another wording with a new seed', async () => {
    const { previews, result } = await session({ ...UK_SESSION, action: ['reword', 'reword', 'save'] });
    expect(previews()).toHaveLength(3);
    expect(new Set(previews()).size).toBe(3);
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request.seed).toMatch(/#2$/);
  });

  it('prints the letter to stdout in the format asked on the command line', async () => {
    const { printed, files, result } = await session({ ...UK_SESSION, action: 'print' }, { wizard: { format: 'markdown' } });
    expect(result.outcome).toBe('printed');
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('## Sources');
    expect(files.size).toBe(0);
  });

  it('refuses to save or print a letter over a page, as draft does, and says what to shorten', async () => {
    const long = Array.from({ length: 40 }, () => 'this matters to me and to my family very much').join(', ');
    const { files, printed, prompts, result } = await session({ ...UK_SESSION, connection: long, action: ['save', 'print', 'quit'] });
    expect(result.outcome).toBe('quit');
    expect(files.size).toBe(0);
    expect(printed).toHaveLength(0);
    const refusals = prompts.said.filter((m) => /more than fits on one page \(450\)/.test(m));
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatch(
      /^The letter is \d{3} words, .*; nothing was saved\. Shorten your own words or choose fewer facts: choose "Change an answer"\.$/,
    );
    expect(refusals[1]).toMatch(/nothing was printed/);
  });

  it('quits without writing or remembering', async () => {
    const { files, stored, prompts, result } = await session({ ...UK_SESSION, action: 'quit' });
    expect(result.outcome).toBe('quit');
    expect(files.size).toBe(0);
    expect(stored).toEqual([]);
    expect(prompts.said).toContain('Nothing was saved.');
  });

  it('never replaces a file without asking; "no" asks for another name', async () => {
    const name = `letter-to-jane-smith-${DATE}.txt`;
    const { files, writes, prompts } = await session({ ...UK_SESSION, path: [DEFAULT, 'other.txt'], overwrite: false }, { existing: { [name]: 'mine' } });
    expect(files.get(name)).toBe('mine');
    expect(files.get('other.txt')).toContain('Dear Ms Smith,');
    expect(writes).toEqual([{ path: 'other.txt', force: false }]);
    expect(prompts.asked.find((a) => a.id === 'overwrite')?.default).toBe(false);
  });

  it('replaces it when the writer says yes', async () => {
    const { files, writes } = await session({ ...UK_SESSION, path: 'old.txt', overwrite: true }, { existing: { 'old.txt': 'mine' } });
    expect(writes).toEqual([{ path: 'old.txt', force: true }]);
    expect(files.get('old.txt')).toContain('Dear Ms Smith,');
  });

  it('refuses a folder as the file name', async () => {
    await expect(session({ ...UK_SESSION, path: 'letters' })).rejects.toThrow(/fails validation for "path": That is a folder/);
  });

  it('names the file after the format and the role when no name is given', async () => {
    const { result } = await session({ ...UK_SESSION, recipientName: '', format: 'html' });
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.path).toBe(`letter-to-mp-${DATE}.html`);
  });
});

describe('wizard: remembering, with consent', () => {
  it('pre-fills remembered answers as defaults', async () => {
    const remembered = { name: 'Olga K.', city: 'Toronto', region: 'ca' };
    const { prompts, result } = await session({ ...UK_SESSION, region: DEFAULT, recipient: 'mp', name: DEFAULT, city: DEFAULT }, { remembered });
    expect(prompts.asked.find((a) => a.id === 'region')?.default).toBe('ca');
    expect(prompts.asked.find((a) => a.id === 'name')?.default).toBe('Olga K.');
    if (result.outcome !== 'saved') throw new Error('not saved');
    expect(result.request).toMatchObject({ region: 'ca', name: 'Olga K.', city: 'Toronto' });
  });

  it('stores name, town and region when the writer agrees, and nothing of their own words', async () => {
    const { stored } = await session({ ...UK_SESSION, remember: true }, { wizard: { templates: '/packs/mine' } });
    expect(stored).toEqual([{ name: 'Alex Doe', city: 'Leeds', region: 'uk', templates: '/packs/mine' }]);
    expect(JSON.stringify(stored)).not.toContain('Hrodna');
  });

  it('stores nothing when the writer declines', async () => {
    const { stored } = await session({ ...UK_SESSION, remember: false });
    expect(stored).toEqual([]);
  });

  it('does not ask again when nothing changed', async () => {
    const { prompts } = await session({ ...UK_SESSION, remember: undefined }, { remembered: { name: 'Alex Doe', city: 'Leeds', region: 'uk' } });
    expect(prompts.ids()).not.toContain('remember');
  });

  it('neither asks nor stores with --no-config', async () => {
    const { prompts, stored } = await session({ ...UK_SESSION }, { remember: false });
    expect(prompts.ids()).not.toContain('remember');
    expect(stored).toEqual([]);
  });
});

describe('wizard: a disk or settings folder that says no', () => {
  it('a settings folder that cannot be written: the letter is printed, remembering is skipped with a note', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), '');
    const configFile = join(dir, 'not-a-folder', 'belarus-letter', 'config.json');
    const prompts = scriptedPrompts({ ...UK_SESSION, action: 'print', remember: true });
    const mem = memoryIO();
    mem.io.remember = { path: configFile, save: (config) => writeConfig(config, configFile) };
    const result = await runWizard({ pack, given: requestInputFromOptions({ date: DATE }), remembered: {}, prompts }, mem.io);
    expect(result.outcome).toBe('printed');
    expect(mem.printed[0]).toContain('Dear Ms Smith,');
    expect(prompts.said.at(-1)).toBe(
      `Could not create the folder ${join(dir, 'not-a-folder', 'belarus-letter')}: part of the path is a file, not a folder (ENOTDIR). Nothing was remembered; your letter is not affected.`,
    );
  });

  it('a save that fails says the path and the cause once, and asks for another name', async () => {
    const prompts = scriptedPrompts({ ...UK_SESSION, path: ['full.txt', 'other.txt'] });
    const mem = memoryIO();
    const write = mem.io.writeFile;
    mem.io.writeFile = (path, data, force) => {
      if (path === 'full.txt') throw new FileError(path, 'write', Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
      write(path, data, force);
    };
    const result = await runWizard({ pack, given: requestInputFromOptions({ date: DATE }), remembered: {}, prompts }, mem.io);
    expect(prompts.said).toContain('Could not write full.txt: no space left on the disk (ENOSPC).');
    expect(result).toMatchObject({ outcome: 'saved', path: 'other.txt' });
  });

  it('never offers to replace a link, a device or a FIFO', async () => {
    const prompts = scriptedPrompts({ ...UK_SESSION, path: 'null' });
    const mem = memoryIO();
    mem.io.exists = (path) => (path === 'null' ? 'a symbolic link' : false);
    await expect(runWizard({ pack, given: requestInputFromOptions({ date: DATE }), remembered: {}, prompts }, mem.io)).rejects.toThrow(
      'fails validation for "path": That is a symbolic link, not a file; type another file name.',
    );
    expect(mem.writes).toEqual([]);
  });
});
