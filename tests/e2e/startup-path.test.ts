/**
 * What a text draft loads: the built entry and every chunk it imports statically, up to the
 * draft command. PDF and mail-link code must stay behind import(), off that path; timings are
 * left to `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DIST = join(ROOT, 'dist');

/** Files loaded with `file`, following static imports only. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${}\s,*]+from\s*)?["'](\.[^"']+)["']/g)) {
    staticClosure(join(file, '..', m[1] as string), seen);
  }
  return seen;
}

describe('start-up path', () => {
  it('keeps pdfkit and the mail-link code out of what a text draft loads', () => {
    const chunks = readdirSync(join(DIST, 'chunks'));
    const cli = chunks.find((f) => /^cli-.*\.js$/.test(f));
    expect(cli).toBeTruthy();
    // The command program and the draft command, with all they load at once, stay a few files:
    // each file is its own resolve, read and link at every start.
    const loaded = new Set([...staticClosure(join(DIST, 'cli.js')), ...staticClosure(join(DIST, 'chunks', cli!))]);
    expect(loaded.size).toBeGreaterThanOrEqual(3);
    expect(loaded.size).toBeLessThanOrEqual(5);
    const code = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(code).toContain('--max-chars');
    expect(code).toContain('name fewer facts with --facts');
    expect(code).not.toContain('PDFDocument');
    expect(code).not.toContain('fontkit');
    expect(code).not.toContain('mail.google.com');
    expect(code).not.toContain('deeplink/compose');
    // ...while they are reachable on demand.
    const all = chunks.map((f) => readFileSync(join(DIST, 'chunks', f), 'utf8')).join('\n');
    expect(all).toContain('mail.google.com');
    expect(all).toContain('PTSerif_400Regular.ttf');
  });
});
