/**
 * The German pack (packs/de) read as the office that receives its letters would: every official
 * and stance it serves renders, on one page, in sentences a reader can follow; the first
 * paragraph asks for something this official can do; the salutation follows German convention
 * (Frau/Herr, the office for a minister, a formal double form for "Dr." alone, a neutral form
 * without a title); no phrasing a native-speaking staffer flagged comes back; and fifty neighbours
 * writing to one office do not send what its mail sorting would count as one form letter (the
 * closest pair shares at most 35% of its sentences).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinPackDirFor } from '../../src/pack/languages.js';
import { loadPack } from '../../src/pack/load.js';
import { pageCheck, TYPICAL_STORY } from '../../src/render/page-check.js';
import { render } from '../../src/render/render.js';
import { ONE_PAGE_WORDS } from '../../src/render/letter.js';
import { campaignProfile, formLetterMeasures, FORM_LETTER_TARGETS, proseSentences } from '../../src/render/similarity.js';
import { request } from '../helpers/pack.js';

const PACK_DIR = fileURLToPath(new URL('../../packs/de', import.meta.url));
// The built-in German pack as --language de loads it, from its files.
const pack = loadPack({ baseDir: builtinPackDirFor('de') });
const RECIPIENTS = ['mep', 'foreign-minister-de', 'foreign-minister-at'] as const;
const STANCES = ['maintain', 'strengthen', 'conditional'] as const;
const COMBOS = RECIPIENTS.flatMap((recipient) => STANCES.map((stance) => [recipient, stance] as const));
const STORY =
  'Meine Tante wurde 2021 in Minsk verhaftet, weil sie an einem friedlichen Marsch teilgenommen hatte. Sie ist inzwischen frei, ihre Freundinnen aber nicht. Ich denke jeden Tag an sie und an alle, die noch warten.';

/**
 * Phrasings a native-speaking staffer flagged in the pack's letters: calques, made-up words,
 * wrong grammar, claims a minister decides alone or that one member state can ease EU sanctions,
 * the US condition put in Minsk's mouth, and a colleague's sign-off to an MEP. Checked in the
 * pack's source, so a phrasing no seed happens to draw cannot come back either.
 */
