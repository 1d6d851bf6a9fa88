import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/pack/load.js';
import { letterToPdf } from '../../src/render/pdf.js';
import { optionNames } from '../../src/validate.js';
import { render } from '../../src/render/render.js';
import { splitSections } from '../../src/render/sections.js';
import { letterRequestSchema } from '../../src/request.js';

const pack = loadPack();
const base = {
  region: 'uk',
  recipient: 'mp',
  stance: 'maintain',
  name: 'Алесь Бяляцкі',
  city: 'Leeds',
  recipientName: 'Jane Smith',
  story: 'Mária Kolesniková <b>is</b> free & so should be the rest.',
  date: '2026-11-25',
  address: ['1 High Street'],
};
const draft = (extra: Record<string, unknown> = {}) => render(pack, letterRequestSchema.parse({ ...base, ...extra }));

describe('sections', () => {
  it('splits marked parts by role and keeps unmarked text', () => {
    const raw = 'Intro\n\n\u0001sender\u0002 Alex \nLeeds\u0003\n\n\u0001unknown\u0002x\u0003\u0001reason\u0002\u0003';
    expect(splitSections(raw, (s) => s.trim())).toEqual([{ text: 'Intro' }, { role: 'sender', text: 'Alex \nLeeds' }, { text: 'x' }]);
  });

  it('gives the built-in letter every part in order', () => {
    const roles = draft().sections.map((s) => s.role);
    expect(roles).toEqual(['sender', 'date', 'recipient', 'salutation', 'opening', 'story', 'facts', 'reason', 'ask', 'close', 'signoff', 'signature']);
    expect(draft().text).not.toMatch(/[\u0001-\u0003]/);
  });
});

describe('--format html (print)', () => {
  it('is A4 in the UK and US Letter in the US and Canada', () => {
    expect(draft({ format: 'html' }).text).toContain('size: A4;');
    expect(draft({ format: 'html', region: 'us', recipient: 'senator' }).text).toContain('size: letter;');
    expect(draft({ format: 'html', region: 'ca', recipient: 'mp' }).text).toContain('size: letter;');
    expect(draft({ format: 'html', region: 'eu', recipient: 'mep' }).text).toContain('size: A4;');
  });

  it('lays out sender, date, recipient, body, signature space and numbered notes', () => {
    const html = draft({ format: 'html' }).text;
    const order = [
      '<address class="sender">',
      '<p class="date">25 November 2026</p>',
      '<address class="recipient">',
      '<p class="salutation">',
      '<p class="signoff">',
      '<p class="signature">Алесь Бяляцкі</p>',
      '<section class="notes">',
      '<ol>',
      '<li>',
    ];
    const positions = order.map((s) => html.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toMatch(/\.signature \{ margin-top: 3em; \}/);
    expect(html).toContain('@media print');
    expect(html).toContain('Mária Kolesniková &lt;b&gt;is&lt;/b&gt; free &amp; so should be the rest.');
    expect(draft({ format: 'html', sources: false }).text).not.toContain('class="notes"');
  });
});

/** The PDF's streams, inflated, as Latin-1 text. */
function streams(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      out.push(raw.slice(start, end));
    }
  }
  return out.join('\n');
}

describe('--format pdf', () => {
  it("is one page of the region's paper with an embedded font that covers Cyrillic", async () => {
    const letter = draft({ format: 'pdf' });
    const pdf = Buffer.from(await letterToPdf(letter));
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+PTSerif-Regular/);
    expect(raw).toContain('/FontFile2');
    // The ToUnicode map lists each glyph used: Cyrillic А (0410), Б (0411), і (0456) and á (00E1).
    const text = streams(pdf);
    for (const hex of ['0410', '0411', '0456', '00e1']) expect(text.toLowerCase()).toContain(`<${hex}>`);
    const us = Buffer.from(await letterToPdf(draft({ format: 'pdf', region: 'us', recipient: 'senator' }))).toString('latin1');
    expect(us).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });
});

describe('--format pdf with characters its font lacks', () => {
  it('refuses, naming the characters and the HTML format, rather than print the name without them', async () => {
    const letter = draft({ format: 'pdf', name: '李小龍 Lee', story: 'We miss you 😀 every day.' });
    const error = await letterToPdf(letter, optionNames).catch((e: unknown) => e);
    expect(error).toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/PDF's font \(PT Serif\) has no characters "李" \(U\+674E\), "小" \(U\+5C0F\), "龍" \(U\+9F8D\), "😀" \(U\+1F600\)/),
      hint: 'Use --format html and print it from your browser, which finds a font for every character (or --format text).',
    });
    // A library caller is told the request's own field; the core names no flag.
    await expect(letterToPdf(letter)).rejects.toMatchObject({ hint: expect.stringMatching(/^Use format html .* \(or format text\)\.$/) });
  });

  it('prints a letter written as a base and an accent (composed first), and ignores invisible marks', async () => {
    // "ü" as u + U+0308 (the font has ü, not the lone accent), and a variation selector after a dash.
    const pdf = await letterToPdf(draft({ format: 'pdf', name: 'Mu\u0308ller Dóe', story: 'Free them all \u2014\uFE0F now.' }));
    expect(streams(Buffer.from(pdf)).toLowerCase()).toContain('<00fc>');
    // A letter the font cannot make from parts it has is refused: ǘ needs an accent it lacks.
    await expect(letterToPdf(draft({ format: 'pdf', name: 'Lu\u0308\u0301 Doe' }))).rejects.toThrow(/no character "ǘ" \(U\+01D8\)/);
  });
});
