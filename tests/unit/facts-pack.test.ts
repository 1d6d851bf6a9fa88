/**
 * The built-in facts as a staffer who checks claims would read them: every source a document
 * they can find, every fact sourced, nothing the vetted record says not to say, in any wording
 * of any letter.
 */
import { describe, expect, it } from 'vitest';
import { allWordings, withDates } from '../../src/render/fact-text.js';
import { render } from '../../src/render/render.js';
import { builtinPack, packCopy, request } from '../helpers/pack.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackError } from '../../src/errors.js';
import { loadPack } from '../../src/pack/load.js';

const pack = builtinPack();
const facts = [...pack.facts.values()];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';

describe('the built-in sources', () => {
  it('each has a publisher, a date and an https:// address, or url: none with a reason', () => {
    for (const s of pack.sources.values()) {
      expect(s.publisher, s.id).toMatch(/\S/);
      expect(s.date, s.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (s.url === 'none') expect(s.reason, `${s.id}: reason`).toMatch(/\S{3,}/);
      else expect(s.url, s.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    }
  });

  it('has no placeholder or descriptive titles', () => {
    for (const s of pack.sources.values()) {
      if (s.title === undefined) continue;
      expect(s.title, s.id).not.toMatch(/^\(|^(reporting|reports?|various|trade press|secondary|statements? of)\b/i);
    }
    expect([...pack.sources.values()].map((s) => s.publisher).join('|')).not.toMatch(/various|trade press/i);
  });

  it('every source is cited by some fact, and every fact cites at least one', () => {
    const cited = new Set(facts.flatMap((f) => f.sources));
    for (const f of facts) expect(f.sources.length, f.id).toBeGreaterThan(0);
    expect([...pack.sources.keys()].filter((id) => !cited.has(id))).toEqual([]);
  });
});

describe('the built-in facts', () => {
  it('each has at least three wordings, all different', () => {
    for (const f of facts) {
      expect(f.text.length, f.id).toBeGreaterThanOrEqual(3);
      for (const list of Object.values(f.textWith)) expect(list.length, f.id).toBeGreaterThanOrEqual(3);
      expect(new Set(allWordings(f)).size, f.id).toBe(allWordings(f).length);
    }
  });

  it('never ticks a medium-confidence fact by default, and every stance cites the count of prisoners', () => {
    for (const stance of pack.stances) {
      for (const id of stance.facts) expect(pack.facts.get(id)?.confidence, `${stance.id}: ${id}`).toBe('high');
      expect(
        stance.facts.some((id) => pack.facts.get(id)?.tags.includes('count')),
        stance.id,
      ).toBe(true);
    }
  });

  it('attributes every medium-confidence statement to who said or reported it', () => {
    for (const f of facts.filter((x) => x.confidence === 'medium' && !x.tags.includes('legal-basis'))) {
      for (const t of allWordings(f))
        expect(t, f.id).toMatch(
          /according to|told|reported|said|says|wrote|argued|described|urged|called|Viasna|interview|cited by|speaking|stressed|saying|Tsikhanouskaya's office/i,
        );
    }
  });
});

/** The vetted record's "Not to say", as checks on a letter's plain text. */
function notToSay(text: string): string[] {
  const found: string[] = [];
  if (/Stefanovic|Rabkova|Loika/i.test(text)) found.push('names Stefanovic, Rabkova or Loika (freed in March 2026)');
  if (/overwhelming evidence/i.test(text)) found.push('"overwhelming evidence" as the OSCE\'s words');
  if (/\b122\b|December 14|14 December/.test(text)) found.push("the article's 122 released on December 14");
  if (/2026\/513/.test(text)) found.push('what Regulation (EU) 2026/513 changed');
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    // A count of political prisoners is always dated, never a current total.
    if (/\b\d{1,3},\d{3}\b/.test(sentence) && !new RegExp(`${MONTH} (\\d{1,2}, )?\\d{4}|\\d{1,2} ${MONTH} \\d{4}`).test(sentence)) {
      found.push(`an undated count: ${sentence}`);
    }
    if (/\b(currently|at present|today|right now)\b/i.test(sentence) && /\b\d{1,3},\d{3}\b/.test(sentence)) found.push(`a count as current: ${sentence}`);
    // No release after March 2026.
    if (/releas|freed|let go|set free/i.test(sentence) && /(April|May|June|July|August|September|October|November|December) 2026|\b2027\b/.test(sentence)) {
      if (!/renew|until|due/i.test(sentence)) found.push(`a release after March 2026: ${sentence}`);
    }
  }
  return found;
}

describe('nothing from "Not to say" appears in any letter', () => {
  it('in any wording of any fact, in either date style', () => {
    for (const f of facts) {
      for (const t of allWordings(f)) {
        for (const locale of ['en-US', 'en-GB']) expect(notToSay(withDates(t, locale)), f.id).toEqual([]);
      }
    }
  });

  it('catches each claim it looks for (the check can fail)', () => {
    expect(notToSay('Valiantsin Stefanovic is still held.')).toHaveLength(1);
    expect(notToSay('There are 1,131 political prisoners today.').length).toBeGreaterThan(0);
    expect(notToSay('In May 2026 another 80 were freed.')).toHaveLength(1);
    expect(notToSay('The OSCE found overwhelming evidence of fraud.')).toHaveLength(1);
    expect(notToSay('At the end of December 2025 Viasna counted 1,131 political prisoners.')).toEqual([]);
  });

  const all = facts.map((f) => f.id);
  for (const region of pack.regions) {
    for (const recipient of region.recipients) {
      for (const stance of pack.stances) {
        it(`${region.id} ${recipient.id} ${stance.id}, dated 2026-11-30`, () => {
          // The seed and the facts chosen pick the wording; the format only dresses it. Each of
          // the six (facts, seed) pairs is rendered in one format, the four taking turns, so
          // every format is read for every request without rendering every wording four times.
          const formats = ['text', 'markdown', 'html', 'eml'] as const;
          for (const [c, choice] of [undefined, all].entries()) {
            for (const [s, seed] of ['a', 'b', 'c'].entries()) {
              const format = formats[(c * 3 + s) % formats.length] as (typeof formats)[number];
              const letter = render(
                pack,
                request({
                  region: region.id,
                  recipient: recipient.id,
                  stance: stance.id,
                  date: '2026-11-30',
                  seed,
                  facts: choice,
                  format,
                  email: 'alex@example.org',
                }),
              );
              const where = `${format} seed=${seed} facts=${choice ? 'all' : 'default'}`;
              expect(notToSay(letter.body), where).toEqual([]);
              // US letters start from the relief already given, in whichever wording of it.
              if (region.id === 'us') expect(letter.meta.citedFacts, `${where}: relief already given`).toContain('us-relief-granted');
              // The count is dated, and the note says where to check the current one.
              expect(letter.meta.warnings.join(' '), where).toMatch(/end of December 2025, 11 months before|(19 March 2026|March 19, 2026), 8 months before/);
              expect(letter.meta.warnings.join(' '), where).toMatch(/spring96\.org/);
            }
          }
        });
      }
    }
  }
});

describe('sources a reader can open, in every format', () => {
  const cite = { facts: ['release-dec-2025', 'us-relief-banks-mar-2026'], date: '2026-11-30' };
  const hrw = pack.sources.get('hrw-2025-12-15')!;
  const ap = pack.sources.get('ap-2026-03')!;

  it('text: the address on its own line under the entry; no quoted title for an untitled source', () => {
    const text = render(pack, request(cite)).text;
    expect(text).toContain(`Human Rights Watch, "${hrw.title}", 15 December 2025\n   ${hrw.url}\n`);
    expect(text).toMatch(/\n\d\. Associated Press, on the administration[^"\n]*, March 2026\n {3}No web address: /);
  });

  it('markdown and print HTML: the address as a link', () => {
    expect(render(pack, request({ ...cite, format: 'markdown' })).text).toContain(`<${hrw.url}>`);
    const html = render(pack, request({ ...cite, format: 'html' })).text;
    expect(html).toContain(`<a href="${hrw.url}">${hrw.url}</a>`);
    expect(html).not.toMatch(/“\s*”/);
  });

  it('eml: the address in both the plain and the HTML part', () => {
    const eml = render(pack, request({ ...cite, format: 'eml', email: 'alex@example.org' })).text;
    // Quoted-printable may fold long lines: unfold soft breaks before looking.
    const unfolded = eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const parts = unfolded.split(/Content-Type: text\/(plain|html)/);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(unfolded.match(new RegExp(hrw.url.replace(/[.?/]/g, '\\$&'), 'g'))?.length).toBeGreaterThanOrEqual(2);
    expect(ap.url).toBe('none');
  });
});

describe('the pack refuses a source a reader could not find', () => {
  const problems = (replace: (facts: string) => string): string => {
    const dir = packCopy();
    writeFileSync(join(dir, 'facts.yaml'), replace(readFileSync(join(dir, 'facts.yaml'), 'utf8')));
    try {
      loadPack({ templatesDir: dir });
      return '';
    } catch (error) {
      return (error as PackError).problems.join('\n');
    }
  };

  it('without a url, naming the file, place and what to do', () => {
    expect(
      problems((f) => f.replace('    url: https://www.hrw.org/news/2025/12/15/more-than-1000-belarusians-remain-in-prison-for-exercising-their-rights\n', '')),
    ).toMatch(/facts\.yaml:\d+:\d+: sources\[\d+\]\.url: every source needs a url/);
  });

  it('with url: none but no reason', () => {
    expect(problems((f) => f.replace(/\n {4}reason: AP's own page[^\n]*/, ''))).toMatch(/sources\[\d+\]\.reason: url: none needs a reason/);
  });

  it('with a title that is our own description', () => {
    expect(problems((f) => f.replace('title: EU extends sanctions on Belarus', 'title: Reporting from Brussels on the renewal'))).toMatch(
      /reads as our own description/,
    );
    expect(problems((f) => f.replace('title: EU extends sanctions on Belarus', 'title: (Report.az on the renewal)'))).toMatch(/reads as our own description/);
  });

  it('with a date mark that is not a date', () => {
    expect(problems((f) => f.replace('[[2025-09-11]]', '[[2025-09-31]]'))).toMatch(/facts\[0\]\.text\[0\]: "\[\[2025-09-31\]\]" is not a date/);
  });
});
