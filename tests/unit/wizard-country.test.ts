/** The wizard asks a writer's country when the letter crosses a border, or where their country decides how their address is written. */
import { beforeAll, describe, expect, it } from 'vitest';
import { requestInputFromOptions } from '../../src/commands/draft.js';
import { loadPack, type Pack } from '../../src/pack/load.js';
import { render } from '../../src/render/render.js';
import { runWizard, type WizardIO } from '../../src/wizard/wizard.js';
import { DEFAULT, scriptedPrompts } from '../helpers/prompts.js';

let pack: Pack;
beforeAll(() => {
  pack = loadPack();
});

const io = (files: Map<string, string>): WizardIO => ({
  show: () => {},
  print: () => {},
  exists: (path) => (files.has(path) ? 'file' : false),
  writeFile: (path, data) => void files.set(path, data),
  remember: undefined,
  heading: (text) => text,
});

const SESSION = {
  recipientName: 'Ruta Kazlauskiene',
  stance: DEFAULT,
  facts: DEFAULT,
  name: 'Jonas Petraitis',
  address: 'Gedimino pr. 9',
  connection: '',
  why: '',
  want: '',
  action: 'save',
  format: DEFAULT,
  path: DEFAULT,
  remember: false,
};

async function session(script: Record<string, unknown>, given: Record<string, unknown> = {}) {
  const prompts = scriptedPrompts({ ...SESSION, ...script });
  const files = new Map<string, string>();
  const result = await runWizard({ pack, given: requestInputFromOptions({ date: '2026-12-01', ...given }), remembered: {}, prompts }, io(files));
  if (result.outcome !== 'saved') throw new Error('not saved');
  return { prompts, result, text: files.get(result.path) as string };
}

describe('wizard: the writer’s country', () => {
  it('asks a writer to an MEP, says why, and writes the country under their address', async () => {
    const { prompts, result, text } = await session({ region: 'eu', recipient: 'mep', city: 'Vilnius', postcode: '01103', country: 'Lithuania' });
    const asked = prompts.asked.find((a) => a.id === 'country');
    expect(asked?.message).toMatch(/^Your country.*\(optional, Enter to skip\)$/);
    expect(result.request.country).toBe('LT');
    expect(text).toContain('Gedimino pr. 9\n01103 Vilnius\nLithuania');
    expect(text).toBe(render(pack, result.request).text);
  });

  it('asks a writer in region other, and writes their postcode as their country does', async () => {
    const { result, text } = await session({
      region: 'other',
      recipient: 'representative',
      recipientName: 'Erik Solberg',
      name: 'Kari Nordmann',
      address: 'Karl Johans gate 5',
      city: 'Oslo',
      postcode: '0150',
      country: 'NO',
    });
    expect(result.request.country).toBe('NO');
    expect(text).toContain('Karl Johans gate 5\n0150 Oslo');
  });

  it('turns away a value that names no country, saying what to type', async () => {
    await expect(session({ region: 'eu', recipient: 'mep', city: 'Vilnius', postcode: '01103', country: 'Narnia' })).rejects.toThrow(
      /"Narnia" fails validation for "country": Please type a country/,
    );
    // Everyday names and the codes people type are read.
    const uk = await session({ region: 'other', recipient: 'representative', city: 'Oslo', postcode: '', country: 'UK' });
    expect(uk.result.request.country).toBe('GB');
  });

  it('takes Enter as no country, and the letter as before', async () => {
    const { result } = await session({ region: 'eu', recipient: 'mep', city: 'Vilnius', postcode: '01103', country: '' });
    expect(result.request.country).toBeUndefined();
  });

  it('does not ask a writer whose letter stays in the country, nor one who gave --country', async () => {
    const uk = await session({ region: 'uk', recipient: 'mp', recipientName: 'Jane Smith', city: 'Leeds', address: '1 High St', postcode: 'LS1 4AB' });
    expect(uk.prompts.ids()).not.toContain('country');
    const minister = await session({ region: 'eu', recipient: 'foreign-minister', recipientName: 'Jan Dvorak', city: 'Prague' });
    expect(minister.prompts.ids()).not.toContain('country');
    const given = await session({ recipientName: 'Ruta Kazlauskiene', city: 'Vilnius', postcode: '01103' }, { region: 'eu', recipient: 'mep', country: 'LT' });
    expect(given.prompts.ids()).not.toContain('country');
    expect(given.result.request.country).toBe('LT');
  });
});

describe('wizard: a writer in an EU member state who chose region other', () => {
  it('is told, before the letter is made, that the EU region writes about the EU sanctions', async () => {
    const base = {
      region: 'other',
      recipient: 'representative',
      recipientName: 'Erik Svensson',
      name: 'Kari Lind',
      address: 'Drottninggatan 5',
      city: 'Stockholm',
      postcode: '111 51',
    };
    const { prompts, result } = await session({ ...base, country: 'Sweden' });
    expect(prompts.said).toContain(
      'Note: Sweden is a member of the EU, which has its own Belarus sanctions: "European Union" for "Where you live" writes to your foreign minister about the Council\'s renewal due before 28 February 2027.',
    );
    // Said, not done: the writer keeps the region they chose.
    expect(result.request.region).toBe('other');
    const norway = await session({ ...base, country: 'Norway' });
    expect(norway.prompts.said.join('\n')).not.toMatch(/member of the EU/);
  });
});
