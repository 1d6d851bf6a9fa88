/**
 * A caseworker's sixth reading of the English reason paragraph: campaign slogans, "further" easing
 * for governments that have eased nothing, Australian letters told to "hold firm" on relief
 * Australia never gave, reason sentences shared by many letters to different offices, and
 * undated claims about the present. Checked in the partials' source, so every phrasing is
 * covered and not only those a handful of seeds happen to pick, and in rendered letters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/render.js';
import { builtinPack, request } from '../helpers/pack.js';

const PARTIALS = join(import.meta.dirname, '..', '..', 'templates', 'partials');
const FILES = ['reason.hbs', 'verdict.hbs', 'belief.hbs', 'government.hbs', 'personal.hbs'];
const REGIONS = ['us', 'uk', 'eu', 'ca', 'au', 'other'];
const STANCES = ['maintain', 'strengthen', 'conditional'];

/** Stock campaign phrases and overclaims, and the undated claims about the present, struck by the review. */
const BANNED: [RegExp, string][] = [
  [/names and faces/i, 'slogan'],
  [/machinery of repression/i, 'slogan'],
  [/the only thing likely/i, 'overclaim'],
  [/hurt most when they fall/i, 'stock line shared across letters'],
  [/keeps? the prisons full/i, 'stock line shared across letters'],
  [/keep pace with the repression/i, 'stock line shared across letters'],
  [/end the political trials/i, 'undated claim about the present'],
  [/play down what the releases mean/i, 'stock line shared across letters'],
  [/same effort that got others out/i, 'stock line shared across letters'],
  [/runs ahead of the releases/i, 'stock line shared across letters'],
  [/a life given back|a start, not an end|only half done/i, 'slogan'],
  [/count on being forgotten|the world keeps a record/i, 'slogan'],
  [/\bhold(ing)? firm\b/i, 'stock phrase'],
  [/still in charge|work as before|the arrests will go on|repression that goes on/i, 'undated claim about the present'],
  [/the way people are jailed for their views has not/i, 'undated claim about the present'],
  [/the only leverage/i, 'overclaim'],
  // The seventh review: campaign copy, and a line that reads as a call for more relief.
  [/behind every political sentence|names should be known beyond/i, 'campaign copy'],
  [/what was done for those released/i, 'reads as a call for more relief'],
  [/reason to keep going/i, 'stock phrase'],
  [/handed down by a particular judge/i, 'says again what the judge sentence after it says'],
];

/** One phrasing of a {{#variants}} block: the slot it fills, its filters, and its text (both joins). */
interface Phrasing {
  file: string;
  slot: string;
  region: string[];
  stance: string[];
  text: string;
}

