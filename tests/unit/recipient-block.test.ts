/** The recipient block for an official the pack has no address for (region other), and what the writer is told to add. */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const pack = builtinPack();
const letter = (o: Parameters<typeof request>[0]) => render(pack, request({ region: 'other', recipient: 'representative', date: '2026-12-01', ...o }));
/** The block between the date and the salutation. */
const recipientBlock = (body: string) => (body.split('\n\n').find((_p, i, all) => all[i + 1]?.startsWith('Dear')) as string).split('\n');

describe('the recipient block in region other', () => {
  it('shows the courtesy title with the name when the writer gives one', () => {
    const l = letter({ recipientName: 'Erik Solberg', recipientTitle: 'Mr' });
    expect(recipientBlock(l.body)).toEqual(['Mr Erik Solberg', "[the official's postal address]"]);
    expect(l.body).toContain('Dear Mr Solberg,');
  });

  it('shows the name alone without a title, and the placeholder alone without a name', () => {
    expect(recipientBlock(letter({ recipientName: 'Erik Solberg' }).body)).toEqual(['Erik Solberg', "[the official's postal address]"]);
    expect(recipientBlock(letter({ recipientName: undefined }).body)).toEqual(["[the official's postal address]"]);
  });

  it('tells the writer to add the office and the address, office first, when the pack knows neither', () => {
    const notes = letter({ recipientName: 'Erik Solberg' }).meta.warnings.join('\n');
    expect(notes).toMatch(/no office or postal address for the official.*recipientAddress, one line at a time, their office first/);
  });

  it('asks only for the address where the pack writes the office (a foreign minister)', () => {
    const notes = letter({ recipient: 'foreign-minister', recipientName: 'Jane Smith' }).meta.warnings.join('\n');
    expect(notes).toMatch(/no postal address for the official, only a placeholder line/);
    expect(notes).not.toMatch(/office first/);
  });

  it('puts the lines the writer gives in place of the placeholder, with no note', () => {
    const l = letter({ recipientName: 'Erik Solberg', recipientTitle: 'Mr', recipientAddress: ['Member of Parliament', 'Parliament Street 1', '0000 Town'] });
    expect(recipientBlock(l.body)).toEqual(['Mr Erik Solberg', 'Member of Parliament', 'Parliament Street 1', '0000 Town']);
    expect(l.meta.warnings.join('\n')).not.toMatch(/postal address for the official/);
  });
});
