import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinPack, packHash, PRECOMPILED_FILE } from '../../src/pack/builtin.js';
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

  it('loads only one spelling\'s templates when told the region, and says so if misused', async () => {
    const uk = await loadBuiltinPack({ region: 'uk' });
    expect(Object.keys(uk.precompiled!.modes).sort()).toEqual(['html|gb', 'text|gb']);
    expect(render(uk, request()).text).toEqual(render(builtinPack(), request()).text);
    expect(() => render(uk, request({ region: 'us', recipient: 'senator' }))).toThrow(/loaded without its "text\|us" templates/);
    const all = await loadBuiltinPack();
    expect(Object.keys(all.precompiled!.modes).sort()).toEqual(['html|gb', 'html|us', 'text|gb', 'text|us']);
  });

  it('is tied to the pack\'s content by a hash that changes with any file', () => {
    const dir = packCopy();
    const before = packHash(dir);
    expect(packHash(builtinPackDir())).toBe(before);
    const edited = packCopy({ 'partials/close.hbs': 'Thanks.\n' });
    expect(packHash(edited)).not.toBe(before);
  });
});
