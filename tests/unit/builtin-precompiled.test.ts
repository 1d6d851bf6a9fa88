import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinPack, packText, PRECOMPILED_FILE } from '../../src/pack/builtin.js';
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

  it('loads only one spelling\'s templates when told the region, and one mode when told the format, and says so if misused', async () => {
    const uk = await loadBuiltinPack({ region: 'uk' });
    expect(Object.keys(uk.precompiled!.modes).sort()).toEqual(['html|gb', 'text|gb']);
    expect(render(uk, request()).text).toEqual(render(builtinPack(), request()).text);
    expect(() => render(uk, request({ region: 'us', recipient: 'senator' }))).toThrow(/loaded without its "text\|us" templates/);
    const ukText = await loadBuiltinPack({ region: 'uk', escape: false });
    expect(Object.keys(ukText.precompiled!.modes)).toEqual(['text|gb']);
    expect(render(ukText, request({ format: 'markdown' })).text).toEqual(render(builtinPack(), request({ format: 'markdown' })).text);
    expect(() => render(ukText, request({ format: 'html' }))).toThrow(/loaded without its "html\|gb" templates/);
    const usHtml = await loadBuiltinPack({ region: 'us', escape: true });
    expect(Object.keys(usHtml.precompiled!.modes)).toEqual(['html|us']);
    const all = await loadBuiltinPack();
    expect(Object.keys(all.precompiled!.modes).sort()).toEqual(['html|gb', 'html|us', 'text|gb', 'text|us']);
  });

  it('is tied to the pack\'s content, which changes with any file', () => {
    const dir = packCopy();
    const before = packText(dir);
    expect(packText(builtinPackDir())).toBe(before);
    expect(packText(packCopy({ 'partials/close.hbs': 'Thanks.\n' }))).not.toBe(before);
    expect(packText(packCopy({ 'letters/extra.hbs': 'More.\n' }))).not.toBe(before);
  });

  it('stores the text of templates/ it was built from, which an edit after the build no longer matches', async () => {
    const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    // A copy of the package layout: templates/ edited after the build, dist/ as built.
    const root = mkdtempSync(join(tmpdir(), 'bl-stale-'));
    cpSync(builtinPackDir(), join(root, 'templates'), { recursive: true });
    cpSync(join(builtinPackDir(), '..', 'dist'), join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'templates', 'partials', 'signature.hbs'), '{{sender.name}} (edited)\n');
    const { pathToFileURL } = await import('node:url');
    const main = await import(pathToFileURL(join(root, 'dist', PRECOMPILED_FILE)).href);
    expect(main.text).toBe(packText(builtinPackDir()));
    expect(main.text).not.toBe(packText(join(root, 'templates')));
  });
});
