/**
 * Validation of a user's pack layered over the built-in one: each kind of problem, with its
 * message and its file:line:column, all listed in one run.
 */
import { describe, expect, it } from 'vitest';
import { PackError } from '../../src/errors.js';
import { validatePack, type ValidPack } from '../../src/render/page-check.js';
import { userPack } from '../helpers/pack.js';

/** The pack's problems, its files named from the pack's folder (letters/t.hbs). */
function problemsOf(files: Record<string, string>): string[] {
  const dir = userPack(files);
  try {
    validatePack({ templatesDir: dir });
    return [];
  } catch (error) {
    if (error instanceof PackError) return error.problems.map((p) => (p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : p));
    throw error;
  }
}

/** A user's pack as `templates validate` checks it, with the one-page check's warnings. */
function load(files: Record<string, string>): ValidPack {
  return validatePack({ templatesDir: userPack(files) });
}

const HEADER = '---\nid: t\ndescription: test\n---\n';
/** A letter template whose body starts on line 5. */
const letter = (body: string) => ({ 'letters/t.hbs': HEADER + body });

describe('unknown variables', () => {
  it('catches a misspelt variable, with line, column and a suggestion', () => {
    expect(problemsOf(letter('Hello.\n  {{recipent.name}}\n'))).toEqual([
      expect.stringMatching(/letters\/t\.hbs:6:5: unknown variable "recipent\.name" \(did you mean "recipient\.name"\?\); templates can use sender, recipient/),
    ]);
  });

  it('catches a misspelt field, and one inside an #if condition (which would render silently)', () => {
    const problems = problemsOf(letter('{{sender.nmae}}\n{{#if recipient.constituant}}x{{/if}}\n'));
    expect(problems).toEqual([
      expect.stringMatching(
        /t\.hbs:5:3: unknown variable "sender\.nmae" \(did you mean "sender\.name"\?\); sender has name, city, address, postcode, lines, email/,
      ),
      expect.stringMatching(/t\.hbs:6:7: unknown variable "recipient\.constituant" \(did you mean "recipient\.constituent"\?\)/),
    ]);
  });

  it('follows the context into #each and #with, with this, @index, @last, block params and ../', () => {
    const ok = [
      '{{#each sender.address}}{{this}}{{@index}}{{#unless @last}}, {{/unless}}{{../story}}{{/each}}',
      '{{#each recipient.address as |line i|}}{{line}} {{i}}{{/each}}',
      '{{#with recipient}}{{name}} {{label}} {{@root.sender.name}}{{/with}}',
      '{{#each facts}}{{fact this}}{{/each}}{{#if facts.length}}{{lookup facts 0}}{{/if}}',
      '{{#if (eq stance.id "maintain")}}yes{{else if story}}story{{else}}no{{/if}}',
    ].join('\n');
    expect(problemsOf(letter(`${ok}\n`))).toEqual([]);
    const bad = problemsOf(letter('{{#with recipient}}{{nme}}{{/with}}\n{{#each facts}}{{this.id}}{{/each}}\n{{@index}}\n'));
    expect(bad).toEqual([
      expect.stringMatching(/t\.hbs:5:22: unknown variable "nme" \(did you mean "name"\?\); this has|t\.hbs:5:22: unknown variable "nme"/),
      expect.stringMatching(/t\.hbs:6:18: unknown variable "this\.id": this is text and has no fields/),
      expect.stringMatching(/t\.hbs:7:3: @index only has a value inside \{\{#each\}\}/),
    ]);
  });

  it('refuses printing an object or a list, and #each over text', () => {
    expect(problemsOf(letter('{{recipient}} {{sender.address}}\n{{#each story}}x{{/each}}\n'))).toEqual([
      expect.stringMatching(/t\.hbs:5:1: \{\{recipient\}\} would print an object/),
      expect.stringMatching(/t\.hbs:5:15: \{\{sender\.address\}\} would print a list; print its items with \{\{#each\}\}/),
      expect.stringMatching(/t\.hbs:6:9: #each needs a list, and story is text/),
    ]);
  });

  it('checks a partial in the context it is called from', () => {
    const problems = problemsOf({
      ...letter('{{#each sender.address}}{{> line}}{{/each}}\n{{> line}}\n'),
      'partials/line.hbs': '{{this}}\n',
    });
    // At the top level {{this}} is the whole letter: printing it is the mistake.
    expect(problems).toEqual([expect.stringMatching(/partials\/line\.hbs:1:1: \{\{this\}\} would print an object/)]);
  });
});

describe('helpers, partials, facts and front matter', () => {
  it('reports unknown helpers, partials and facts, and wrong argument counts', () => {
    const problems = problemsOf(letter('{{shout story}}\n{{> signatur}}\n{{fact "still-imprisond"}}\n{{#if}}x{{/if}}{{log "x"}}\n'));
    expect(problems).toEqual([
      expect.stringMatching(/t\.hbs:5:3: unknown helper "shout"; templates can use if, unless, each, with, lookup, fact, variants, variant, eq/),
      expect.stringMatching(/t\.hbs:6:1: unknown partial "signatur" \(did you mean "signature"\?\)$/),
      expect.stringMatching(/t\.hbs:7:8: unknown fact "still-imprisond" \(did you mean "still-imprisoned"\?\)/),
      expect.stringMatching(/t\.hbs:8:1: if takes one argument, not 0/),
      expect.stringMatching(/t\.hbs:8:18: unknown helper "log"/),
    ]);
  });

  it('checks variant filters: keys, ids, and a variant outside variants', () => {
    const problems = problemsOf(
      letter(
        '{{#variants "a"}}{{#variant stnace="maintain"}}a{{/variant}}{{#variant stance="maintian"}}b{{/variant}}{{/variants}}\n{{#variant}}c{{/variant}}\n',
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/t\.hbs:5:29: unknown variant filter "stnace" \(did you mean "stance"\?\); filters are stance, region, recipient, locale/),
      expect.stringMatching(/t\.hbs:5:79: variant filter stance="maintian": no stance has that id \(did you mean "maintain"\?\)/),
      expect.stringMatching(/t\.hbs:6:1: \{\{#variant\}\} must sit inside/),
    ]);
  });

  it('checks section names against the roles', () => {
    expect(problemsOf(letter('{{#section "reason"}}a{{/section}}{{#section "resaon"}}b{{/section}}\n'))).toEqual([
      expect.stringMatching(/t\.hbs:5:46: unknown section "resaon" \(did you mean "reason"\?\); sections are sender, date/),
    ]);
  });

  it('reports a Handlebars syntax error with file:line:column', () => {
    expect(problemsOf(letter('one\n{{#if story}}x{{/each}}\n'))).toEqual([
      'letters/t.hbs:6:15: {{/each}} does not match {{#if story}} opened at 6:1; close that with {{/if}}',
    ]);
    // A fault that is not in the blocks keeps Handlebars' own words, at its place.
    expect(problemsOf(letter('one\n{{fact story=}}\n'))).toEqual([
      expect.stringMatching(/letters\/t\.hbs:6:\d+: Handlebars syntax error: expected .*got 'CLOSE'/),
    ]);
  });

  it('reports front-matter errors at their line, and still checks the body', () => {
    const problems = problemsOf({
      'letters/t.hbs': '---\nid: t\ndescription: test\nregions: [uk, ukk]\nformats: [text, pdf]\nstance: ["*"]\n---\n{{stroy}}\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(/t\.hbs:5:17: formats\[1\]: Invalid option/),
      expect.stringMatching(/t\.hbs:6:1: stance: unknown key \(did you mean "stances"\?\)/),
      expect.stringMatching(/t\.hbs:8:3: unknown variable "stroy" \(did you mean "story"\?\)/),
    ]);
    expect(problemsOf({ 'letters/t.hbs': '---\nid: t\ndescription: test\nregions: [uk, ukk]\n---\nx\n' })).toEqual([
      expect.stringMatching(/t\.hbs:4:15: regions: no region "ukk" in the pack \(did you mean "uk"\?\)/),
    ]);
    expect(problemsOf({ 'letters/t.hbs': 'no header\n' })).toEqual([expect.stringMatching(/t\.hbs:1:1: a letter template starts with a front-matter header/)]);
  });

  it("checks the manifest's salutation and address templates", () => {
    const problems = problemsOf({
      'pack.yaml':
        'regions:\n  - id: uk\n    recipients:\n      - id: mp\n        salutation: "Dear {{titel}} {{surname}},"\n        address: ["{{#if name}}{{name}}{{/if", "{{fact \\"x\\"}}"]\n',
    });
    expect(problems).toEqual([
      expect.stringMatching(/pack\.yaml:5:29: unknown variable "titel" \(did you mean "title"\?\); templates can use name, surname, title/),
      expect.stringMatching(/pack\.yaml:6:40: \{\{\/if: this tag is not ended with \}\}/),
      expect.stringMatching(/pack\.yaml:6:\d+: unknown helper "fact"; templates can use if, unless, each, with, lookup/),
    ]);
  });
});

describe('facts in a user pack', () => {
  it('reports a fact without a source, and one citing a source that is not listed', () => {
    const problems = problemsOf({ 'facts.yaml': 'facts:\n  - id: mine\n    text: A claim.\n    asOf: 2025\n    confidence: high\n' });
    expect(problems).toEqual([expect.stringMatching(/facts\.yaml:2:5: facts\[0\]\.sources: every fact needs a source/)]);
    const cited = problemsOf({
      'facts.yaml': 'facts:\n  - id: mine\n    text: A claim.\n    sources: [hrw-2025-12-16]\n    asOf: 2025-12\n    confidence: high\n',
    });
    expect(cited).toEqual([
      expect.stringMatching(
        /facts\.yaml:4:14: fact "mine" cites source "hrw-2025-12-16", which is not in the sources list \(did you mean "hrw-2025-12-15"\?\)/,
      ),
    ]);
  });
});

describe('the one-page check', () => {
  it('warns, per region, of a template whose longest letter runs past one page, and says how to narrow it', () => {
    const long = Array.from({ length: 45 }, () => 'This sentence adds ten words to the letter, no more.').join(' ');
    const { pack, warnings } = load({
      'letters/t.hbs': `---\nid: t\ndescription: test\nregions: [uk, eu]\nstances: [maintain]\n---\n{{#variants "x"}}{{#variant}}Short.{{/variant}}{{#variant region="uk" recipient="foreign-secretary"}}${long}{{/variant}}{{/variants}} {{story}}\n`,
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /letters\/t\.hbs:1:1: for region uk its longest letter runs to \d{3} words \(recipient foreign-secretary, stance maintain, with a 60-word story\), more than fits on one page \(450\); .*regions: \[eu\]/,
      ),
    ]);
    // The pack still drafts: a letter is refused only when it is itself too long.
    expect(pack.templates.map((t) => t.meta.id)).toContain('t');
  });

  it('rechecks the built-in letter when a partial it uses changes', () => {
    const long = Array.from({ length: 30 }, () => 'This sentence adds ten words to the letter, no more.').join(' ');
    expect(load({ 'partials/close.hbs': `${long}\n` }).warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/\(built-in\) letters\/letter\.hbs:1:1: for region uk its longest letter runs to \d{3} words/)]),
    );
  });

  it('passes the built-in letter and the example postcard', () => {
    expect(validatePack().warnings).toEqual([]);
    const { pack, warnings } = validatePack({ templatesDir: 'examples/postcard' });
    expect(warnings).toEqual([]);
    expect(pack.templates.map((t) => t.meta.id)).toEqual(['postcard', 'letter']);
  });
});

describe('all at once', () => {
  it('lists a typo in one template and a template that does not render in another in the same run', () => {
    const problems = problemsOf({
      'letters/broken.hbs': `---\nid: broken\ndescription: x\n---\n{{fact "no-such-fact"}} {{story}}\n`,
      'letters/typo.hbs': `${HEADER}{{sender.nme}}\n`,
    });
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/typo\.hbs:5:3: unknown variable "sender\.nme"/), expect.stringMatching(/broken\.hbs/)]),
    );
  });

  it('lists every problem of a pack in one run', () => {
    const problems = problemsOf({
      ...letter('{{recipent.name}}\n{{> nope}}\n'),
      'partials/extra.hbs': '{{shout}}{{#each}}x{{/each}}\n',
      'facts.yaml': 'facts:\n  - id: mine\n    text: A claim.\n    asOf: 2025\n    confidence: high\n',
    });
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const p of problems) expect(p).toMatch(/^\S+:\d+:\d+: /);
  });
});

