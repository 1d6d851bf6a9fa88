import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

/** Runs the CLI with a reader that has already gone, like `| head -1` once head has its line. */
function withClosedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops early', () => {
  for (const args of [['bulk', '--help'], ['facts'], ['regions', '--json']]) {
    it(`ends \`${args.join(' ')} | head\` quietly, without a trace`, async () => {
      const r = await withClosedReader(args);
      expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(r.code).toBe(0);
    });
  }
});