const FLAGGED: readonly [RegExp, string][] = [
  [/Teilfreilassung/, 'a made-up noun'],
  [/freibring/, 'not a German verb'],
  [/zum Preis der Freiheit/, 'says "at the cost of freedom", the opposite of what is meant'],
  [/und sie auch öffentlich vertreten\./, 'a pronoun without antecedent and a missing "zu"'],
  [/, die es belohnen soll/, '"es" for a masculine or feminine head'],
  [/Die Entscheidung liegt bei Ihnen/, 'the Council decides by unanimity, not one minister'],
  [/Alleingäng|Lockerungen einzelner Staaten/, 'one member state cannot ease EU sanctions alone'],
  [/von ihren Abgeordneten in Brüssel/, "MEPs are not the government's members"],
  [/zur Kenntnis/, '"noting" undercuts the ask'],
  [/\bsamt \d|Für 312 Personen/, 'renewed "together with" or "for" 312 people'],
  [/besser(es|em)? (zu )?[Vv]erhalten|Verhalten dauerhaft bessert/, 'the US expectation read as a school report'],
  [/jemandes/, 'a calque of "someone\'s"'],
  [/Die Gefängnisse sind nicht leer/, 'flippant'],
  [/\bdie 250\b/, 'presupposes the reader knows them'],
  [/mit Freiheit verdient/, 'a calque of "earned with freedom"'],
  [/(Deshalb|Daher) bitte ich/, '"therefore" with no reason before it'],
  [/und zwar/, 'filler'],
  [/am Herzen liegt:|seit Langem beschäftigt:/, 'the most worn form-letter openings'],
  [/Mit besten Grüßen/, "a colleague's sign-off, not a constituent's"],
  [/so entscheiden|diesen Weg gehen|so entschieden haben/, 'a closing that does not say which decision'],
  [/standhaft bleibt/, 'vague, and contradicts step-by-step relief'],
  [/stehen noch|Noch immer sind Hunderte/, 'a present state beyond the dated facts'],
  [/as republished|post on X|reporting an AFP/, 'English in a German source list'],
  [/Bât\.|1047 Brüssel/, "the place of delivery in the destination country's language"],
  [/in kleinen Gruppen/, 'releases of 123 and 250 people at once are not small groups'],
  [/unserer? Regierung|unsere Bundesregierung/, 'a calque of "our government": in Germany and Austria one writes "die Bundesregierung"'],
  [/Bitte versuchen Sie/, 'asking a minister to "try" is condescending'],
  [/Ich bitte Sie ausdrücklich|Meine Bitte an Sie ist|Ich würde Sie gern bitten/, 'a first request that sounds like a reminder, stilted or hesitant'],
  [/ich komme aus|gehören Sie zu denen, die mich vertreten/, '"komme aus" says origin, not residence'],
  [/Sanktionen bis Ende Februar 2027 ohne Streichungen verlängert werden/, 'the renewal extends the measures beyond February 2027, not until it'],
  [/bisherigen? (Lockerung|Erleichterung)/, 'the EU eased nothing: name the US as the one that eased'],
  [/denselben Druck|Druck, der diese Freilassungen möglich/, 'no source says pressure freed anyone: the releases were US-brokered deals'],
  [/muss die Hohe Vertreterin|verpflichte[tn]? die Hohe Vertreterin/, 'a duty to answer that the sources do not state'],
  [
    /Haben Sie Dank|diesen Brief lesen|meinen Brief gelesen|im Voraus|Dankbar wäre ich|Rückmeldung/,
    'calqued, presumptuous or doubled thanks, and office jargon',
  ],
  [/was Sie in dieser Sache vorhaben|die mir zeigt/, 'an answer does not "show", and "vorhaben" sounds like suspicion'],
  [/Ich finde,|Ich meine,/, 'spoken register'],
  [/So gut jede Freilassung ist,/, 'a concessive clause without "auch" before an unintegrated main clause'],
  [/kann ich mittragen|vollständig mittragen/, 'a citizen does not "mittragen"; a minister alone cannot carry the Council'],
  [/Es wäre ein gutes Zeichen, wenn Sie/, 'needs the subjunctive that the closing halves do not have'],
  [
    /darf den Freilassungen nicht vorauseilen|Schritt für Schritt kommen und/,
    '"Jede ... darf nicht" is not idiomatic; one concession cannot come step by step',
  ],
  [/schonen die Menschen|treffen die Richtigen|kosten die Bevölkerung wenig/, 'stiff or colloquial'],
  [/braucht es die Sanktionen/, 'regional and colloquial'],
  [/einem klaren Ziel folgen/, 'vague stock phrasing'],
  [/bemerken das Minsk/, 'fronted object: reads as translated'],
  [/zurücknehmen lassen/, 'one minister cannot have the Council take relief back'],
  // Review round 4: statements that were true when written and are not in December 2026.
  [/laufen die EU-Sanktionen|Seit ihrer Verlängerung|beides gilt bis/, 'the EU list in the present tense: the Council amended it on 23 April 2026'],
  [/letzte (belegte|bekannte|verfügbare) Zahl|neueste Zahl/, 'Viasna counts every month: a December 2025 figure is not the latest'],
  [/Festnahmen gehen weiter/, 'an undated present tense the vetted record does not reach'],
  [/Trotz der Freilassungen zählte/, 'puts the March 2026 release before the December 2025 count'],
  [/Nicht alle kamen frei/, 'points at a release the letter may not have named'],
  [/noch bevor sie begann|änderte die Freilassung nichts/, 'a release does not "begin"; flippant'],
  [/Führung und Apparat/, 'an odd collocation'],
  [/vor der Ratssitzung/, 'no known meeting: the renewal can be adopted in any Council formation or in writing'],
  [/an ihre Verantwortung für die politischen Gefangenen/, 'the Bundesregierung is not responsible for the prisoners, and it asks for nothing'],
  [/Ich bitte Sie herzlich|wieder entfällt/, 'soft for a political demand; relief is "zurückgenommen", it does not lapse'],
  [/Erleichterungen sollten erst nach überprüften Freilassungen kommen/, 'the closing said the ask a third time'],
];