/** Each phrasing sits on a line of its own, as `{{#variant region="…" stance="…"}}…`. */
function phrasingsOf(file: string, source: string): Phrasing[] {
  const out: Phrasing[] = [];
  let slot = '';
  for (const line of source.split('\n')) {
    for (const m of line.matchAll(/\{\{#variants "([a-z0-9-]+)"/g)) if (m[1] !== 'reason-join' && m[1] !== 'reason-hedge') slot = m[1] ?? slot;
    const v = /^\{\{#variant((?: [a-z]+="[^"]*")*)\}\}(.*)$/.exec(line);
    if (!v) continue;
    const attr = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(v[1] ?? '')?.[1]?.split(',');
    const text = (v[2] ?? '')
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ file, slot, region: attr('region') ?? REGIONS, stance: attr('stance') ?? STANCES, text });
  }
  return out;
}

const all = FILES.flatMap((f) => phrasingsOf(f, readFileSync(join(PARTIALS, f), 'utf8')));
const reasonSlots = all.filter((p) => p.file === 'reason.hbs' && /^reason-\d$/.test(p.slot));

describe('the reason paragraph after the sixth review', () => {
  it('has no slogan, stock line or undated claim about the present', () => {
    for (const p of all) for (const [bad, why] of BANNED) expect(p.text, `${p.file} ${p.slot} (${why})`).not.toMatch(bad);
  });

  it('says "further" easing or relief only to the US, the one government that has eased', () => {
    for (const p of all.filter((x) => /\bfurther\b/i.test(x.text))) expect(p.region, `${p.file}: ${p.text}`).toEqual(['us']);
  });

  it('gives Australia, which has granted no relief, no sentence about holding firm, rewarding releases or easing now', () => {
    for (const p of all.filter((x) => x.region.includes('au') && x.stance.includes('maintain'))) {
      expect(p.text, `${p.file} ${p.slot}`).not.toMatch(
        /hold(ing)? firm|rewarding partial|off Australia's lists|\beas(ed|ing|e)\b.*\bnow\b|\bnow\b.*\beas(ed|ing|e)\b|relief (given|bought|now)/i,
      );
    }
  });

  it('offers every region and stance at least eight wordings in each reason slot', () => {
    for (const slot of ['reason-1', 'reason-2', 'reason-3']) {
      for (const region of REGIONS) {
        for (const stance of STANCES) {
          // The conditional letters' third part is the past-relief question, not a reason-3 sentence.
          if (slot === 'reason-3' && stance === 'conditional') continue;
          const texts = new Set(
            reasonSlots.filter((p) => p.slot === slot && p.region.includes(region) && p.stance.includes(stance) && p.text).map((p) => p.text),
          );
          expect(texts.size, `${slot} ${region}/${stance}`).toBeGreaterThanOrEqual(8);
        }
      }
    }
  });

  it('joins no "but" to a second "but", nor "so" to a second "so"', () => {
    // Half the letters join the first two reason sentences ("..., but those still held ..."): the
    // conjunction each stance's first sentence ends with, in its joined form.
    const joins = new Map<string, Set<string>>();
    for (const p of reasonSlots.filter((x) => x.slot === 'reason-1')) {
      const conj = /, (but|so)$/.exec(p.text)?.[1];
      if (conj) for (const st of p.stance) (joins.get(st) ?? joins.set(st, new Set()).get(st))?.add(conj);
    }
    for (const p of reasonSlots.filter((x) => x.slot === 'reason-2')) {
      for (const st of p.stance) for (const conj of joins.get(st) ?? []) expect(p.text, `${st}: ${p.text}`).not.toMatch(new RegExp(`\\b${conj}\\b`, 'i'));
    }
  });

  it('the source checks can fail', () => {
    const old = phrasingsOf(
      'reason.hbs',
      [
        '{{#variants "reason-3"~}}',
        '{{#variant region="us,uk,eu,ca,au" stance="maintain"}}Any further easing now would tell Minsk that it can trade people for relief.{{/variant~}}',
        '{{#variant stance="maintain"}}The families still waiting for a prisoner are the reason to hold firm.{{/variant~}}',
        '{{#variant stance="strengthen"}}The releases did not dismantle the machinery of repression.{{/variant~}}',
      ].join('\n'),
    );
    expect(old.map((p) => [p.slot, p.region.length, p.stance])).toEqual([
      ['reason-3', 5, ['maintain']],
      ['reason-3', 6, ['maintain']],
      ['reason-3', 6, ['strengthen']],
    ]);
    expect(old.some((p) => /\bfurther\b/.test(p.text) && p.region.join() !== 'us')).toBe(true);
    expect(old.some((p) => BANNED.some(([bad]) => bad.test(p.text)))).toBe(true);
  });

  it('rendered letters: no struck phrase in any reason paragraph, "further" only in the US, nothing to hold firm in Australia', () => {
    const pack = builtinPack();
    for (const r of pack.regions) {
      for (const t of r.recipients) {
        for (const s of pack.stances) {
          for (let i = 0; i < 8; i++) {
            const out = render(
              pack,
              request({ region: r.id, recipient: t.id, stance: s.id, seed: `six${i}`, date: '2026-11-30', recipientName: 'Jane Smith', recipientTitle: 'Ms' }),
            );
            const reason = out.sections
              .filter((x) => x.role === 'reason')
              .map((x) => x.text)
              .join(' ');
            const where = `${r.id}/${t.id}/${s.id} six${i}: ${reason}`;
            for (const [bad, why] of BANNED) expect(reason, `${why}: ${where}`).not.toMatch(bad);
            if (r.id !== 'us') expect(reason, where).not.toMatch(/further (easing|relief|concession)/i);
            if (r.id === 'au') expect(out.body, where).not.toMatch(/hold(ing)? firm|rewarding partial releases/i);
            // Two sentences joined with ", but" must not carry a second "but" of their own.
            for (const sentence of reason.split(/(?<=[.?!])\s+/)) expect(sentence, where).not.toMatch(/\bbut\b.*\bbut\b/);
          }
        }
      }
    }
  });
});

/** Every lead-in a letter can give an opinion with: the opening's (belief.hbs) and the reason's (opinion.hbs). */
const LEADS = ['belief.hbs', 'opinion.hbs'].flatMap((f) =>
  [...readFileSync(join(PARTIALS, f), 'utf8').matchAll(/\{\{#variant\}\}([^{]+)\{\{\/variant/g)].map((m) => m[1] ?? ''),
);

describe('the reason paragraph after the seventh review', () => {
  it('puts no lead-in ("It seems to me that") before a sentence that already speaks for the writer', () => {
    const source = readFileSync(join(PARTIALS, 'reason.hbs'), 'utf8');
    const bad = /\{\{> opinion\}\} [^{]*\b(I|me|my)\b/;
    expect(source).not.toMatch(bad);
    expect('{{> opinion}} the pressure that led to those releases seems to me the best hope.').toMatch(bad);
  });

  it('never gives the same opinion lead-in twice in one letter: the two lists share no wording', () => {
    expect(LEADS.length).toBeGreaterThan(10);
    expect(new Set(LEADS).size).toBe(LEADS.length);
  });

  it('joins no two sentences with ", so": the second rarely follows from the first', () => {
    for (const p of reasonSlots) expect(p.text, `${p.slot}: ${p.text}`).not.toMatch(/, so$/);
  });

  it('speaks of no easing in an Australian letter: Australia has eased nothing', () => {
    for (const p of all.filter((x) => x.region.includes('au'))) expect(p.text, `${p.file} ${p.slot}`).not.toMatch(/\beas(e|ed|es|ing)\b/i);
  });

  it('presumes no sanctions in a letter to a country that may have none ("other")', () => {
    for (const p of all.filter((x) => x.region.includes('other'))) {
      expect(p.text, `${p.file} ${p.slot}`).not.toMatch(/sanction|listing|\blist(s|ed)?\b|delist/i);
    }
  });

  it('rendered letters: "came out" at most once in a reason paragraph, and no ", so" join', () => {
    const pack = builtinPack();
    for (const r of pack.regions) {
      for (const s of pack.stances) {
        for (let i = 0; i < 40; i++) {
          const out = render(pack, request({ region: r.id, recipient: r.recipients[0]?.id, stance: s.id, seed: `seven${i}`, date: '2026-12-01' }));
          const reason = out.sections
            .filter((x) => x.role === 'reason')
            .map((x) => x.text)
            .join(' ');
          expect(reason.match(/\bc[ao]me out\b/g)?.length ?? 0, reason).toBeLessThanOrEqual(1);
          expect(reason, reason).not.toMatch(/, so [a-z]/);
          // The opening's "I believe"/"In my view" and the reason's own lead-in come from separate lists.
          for (const lead of LEADS) expect(out.body.split(lead).length - 1, `${lead}: ${out.body}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('the seventh-review checks can fail', () => {
    const old = phrasingsOf(
      'reason.hbs',
      [
        '{{#variants "reason-1"~}}',
        '{{#variant region="us,uk,eu,ca,au" stance="strengthen"}}{{#variants "reason-join"~}}{{#variant}}Sanctions work best when they name the people responsible.{{/variant~}}{{#variant}}Sanctions work best when they name the people responsible, so{{/variant~}}{{/variants~}}{{/variant~}}',
        '{{#variant region="us,uk,eu,ca,au" stance="conditional"}}I accept that easing can help in some cases.{{/variant~}}',
        '{{#variant region="other" stance="strengthen"}}Behind every political sentence there is an official who passed it.{{/variant~}}',
        '{{#variant stance="strengthen"}}A listing is one of the few ways to make those who ran the arrests answer for them.{{/variant~}}',
      ].join('\n'),
    );
    expect(old.some((p) => /, so$/.test(p.text))).toBe(true);
    expect(old.some((p) => p.region.includes('au') && /\beasing\b/.test(p.text))).toBe(true);
    expect(old.some((p) => p.region.includes('other') && /listing/.test(p.text))).toBe(true);
    expect(old.some((p) => BANNED.some(([bad]) => bad.test(p.text)))).toBe(true);
  });
});
