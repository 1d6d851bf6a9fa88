/**
 * The render stages strung together by hand give what render() gives, and the format stage works
 * from a finished letter alone: the seams a new format or a new check hooks into.
 */
import { describe, expect, it } from 'vitest';
import { prepareLetter } from '../../src/render/build-view.js';
import { finishLetter } from '../../src/render/finish.js';
import { NO_TRIM } from '../../src/render/fit.js';
import { formatLetter } from '../../src/render/format-letter.js';
import { render } from '../../src/render/render.js';
import { resolveIds } from '../../src/render/resolve.js';
import { letterState, runTemplate } from '../../src/render/run.js';
import { builtinPack, request } from '../helpers/pack.js';

describe('the render stages', () => {
  const pack = builtinPack();

  it('resolve, build the view, run, finish and format to the letter render() gives', () => {
    const req = request({ region: 'us', recipient: 'senator', format: 'markdown', story: 'My cousin is in prison in Minsk.' });
    const resolved = resolveIds(pack, req);
    expect(resolved).toMatchObject({ bodyFormat: 'markdown', region: { id: 'us' }, recipient: { id: 'senator' }, stance: { id: 'maintain' } });
    const prepared = prepareLetter(pack, req, NO_TRIM);
    expect(prepared.view.recipient.name).toBe('Jane Smith');
    const cited: string[] = [];
    const raw = runTemplate(pack, prepared, letterState(pack, prepared, cited));
    expect(cited.length).toBeGreaterThan(0);
    const finished = finishLetter(pack, prepared, raw, cited);
    const text = formatLetter(pack, req, finished);
    expect(text).toBe(render(pack, req).text);
    expect(text).toContain('## Sources');
  });

  it('formats one finished letter as text or Markdown from the same body, sources and notes', () => {
    const req = request({ format: 'text' });
    const prepared = prepareLetter(pack, req, NO_TRIM);
    const cited: string[] = [];
    const finished = finishLetter(pack, prepared, runTemplate(pack, prepared, letterState(pack, prepared, cited)), cited);
    const text = formatLetter(pack, req, finished);
    expect(text.startsWith(finished.body)).toBe(true);
    expect(text).toContain('\n\nSources\n1. ');
    const markdown = formatLetter(pack, { ...req, format: 'markdown' }, finished);
    expect(markdown).toContain('\n\n## Sources\n\n1. ');
    // The core names the request's fields; each front end says how it names them.
    expect(() => formatLetter(pack, { ...req, format: 'eml' }, finished)).toThrow('format eml needs your email address for the From header: add email.');
    expect(() => formatLetter(pack, { ...req, format: 'eml' }, finished, (f) => `<${f}>`)).toThrow(
      '<format> eml needs your email address for the From header: add <email>.',
    );
  });
});