/**
 * Found in review round 3. Checked in the pack's text with its comments removed, since the
 * comments name some of these to explain why they are gone.
 */
const FLAGGED_ROUND_3: readonly [RegExp, string][] = [
  [/Damen und Herren/, "greets the ministry's staff, who do not sit in the Council, in a letter that asks 'Sie' to act there"],
  [/Guten Tag/, 'careless in a letter to an office'],
  [/zu Hause (sind|ist)/, 'many of those freed were deported: free is not home'],
  [/Überzeugungen/, 'beyond the vetted "aus politischen Gründen"'],
  [/Seit September 2025 (hat|sind)/, 'the vetted count of more than 400 ends in March 2026'],
  [/kamen in Belarus 123/, 'most of the 123 were taken to Ukraine'],
  [/so ein Regierungsvertreter|US eases sanctions/, 'reads as "such an official"; an English headline the bibliography does not give'],
  [/Ich richte an Sie die Bitte|bitte Sie dringend|Ich erbitte|Ich wäre froh über/, 'officialese, dringend/dringen, stilted or colloquial'],
  [/Wer an der Repression verdient|um die Verantwortlichen neuer Festnahmen wachsen|die die Repression tragen/, 'profits is not what is meant; stilted'],
  [/Mein Anliegen ist die Lage|Grund zur Freude|Namen und Gesichter|ein Anfang, aber keine Lösung|Apparat der Repression/, 'filler and stock phrases'],
  [/Die Freilassung in Etappen/, 'the reason sentence every letter began the same way'],
  [
    /vollständig zu verlängern|die Sanktionen vor Ende Februar 2027 vollständig|jeder Lockerung im Rat nur|jeden Schritt zurückzunehmen|rückgängig zu machen/,
    'asks a minister to do what only the Council can',
  ],
  [/hören, was das Europäische Parlament erwartet|was das Parlament von ihr erwartet/, 'one MEP does not speak for the Parliament'],
  [/So gesehen|wie Sie dazu stehen|wie Sie sich entscheiden\b/, 'a verdict with no basis before it; a position instead of an action'],
  [/Ihre Aufmerksamkeit|Vielen Dank für Ihre Mühe|Ich bin fest überzeugt,/, 'the end of a speech, thanks for work not done, translated'],
];

/** The pack's text as a letter can show it: comments removed. */
const withoutComments = (text: string) => text.replace(/\{\{!--[\s\S]*?--\}\}/g, '').replace(/^\s*#.*$/gm, '');

/** Every text file of the pack, by its path inside the pack. */
function packFiles(dir = PACK_DIR, prefix = ''): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] =>
    entry.isDirectory()
      ? packFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : /\.(hbs|yaml)$/.test(entry.name)
        ? [[`${prefix}${entry.name}`, readFileSync(join(dir, entry.name), 'utf8')]]
        : [],
  );
}

/** The opening of a minister's closing request: it must name the Council, not "so entscheiden". */
const DECISION =
  /(?:Ich hoffe, dass Sie|Ich wünsche mir, dass Sie|Ich vertraue darauf, dass Sie|Mir liegt daran, dass Sie|Ich zähle darauf, dass Sie|Ich setze darauf, dass Sie) [^.]*\./g;

const german = (overrides: Parameters<typeof request>[0] = {}) =>
  request({
    region: 'eu',
    recipient: 'mep',
    stance: 'maintain',
    name: 'Anna Schmidt',
    city: 'Leipzig',
    recipientName: undefined,
    date: '2026-11-30',
    ...overrides,
  });

/** The first paragraph after the salutation: the one that must carry the ask. */
function opening(body: string): string {
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim());
  const at = paragraphs.findIndex((p) => /^(Sehr geehrte|Guten Tag)/.test(p));
  return paragraphs[at + 1] ?? '';
}

