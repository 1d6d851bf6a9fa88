/**
 * `npm test`: the type check and the tests side by side, not one after the other. tsc keeps one
 * core busy, and vitest leaves a core idle while it waits on spawned processes, timers and its
 * last few files, so on two cores both together end sooner than in turn. tsc's report is held
 * back and printed after vitest's, so the two never interleave. Arguments go to vitest
 * (`npm test -- tests/unit/render.test.ts`). Exits non-zero if either fails.
 */
import { spawn } from 'node:child_process';

/** Runs a command from node_modules/.bin (npm puts it on PATH), resolving to its exit code. */
function run(command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // Windows finds the .cmd shims only through a shell.
      shell: process.platform === 'win32',
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ code: 1, output: `${command}: ${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typecheck = run('tsc', ['--noEmit', '--pretty'], { capture: true });
const tests = await run('vitest', ['run', ...process.argv.slice(2)]);
const types = await typecheck;
process.stdout.write(types.code === 0 ? '\nType check (tsc --noEmit): no errors\n' : `\nType check (tsc --noEmit) failed:\n${types.output}`);
process.exitCode = tests.code !== 0 || types.code !== 0 ? 1 : 0;
