/** `config` and the draft that cannot ask, through main(argv); the questions themselves are in tests/e2e/wizard.test.ts. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

describe('without a terminal', () => {
  it('never prompts and exits 2 listing what is missing, CI or not', async () => {
    for (const env of [{ CI: '' }, { CI: '1' }]) {
      const result = await runMain([], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Missing --region, --recipient, --stance, --name and --city.');
      expect(result.stderr).not.toContain('Where do you live?');
      expect(result.stdout).toBe('');
    }
  });
});

describe('belarus-letter config', () => {
  it('shows, as text and JSON, and clears what is remembered', async () => {
    const config = tempDir();
    const env = { XDG_CONFIG_HOME: config };
    const empty = await runMain(['config', 'show', '--json'], { env });
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual({ path: join(config, 'belarus-letter', 'config.json'), config: {} });

    const file = join(config, 'belarus-letter', 'config.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ name: 'Alex Doe', city: 'Leeds', region: 'uk' }));
    const shown = await runMain(['config', 'show'], { env });
    expect(shown.stdout).toContain(`Settings file: ${file}`);
    expect(shown.stdout).toMatch(/name\s+Alex Doe\ncity\s+Leeds\nregion\s+uk/);
    expect(JSON.parse((await runMain(['config', 'show', '--json'], { env })).stdout).config).toEqual({ name: 'Alex Doe', city: 'Leeds', region: 'uk' });

    const cleared = await runMain(['config', 'clear'], { env });
    expect(cleared.code).toBe(0);
    expect(cleared.stderr).toContain('Forgot everything remembered');
    expect(existsSync(file)).toBe(false);
    expect((await runMain(['config', 'clear'], { env })).stderr).toContain('Nothing was remembered');
  });

  it('reports a broken settings file with its name, exit 1', async () => {
    const config = tempDir();
    const file = join(config, 'belarus-letter', 'config.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{ broken');
    const result = await runMain(['config', 'show'], { env: { XDG_CONFIG_HOME: config } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} could not be read: it is not valid JSON`);
  });
});