/** What each official can do: an MEP acts in Parliament or on our government; a minister decides in the Council. */
const ASKS = {
  mep: /(schriftliche Anfrage|Dringlichkeitsentschließung|Entschließung|Bundesregierung)/,
  minister:
    /(im Rat|Rat\b|Verlängerung).*(stimmen|zuzustimmen|zu widersprechen|einzusetzen|mitzutragen|vorzuschlagen|einzutreten|zu unterstützen|zuzulassen|zu bestehen|zu verlängern)/,
};

describe('the German pack', () => {
  it('loads as a German pack serving the EU region with its three officials', () => {
    expect(pack.language).toBe('de');
    const eu = pack.regions.find((r) => r.id === 'eu');
    expect(eu?.locale).toBe('de-DE');
    for (const id of RECIPIENTS) expect(eu?.recipients.map((r) => r.id)).toContain(id);
  });

  it('fits one page even with the longest phrasing of every part and a 60-word story', () => {
    expect(pack.templates.filter((t) => t.meta.language === 'de').map((t) => t.meta.id)).toEqual(['letter']);
    expect(pageCheck(pack, (t) => t.meta.language === 'de')).toEqual({ problems: [], warnings: [] });
  });

  it('leaves room on the page: the longest phrasing of every part stays at or under 420 words', () => {
    // The one-page check allows 450; a margin keeps a longer name or address block off a second page.
    for (const [recipient, stance] of COMBOS) {
      const words = render(pack, german({ recipient, stance, address: ['Musterstraße 12'], story: TYPICAL_STORY }), { longest: true }).meta.wordCount;
      expect(words, `${recipient}/${stance}`).toBeLessThanOrEqual(420);
    }
  });

  it("writes the sender's own country, as German writes it, under the address only on post abroad", () => {
    const sender = (recipient: string, country: string) =>
      render(pack, german({ recipient, country, address: ['Herrengasse 5'], postcode: '8010', city: 'Graz' })).body.split('\n\n')[0];
    // The return address names the writer's country in ordinary case: capitals are for the destination line.
    expect(sender('mep', 'AT')).toBe('Anna Schmidt\nHerrengasse 5\n8010 Graz\nÖsterreich');
    expect(sender('mep', 'DE')).toMatch(/\nDeutschland$/);
    expect(sender('foreign-minister-at', 'AT')).toBe('Anna Schmidt\nHerrengasse 5\n8010 Graz');
    expect(sender('foreign-minister-de', 'DE')).not.toMatch(/Deutschland/);
    expect(sender('foreign-minister-de', 'AT')).toMatch(/\nÖsterreich$/);
  });

  it("drops the destination country line under the official's address when the writer posts at home", () => {
    const official = (country: string) =>
      render(pack, german({ recipient: 'foreign-minister-at', country, address: ['Herrengasse 5'], postcode: '8010', city: 'Graz' })).body.split('\n\n')[1];
    expect(official('DE')).toMatch(/\n1010 Wien\nÖSTERREICH$/);
    expect(official('AT')).toMatch(/\n1010 Wien$/);
  });

  it('never gives the count from before the March 2026 release without saying that hundreds stayed in prison', () => {
    // Read in a later month, "more than 1,100" alone would pass for the current count.
    const wordings = pack.facts.get('count-before-mar-2026')?.text ?? [];
    expect(wordings.length).toBeGreaterThanOrEqual(3);
    for (const wording of wordings) expect(wording).toMatch(/Hunderte|die meisten|mehr als die Hälfte|nur ein Teil/);
  });

  it('cites Reform.news wherever a wording names the 250 freed in March 2026', () => {
    // The Reuters copy is listed for the count of more than 1,100; the number freed is Reform.news's.
    const naming = [...pack.facts.values()].filter((f) => f.text.some((w) => /\b250\b/.test(w)));
    expect(naming.map((f) => f.id)).toContain('count-before-mar-2026');
    for (const fact of naming) expect(fact.sources, fact.id).toContain('reformnews-2026-03-250');
  });

  it('says the EU list was renewed, in the past tense, never that it is still unchanged', () => {
    // The Council amended the regime on 23 April 2026: "läuft/gilt unverändert" is no longer true.
    for (const wording of pack.facts.get('eu-renewal-2026')?.text ?? []) {
      expect(wording).not.toMatch(/\b(läuft|laufen|gilt|gelten|sind|ist) (die|noch|weiter|unverändert)/);
      expect(wording).toMatch(/2026/);
    }
  });

  it('never uses a phrasing review round 3 flagged', () => {
    for (const [path, text] of packFiles()) {
      for (const [pattern, why] of FLAGGED_ROUND_3) expect(withoutComments(text).match(pattern)?.[0], `${path}: ${why}`).toBeUndefined();
    }
    // The guard can fail: the stripped text keeps what a letter can say.
    expect(withoutComments('{{!-- Damen und Herren --}}Sehr geehrte Damen und Herren,')).toMatch(FLAGGED_ROUND_3[0]![0]);
  });

  it('never uses a phrasing the native-speaking review flagged', () => {
    const files = packFiles();
    expect(files.map(([path]) => path)).toContain('partials/ask.hbs');
    for (const [path, text] of files) {
      for (const [pattern, why] of FLAGGED) expect(pattern.test(text), `${path}: ${pattern} (${why})`).toBe(false);
    }
  });

  it.each(COMBOS)('%s %s: one page, short sentences, the ask up front', (recipient, stance) => {
    for (let seed = 0; seed < 15; seed++) {
      for (const story of [undefined, STORY]) {
        const letter = render(pack, german({ recipient, stance, seed: `s${seed}`, story, email: seed % 2 ? 'anna@example.org' : undefined }));
        const where = `${recipient}/${stance} seed s${seed}${story ? ' with story' : ''}`;
        expect(letter.meta.wordCount, where).toBeLessThanOrEqual(ONE_PAGE_WORDS);
        for (const sentence of proseSentences(letter.body)) {
          expect(sentence.split(' ').length, `${where}: ${sentence}`).toBeLessThanOrEqual(40);
          // Clauses strung together with "und" three times over lose their grammar.
          expect(sentence.split(' ').filter((w) => w === 'und').length, `${where}: ${sentence}`).toBeLessThanOrEqual(2);
        }
        const first = opening(letter.body);
        expect(first, where).toMatch(recipient === 'mep' ? ASKS.mep : ASKS.minister);
        // After "Sehr geehrte ...," a German letter goes on in lower case.
        expect(/^[a-zäöü]/.test(first) || /^(Sie|Ihnen)\b/.test(first), `${where}: ${first}`).toBe(true);
        // No English leftovers from the pack (the engine's own words are the pack words' job).
        expect(letter.body, where).not.toMatch(/\b(Dear|Yours sincerely|I ask you|Please)\b/);
        expect(letter.body, where).not.toMatch(/ \.|\n\.|\s,/);
        // A minister's closing restates the ask in the Council's terms.
        if (recipient !== 'mep') {
          const closing = letter.body.match(DECISION) ?? [];
          expect(closing.length, where).toBeGreaterThan(0);
          for (const sentence of closing) expect(sentence, where).toMatch(/\bRat\b/);
        }
      }
    }
  });

  it('greets by Frau/Herr and the office, and neutrally without either', () => {
    const salutation = (recipient: string, recipientTitle?: string, recipientName?: string, seed = 'x') =>
      render(pack, german({ recipient, recipientTitle, recipientName, seed })).body.match(/^(Sehr geehrte.*|Guten Tag.*)$/m)?.[0];
    for (const minister of ['foreign-minister-de', 'foreign-minister-at']) {
      expect(salutation(minister, 'Frau', 'Anna Muster')).toBe('Sehr geehrte Frau Bundesministerin,');
      expect(salutation(minister, 'Herr', 'Max Muster')).toBe('Sehr geehrter Herr Bundesminister,');
      expect(salutation(minister, 'Herr Dr.', 'Max Muster')).toBe('Sehr geehrter Herr Bundesminister,');
      // Without a title the letter still greets the minister, who is asked to act in the Council,
      // not the ministry's staff ("Damen und Herren"), and never with "Guten Tag".
      expect(salutation(minister)).toBe('Sehr geehrte Frau Bundesministerin, sehr geehrter Herr Bundesminister,');
      expect(salutation(minister, undefined, 'Kim Muster')).toBe('Sehr geehrte Frau Bundesministerin, sehr geehrter Herr Bundesminister,');
      // "Dr." alone says nothing of Frau or Herr: the formal double form, never "Guten Tag".
      expect(salutation(minister, 'Dr.', 'Martina Fischer')).toBe('Sehr geehrte Frau Bundesministerin oder sehr geehrter Herr Bundesminister,');
    }
    const mepForms = new Set(Array.from({ length: 12 }, (_, i) => salutation('mep', 'Frau', 'Anna Muster', `s${i}`)));
    expect(mepForms).toEqual(new Set(['Sehr geehrte Frau Abgeordnete,', 'Sehr geehrte Frau Muster,']));
    const mepHerr = new Set(Array.from({ length: 12 }, (_, i) => salutation('mep', 'Herr Dr.', 'Max Muster', `s${i}`)));
    expect(mepHerr).toEqual(new Set(['Sehr geehrter Herr Abgeordneter,', 'Sehr geehrter Herr Dr. Muster,']));
    // The body says "als Mitglied ... vertreten Sie": one person, so no plural greeting.
    expect(salutation('mep')).toBe('Sehr geehrte Frau Abgeordnete, sehr geehrter Herr Abgeordneter,');
    expect(salutation('mep', undefined, 'Kim Muster')).toBe('Sehr geehrte Frau Abgeordnete, sehr geehrter Herr Abgeordneter,');
    expect(salutation('mep', 'Dr.', 'Martina Fischer')).toBe('Sehr geehrte Frau Dr. Fischer oder sehr geehrter Herr Dr. Fischer,');
  });

  it('addresses the official in the accusative, with the office for a minister', () => {
    const block = (recipient: string, recipientTitle: string, recipientName: string) => render(pack, german({ recipient, recipientTitle, recipientName })).body;
    expect(block('mep', 'Herr', 'Max Muster')).toContain(
      'Herrn Max Muster MdEP\nEuropäisches Parlament\nBâtiment Altiero Spinelli\nRue Wiertz 60\n1047 Bruxelles\nBELGIEN',
    );
    expect(block('mep', 'Dr.', 'Martina Fischer')).toContain('Dr. Martina Fischer MdEP\nEuropäisches Parlament\n');
    expect(block('foreign-minister-de', 'Frau', 'Anna Muster')).toContain(
      'Frau Bundesministerin\nAnna Muster\nAuswärtiges Amt\nWerderscher Markt 1\n10117 Berlin',
    );
    expect(block('foreign-minister-at', 'Herr Dr.', 'Max Muster')).toContain(
      'Herrn Bundesminister\nDr. Max Muster\nBundesministerium für europäische und internationale Angelegenheiten\nMinoritenplatz 8\n1010 Wien',
    );
    // Without a title the minister, not the ministry, is the addressee; an MEP without a name
    // leaves a visible gap, since 720 members share one address.
    expect(render(pack, german({ recipient: 'foreign-minister-de' })).body).toContain('An die Bundesministerin oder den Bundesminister\nAuswärtiges Amt\n');
    expect(render(pack, german({ recipient: 'mep' })).body).toContain('[Name der oder des Abgeordneten] MdEP\nEuropäisches Parlament\n');
  });

  it.each(COMBOS)('%s %s: fifty neighbours without a story send fifty letters, not one form letter', (recipient, stance) => {
    const profiles = Array.from({ length: 50 }, (_, i) =>
      campaignProfile(
        render(pack, german({ recipient, stance, name: `Person ${i + 1} Beispiel`, city: 'Leipzig', address: [`Musterstraße ${i + 1}`], postcode: '04107' }))
          .body,
      ),
    );
    const m = formLetterMeasures(profiles);
    expect(m?.meanSharedSentences).toBeLessThanOrEqual(FORM_LETTER_TARGETS.meanSharedSentences);
    expect(m?.meanShingleJaccard).toBeLessThanOrEqual(FORM_LETTER_TARGETS.meanShingleJaccard);
    expect(m?.maxSharedSentences).toBeLessThanOrEqual(FORM_LETTER_TARGETS.maxSharedSentences);
  });
});
