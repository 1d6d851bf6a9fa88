import { cpSync, existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isFresh, loadBuiltinPack, packStamp, packText, PRECOMPILED_FILE, TEXT_FILE, type PrecompiledModule } from '../../src/pack/builtin.js';
import { builtinPackDir } from '../../src/pack/files.js';
import { render } from '../../src/render/render.js';
import { BODY_FORMATS } from '../../src/request.js';
import { builtinPack, packCopy, request } from '../helpers/pack.js';

const built = join(builtinPackDir(), '..', 'dist', PRECOMPILED_FILE);

describe('the precompiled built-in pack', () => {
  it('exists after the build (npm test builds first)', () => {
    expect(existsSync(built), `${built} is made by \`npm run build\``).toBe(true);
  });

  it('is used when it matches templates/, and renders exactly what the loader renders', async () => {
    const fast = await loadBuiltinPack();
    expect(fast.precompiled).toBeDefined();
    const slow = builtinPack();
    for (const region of slow.regions) {
      for (const recipient of region.recipients) {
        for (const stance of slow.stances) {
          for (const format of BODY_FORMATS) {
            const req = request({ region: region.id, recipient: recipient.id, stance: stance.id, format, story: 'It matters to me.' });
            expect(render(fast, req), `${region.id}/${recipient.id}/${stance.id}/${format}`).toEqual(render(slow, req));
          }
        }
      }
    }
  });

  it("loads one spelling's templates when told the region, and one mode when told the format, and says so if misused", async () => {
    const uk = await loadBuiltinPack({ region: 'uk' });
    expect(Object.keys(uk.precompiled!.modes).sort()).toEqual(['html|gb', 'text|gb']);
    expect(render(uk, request()).text).toEqual(render(builtinPack(), request()).text);
    expect(() => render(uk, request({ region: 'us', recipient: 'senator' }))).toThrow(/loaded without its "text\|us" templates/);
    const usHtml = await loadBuiltinPack({ region: 'us', escape: true });
    expect(Object.keys(usHtml.precompiled!.modes)).toEqual(['html|us']);
    expect(() => render(usHtml, request({ region: 'us', recipient: 'senator', format: 'text' }))).toThrow(/loaded without its "text\|us" templates/);
    const all = await loadBuiltinPack();
    expect(Object.keys(all.precompiled!.modes).sort()).toEqual(['html|ca', 'html|gb', 'html|us', 'text|ca', 'text|gb', 'text|us']);
    expect(all.regions.length).toBeGreaterThan(1);
  });

  it("loads, for a text letter, only its region's templates and offers only that region", async () => {
    const ukText = await loadBuiltinPack({ region: 'uk', escape: false });
    expect(Object.keys(ukText.precompiled!.modes)).toEqual(['text|gb']);
    expect(ukText.regions.map((r) => r.id)).toEqual(['uk']);
    expect(render(ukText, request({ format: 'markdown' })).text).toEqual(render(builtinPack(), request({ format: 'markdown' })).text);
    expect(() => render(ukText, request({ format: 'html' }))).toThrow(/loaded without its "html\|gb" templates/);
    expect(() => render(ukText, request({ region: 'ca', recipient: 'mp' }))).toThrow(/"ca"/);
  });

  it("renders, for each region loaded alone (without other regions' phrasings), exactly what the loader renders", async () => {
    const slow = builtinPack();
    for (const region of slow.regions) {
      const fast = await loadBuiltinPack({ region: region.id, escape: false });
      for (const recipient of region.recipients) {
        for (const stance of slow.stances) {
          for (const format of BODY_FORMATS.filter((f) => f !== 'html')) {
            const req = request({ region: region.id, recipient: recipient.id, stance: stance.id, format, story: 'It matters to me.' });
            expect(render(fast, req), `${region.id}/${recipient.id}/${stance.id}/${format}`).toEqual(render(slow, req));
          }
        }
      }
    }
  });

  it("lists the pack's files with their sizes, which change with any file", () => {
    const before = packStamp(packCopy()).files;
    expect(packStamp(builtinPackDir()).files).toBe(before);
    expect(packStamp(packCopy({ 'partials/close.hbs': 'Thanks.\n' })).files).not.toBe(before);
    expect(packStamp(packCopy({ 'letters/extra.hbs': 'More.\n' })).files).not.toBe(before);
    expect(packText(packCopy({ 'partials/signature.hbs': 'X' }))).not.toBe(packText(builtinPackDir()));
  });

  it('is trusted only while templates/ is what it was built from, even after an edit of the same size', async () => {
    // A copy of the package layout: templates/ and dist/ as built, then edited.
    const root = mkdtempSync(join(tmpdir(), 'bl-stale-'));
    const dir = join(root, 'templates');
    const dist = join(root, 'dist');
    cpSync(builtinPackDir(), dir, { recursive: true });
    cpSync(join(builtinPackDir(), '..', 'dist'), dist, { recursive: true });
    const main = (await import(pathToFileURL(join(dist, PRECOMPILED_FILE)).href)) as PrecompiledModule;
    // Copied files are dated now, after the build: their text decides, and it is the same.
    expect(isFresh(main, dir, dist)).toBe(true);
    // Dated before the build, as a checkout the build read: trusted without reading the text.
    const old = new Date('1985-10-26T08:15:00Z');
    const files = packStamp(dir)
      .files.split('\n')
      .map((line) => line.slice(0, line.lastIndexOf(' ')));
    for (const rel of files) utimesSync(join(dir, rel), old, old);
    rmSync(join(dist, TEXT_FILE));
    expect(isFresh(main, dir, dist)).toBe(true);
    cpSync(join(builtinPackDir(), '..', 'dist', TEXT_FILE), join(dist, TEXT_FILE));
    // An edit dates the file now; one that keeps the size is still noticed by its text.
    const signature = join(dir, 'partials', 'signature.hbs');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(signature, 'utf8');
    writeFileSync(
      signature,
      text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x')),
    );
    expect(isFresh(main, dir, dist)).toBe(false);
    writeFileSync(signature, `${text}(edited)\n`);
    utimesSync(signature, old, old);
    expect(isFresh(main, dir, dist)).toBe(false);
  });
});