describe("syntax errors point at the block, in the file's own terms", () => {
  it('names the block left open at its opener, not the end of the file', () => {
    expect(problemsOf(letter('Dear all,\n\n  {{#each facts}}{{fact this}}\nThanks.\n'))).toEqual([
      'letters/t.hbs:7:3: {{#each facts}} is never closed: add {{/each}}',
    ]);
    // Left open inside another block: the closer that comes first says where the end belongs.
    expect(problemsOf(letter('{{#if story}}\n{{#each facts}}{{fact this}}\n{{/if}}\n'))).toEqual([
      'letters/t.hbs:6:1: {{#each facts}} is never closed: add {{/each}} before {{/if}} at 7:1',
    ]);
  });

  it('names a stray closer, a mismatched one and a misspelt one', () => {
    expect(problemsOf(letter('{{#if story}}{{story}}{{/if}}\n\n    {{/if}}\n'))).toEqual([
      'letters/t.hbs:7:5: {{/if}} closes nothing: no {{#if}} is open here; remove it, or add the {{#if ...}} it should close',
    ]);
    expect(problemsOf(letter('{{#if story}}\n{{story}}\n\n\n{{/each}}\n'))).toEqual([
      'letters/t.hbs:9:1: {{/each}} does not match {{#if story}} opened at 5:1; close that with {{/if}}',
    ]);
    expect(problemsOf(letter('{{#unless story}}No story.{{/unles}}\n'))).toEqual([
      'letters/t.hbs:5:27: {{/unles}} does not match {{#unless story}} opened at 5:1 (did you mean {{/unless}}?)',
    ]);
    expect(problemsOf(letter('{{#eahc facts}}{{fact this}}{{/each}}\n'))).toEqual([
      'letters/t.hbs:5:1: {{#eahc facts}} does not match its closer {{/each}} at 5:29 (did you mean {{#each}}?)',
    ]);
  });

  it('skips comments and raw text, and names a tag or comment left unfinished', () => {
    expect(problemsOf(letter('{{!-- {{#if}} is fine in here --}}{{! and {{/each}} here }}\\{{/if}}\n{{#if story}}\n'))).toEqual([
      'letters/t.hbs:6:1: {{#if story}} is never closed: add {{/if}}',
    ]);
    expect(problemsOf(letter('{{#if story}x{{/if}}\n'))).toEqual(['letters/t.hbs:5:1: {{#if story}x: this tag is not ended with }}']);
    expect(problemsOf(letter('x\n{{!-- a note\n'))).toEqual(['letters/t.hbs:6:1: this comment {{!-- is never closed: add --}}']);
    expect(problemsOf(letter('{{else}}\n'))).toEqual([expect.stringMatching(/^letters\/t\.hbs:5:1: \{\{else\}\} is outside any block/)]);
  });

  it('lists the problems of every file, and the front matter of a file whose body does not parse', () => {
    const problems = problemsOf({
      'letters/a.hbs': '---\nid: a\ndescription: x\nregions: [ukk]\n---\n{{#each facts}}\n',
      'letters/b.hbs': `${HEADER}{{/if}}\n`,
      'partials/p.hbs': 'x{{#with recipient}}\n',
    });
    expect(problems).toEqual([
      'partials/p.hbs:1:2: {{#with recipient}} is never closed: add {{/with}}',
      'letters/a.hbs:6:1: {{#each facts}} is never closed: add {{/each}}',
      'letters/a.hbs:4:11: regions: no region "ukk" in the pack (did you mean "uk"?)',
      expect.stringMatching(/^letters\/b\.hbs:5:1: \{\{\/if\}\} closes nothing/),
    ]);
  });
});

describe('"did you mean" instead of the whole list', () => {
  it('suggests the nearest fact, partial and helper', () => {
    expect(problemsOf(letter('{{fact "still-imprisoned-"}}\n{{> sigature}}\n{{#eahc facts}}x{{/eahc}}\n'))).toEqual([
      'letters/t.hbs:5:8: unknown fact "still-imprisoned-" (did you mean "still-imprisoned"?)',
      'letters/t.hbs:6:1: unknown partial "sigature" (did you mean "signature"?)',
      'letters/t.hbs:7:4: unknown helper "eahc" (did you mean "each"?)',
    ]);
  });

  it('suggests the nearest fact for the manifest and the nearest source for a fact', () => {
    const problems = problemsOf({ 'pack.yaml': 'stances:\n  - id: maintain\n    facts: [still-imprisond]\n' });
    expect(problems).toEqual([
      expect.stringMatching(/pack\.yaml:3:13: stances\[0\]\.facts\[0\]: unknown fact "still-imprisond" \(did you mean "still-imprisoned"\?\)$/),
    ]);
  });
});
