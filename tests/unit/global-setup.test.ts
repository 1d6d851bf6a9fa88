import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { buildIsStale } from '../helpers/global-setup.js';

function tree(distAge: number, srcAge: number): string {
  const root = tempDir();
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'src', 'a.ts'), '');
  writeFileSync(join(root, 'dist', 'cli.js'), '');
  const now = Date.now() / 1000;
  utimesSync(join(root, 'src', 'a.ts'), now - srcAge, now - srcAge);
  utimesSync(join(root, 'src'), now - srcAge, now - srcAge);
  utimesSync(join(root, 'dist', 'cli.js'), now - distAge, now - distAge);
  return root;
}

describe('the build before the tests', () => {
  it('rebuilds when a source is newer than dist/, or dist/ is missing', () => {
    expect(buildIsStale(tree(100, 10))).toBe(true);
    expect(buildIsStale(tempDir())).toBe(true);
  });
  it('keeps a build that is newer than every source', () => {
    expect(buildIsStale(tree(10, 100))).toBe(false);
  });
});
