/** `templates preview`: every served letter, its word count and similarity, to stdout, a folder or JSON. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/pack/load.js';
import { requestsServed, TYPICAL_STORY } from '../../src/render/page-check.js';
import { PREVIEW_SENDERS } from '../../src/render/preview.js';
import { render } from '../../src/render/render.js';
import { similarity } from '../../src/render/similarity.js';
import { countWords } from '../../src/render/word-count.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { request, userPack } from '../helpers/pack.js';

const POSTCARD = join(ROOT, 'examples', 'postcard');
const HEADER = /^=== region (\S+), recipient (\S+), stance (\S+) \(template (\S+)\): (\d+) words; similarity (\d\.\d\d) to a second sender's letter ===$/gm;

// Loaded once for the file: each load page-checks all 42 postcards again.
let postcardPack: Pack | undefined;
const loadPostcard = () => (postcardPack ??= loadPack({ templatesDir: POSTCARD }));

/** Every (template, region, recipient, stance) the postcard serves, as the page check counts them. */
function servedByPostcard(): string[] {
  const pack = loadPostcard();
  const postcard = pack.templates.find((t) => t.meta.id === 'postcard');
  if (!postcard) throw new Error('the example has no postcard');
  return requestsServed(pack, postcard).map((r) => `postcard ${r.region} ${r.recipient} ${r.stance}`);
}

interface Record_ {
  template: string;
  region: string;
  recipient: string;
  stance: string;
  words: number;
  similarity: number;
  letter?: string;
  file?: string;
}

describe('templates preview', () => {
  it('prints one letter for every region, recipient and stance the template serves, each under its header', async () => {
    const r = await runMain(['templates', 'preview', POSTCARD, '--template', 'postcard']);
    expect(r.code, r.stderr).toBe(0);
    const headers = [...r.stdout.matchAll(HEADER)];
    expect(headers.map((h) => `${h[4]} ${h[1]} ${h[2]} ${h[3]}`)).toEqual(servedByPostcard());
    // Each letter follows its header: from the fixed sender, on the fixed date, in the region's date style.
    const letters = r.stdout
      .split(HEADER)
      .filter((_, i) => i > 0 && i % 7 === 0)
      .map((s) => s.trim());
    expect(letters).toHaveLength(headers.length);
    const uk = headers.findIndex((h) => h[1] === 'uk' && h[2] === 'mp' && h[3] === 'maintain');
    expect(letters[uk]).toMatch(/^Dear Jane Smith,\n\n[\s\S]*\nAlex Example, Exampletown\n\nSources\n1\. /);
    // The word count in the header is the letter's, before its Sources.
    expect(Number(headers[uk]?.[5])).toBe(countWords((letters[uk] ?? '').split('\n\nSources\n')[0] ?? ''));
    expect(r.stderr).toMatch(/^Previewed 42 letters of .*postcard \(template postcard\) from Alex Example, dated 2026-11-30: \d+ to \d+ words; similarity/m);
  });

  it('previews the same letters every time, and the built-in pack when given no folder', async () => {
    const [a, b] = [await runMain(['templates', 'preview', '--template', 'letter']), await runMain(['templates', 'preview'])];
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toMatch(/^=== region us, recipient senator, stance maintain \(template letter\): /);
    expect(a.stdout).toContain('November 30, 2026');
  });

  it("gives words and the similarity of two senders as JSON, the similarity being the library's", async () => {
    const r = await runMain(['templates', 'preview', POSTCARD, '--template', 'postcard', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { pack: string; format: string; date: string; senders: string[]; letters: Record_[]; failed: string[] };
    expect(data).toMatchObject({ pack: POSTCARD, format: 'text', date: '2026-11-30', senders: ['Alex Example', 'Sam Example'], failed: [] });
    expect(data.letters.map((l) => `${l.template} ${l.region} ${l.recipient} ${l.stance}`)).toEqual(servedByPostcard());
    for (const l of data.letters) {
      expect(l.words).toBeGreaterThan(100);
      expect(l.similarity).toBeGreaterThan(0);
      expect(l.similarity).toBeLessThan(1);
    }
    // The measure is similarity() of the two senders' letters, stories left out, as draft would write them.
    const pack = loadPostcard();
    const uk = data.letters.find((l) => l.region === 'uk' && l.recipient === 'mp' && l.stance === 'maintain');
    const [first, second] = PREVIEW_SENDERS.map((sender) =>
      render(pack, request({ ...sender, template: 'postcard', recipientName: 'Jane Smith', story: TYPICAL_STORY, date: '2026-11-30' })),
    );
    expect(uk?.letter).toBe(first?.text);
    expect(uk?.similarity).toBe(similarity(first?.body ?? '', second?.body ?? '', { stories: [TYPICAL_STORY, TYPICAL_STORY] }));
  });

  it('writes one file per letter into --out-dir, and never replaces one without --force', async () => {
    const dir = join(tempDir('bl-preview-'), 'out');
    const r = await runMain(['templates', 'preview', POSTCARD, '--template', 'postcard', '--out-dir', dir, '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      servedByPostcard()
        .map((s) => `${s.replaceAll(' ', '-')}.md`)
        .sort(),
    );
    expect(readFileSync(join(dir, 'postcard-uk-mp-maintain.md'), 'utf8')).toMatch(/^Dear Jane Smith,\n/);
    expect(r.stdout.split('\n')[0]).toMatch(/out\/postcard-us-senator-maintain\.md\t\d+ words\tsimilarity 0\.\d\d$/);

    // One file in the way: refused before anything is written, and that file is untouched.
    writeFileSync(join(dir, 'postcard-uk-mp-maintain.md'), 'mine');
    const again = await runMain(['templates', 'preview', POSTCARD, '--template', 'postcard', '--out-dir', dir, '--format', 'markdown']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/postcard-us-senator-maintain\.md and 41 more preview files already exist; nothing was written\.\nAdd --force/);
    expect(readFileSync(join(dir, 'postcard-uk-mp-maintain.md'), 'utf8')).toBe('mine');
    const forced = await runMain(['templates', 'preview', POSTCARD, '--template', 'postcard', '--out-dir', dir, '--format', 'markdown', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'postcard-uk-mp-maintain.md'), 'utf8')).toMatch(/^Dear Jane Smith,\n/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses an unknown template with a suggestion, and a pack with problems with their places', async () => {
    const unknown = await runMain(['templates', 'preview', POSTCARD, '--template', 'postcrad']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown template "postcrad" \(--template\); did you mean "postcard"\?/);
    const broken = userPack({ 'letters/t.hbs': '---\nid: t\ndescription: x\n---\n{{#each facts}}\n' });
    const r = await runMain(['templates', 'preview', broken, '--out-dir', join(broken, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('letters/t.hbs:5:1: {{#each facts}} is never closed: add {{/each}}');
    expect(existsSync(join(broken, 'out'))).toBe(false);
  });

  it("warns when two senders' letters read nearly the same", async () => {
    const plain = userPack({
      'letters/same.hbs': `---\nid: same\ndescription: x\n---\n${'One fixed sentence for everyone, whoever writes it. '.repeat(30)}{{story}}\n`,
    });
    const r = await runMain(['templates', 'preview', plain, '--template', 'same', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: 42 letters read much like a second sender's \(similarity over 0\.8\)/);
  });

  it('explains itself in --help, with examples', async () => {
    const r = await runMain(['templates', 'preview', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Usage: belarus-letter templates preview \[options\] \[dir\][\s\S]*--out-dir <dir>[\s\S]*Examples:\n {2}\$ belarus-letter templates preview my-pack/,
    );
  });
});
