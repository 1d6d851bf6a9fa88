/** The wizard's US path: the ZIP code, the officials it gives by name, "someone else", and where to send it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestInputFromOptions } from '../../src/commands/draft.js';
import { buildUsDirectory } from '../../src/officials/us/build.js';
import { UsDirectorySource } from '../../src/officials/us/lookup.js';
import { loadPack, type Pack } from '../../src/pack/load.js';
import { runWizard, type WizardIO } from '../../src/wizard/wizard.js';
import { DEFAULT, scriptedPrompts } from '../helpers/prompts.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/officials/sources');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const us = new UsDirectorySource(
  buildUsDirectory({
    legislators: read('legislators-current.yaml'),
    offices: read('legislators-district-offices.yaml'),
    zccd: read('zccd.csv'),
    commits: JSON.parse(read('commits.json')),
  }),
  'test',
);

let pack: Pack;
beforeAll(() => {
  pack = loadPack();
});

const US_SESSION = {
  region: 'us',
  recipient: 'senator',
  stance: DEFAULT,
  facts: DEFAULT,
  name: 'Sam Lee',
  city: 'Portland',
  address: '',
  postcode: '',
  state: '',
  connection: '',
  why: '',
  want: '',
  action: 'print',
};

async function session(script: Record<string, unknown>, zip?: string) {
  const prompts = scriptedPrompts(script);
  const shown: string[] = [];
  const printed: string[] = [];
  const io: WizardIO = { show: (t) => shown.push(t), print: (t) => printed.push(t), exists: () => false, writeFile: () => {}, heading: (t) => `## ${t}` };
  const given = requestInputFromOptions({ date: '2026-11-25' });
  const result = await runWizard({ pack, given, remembered: {}, prompts, officials: (r) => (r === 'us' ? us : undefined), zip }, io, {});
  return { prompts, shown, printed, result };
}

describe('wizard: your own official by ZIP code', () => {
  it('asks the ZIP code, offers the officials by name, and the letter and preview follow the choice', async () => {
    const { prompts, shown, printed } = await session({ ...US_SESSION, zip: '97201', official: 'M001176' });
    expect(prompts.ids().slice(0, 4)).toEqual(['region', 'recipient', 'zip', 'official']);
    const offered = prompts.asked.find((a) => a.id === 'official')?.choices?.map((c) => c.name);
    expect(offered).toEqual([
      'Ron Wyden (Democrat), senior senator for Oregon',
      'Jeff Merkley (Democrat), junior senator for Oregon',
      'Someone else: type a name',
    ]);
    expect(prompts.said).toContain('The letter opens "Dear Senator Merkley:"');
    expect(printed[0]).toContain(
      'The Honorable Jeff Merkley\nUnited States Senate\n531 Hart Senate Office Building\nWashington, DC 20510\n\nDear Senator Merkley:',
    );
    const where = shown.find((s) => s.startsWith('## Where to send it'));
    expect(where).toBe(
      '## Where to send it\nTheir web form: https://www.merkley.senate.gov/contact/\nBy post: Jeff Merkley, United States Senate, 531 Hart Senate Office Building, Washington, DC 20510\nPhone: 202-224-3753',
    );
  });

  it("takes the writer's state from a ZIP in one state, and asks it only without one", async () => {
    const byZip = await session({ ...US_SESSION, zip: '97201', official: 'M001176', address: '1 Main St' });
    expect(byZip.prompts.ids()).not.toContain('state');
    expect(byZip.printed[0]).toMatch(/^Sam Lee\n1 Main St\nPortland, OR 97201\n/);
    const noZip = await session({ ...US_SESSION, zip: '', recipientName: 'Maria Garcia', address: '1 Main St', postcode: '97201', state: 'OR' });
    expect(noZip.prompts.ids()).toContain('state');
    expect(noZip.prompts.asked.find((a) => a.id === 'state')?.message).toMatch(/^Your state, e\.g\. OR \(optional/);
    expect(noZip.printed[0]).toMatch(/^Sam Lee\n1 Main St\nPortland, OR 97201\n/);
  });

  it('"someone else" asks for the name, and the letter has the general address', async () => {
    const { prompts, printed, shown } = await session({ ...US_SESSION, zip: '97201', official: '', recipientName: 'Maria Garcia' });
    expect(prompts.ids().slice(2, 5)).toEqual(['zip', 'official', 'recipientName']);
    expect(printed[0]).toContain('The Honorable Maria Garcia\nUnited States Senate\nWashington, DC 20510');
    expect(shown.some((s) => s.includes('Where to send it'))).toBe(false);
  });

  it('no ZIP: the name as before, with the official finder to look it up', async () => {
    const { prompts } = await session({ ...US_SESSION, zip: '', recipientName: '' });
    expect(prompts.ids().slice(2, 4)).toEqual(['zip', 'recipientName']);
  });

  it("a split ZIP says so and offers each district's representative; --zip is not asked again", async () => {
    const { prompts } = await session({ ...US_SESSION, recipient: 'representative', official: 'S001226' }, '97002');
    expect(prompts.ids()).not.toContain('zip');
    expect(prompts.said.some((s) => s.startsWith('ZIP 97002 spans 2 congressional districts'))).toBe(true);
    expect(prompts.asked.find((a) => a.id === 'official')?.choices).toHaveLength(3);
  });

  it('changing who you write to asks for the official again', async () => {
    const { prompts, printed } = await session({
      ...US_SESSION,
      zip: ['97201', '97201'],
      official: ['W000779', 'B001278'],
      action: ['change', 'print'],
      change: 'recipient',
      recipient: ['senator', 'representative'],
    });
    expect(printed[0]).toContain('Dear Representative Bonamici:');
    expect(prompts.ids().filter((id) => id === 'official')).toHaveLength(2);
  });

  it('moving from the US to Australia, a senator from the directory is not kept', async () => {
    const { printed } = await session({
      ...US_SESSION,
      zip: '97201',
      official: 'W000779',
      action: ['change', 'print'],
      change: 'region',
      region: ['us', 'au'],
      recipientName: 'Jane Smith',
    });
    expect(printed[0]).toContain('Dear Senator Smith,');
    expect(printed[0]).not.toContain('Wyden');
  });

  it('outside the US the name question points to the official finder', async () => {
    const prompts = scriptedPrompts({
      region: 'uk',
      recipient: 'mp',
      recipientName: 'Jane Smith',
      stance: DEFAULT,
      facts: DEFAULT,
      name: 'A',
      city: 'Leeds',
      address: '',
      postcode: '',
      connection: '',
      why: '',
      want: '',
      action: 'quit',
    });
    const inputs: string[] = [];
    const spy = { ...prompts, input: async (q: Parameters<typeof prompts.input>[0]) => (inputs.push(q.help ?? ''), prompts.input(q)) };
    const io: WizardIO = { show: () => {}, print: () => {}, exists: () => false, writeFile: () => {}, heading: (t) => t };
    await runWizard({ pack, given: requestInputFromOptions({ date: '2026-11-25' }), remembered: {}, prompts: spy, officials: () => undefined }, io, {});
    expect(inputs[0]).toContain('Not sure who yours is? UK Parliament: Find your MP, by postcode: https://members.parliament.uk/FindYourMP');
  });
});
