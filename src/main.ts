/**
 * The program's entry. `--version` is answered before anything else loads, and this file
 * imports nothing of the program's own: each module is one more for every start to load.
 * Everything else goes to the commander program in cli.ts.
 */
import { createRequire } from 'node:module';

// By require, not import: an import of node:fs has Node read every export of it, which loads
// fs's streams and promises for nothing (the bundle's own chunks do the same, see the build).
const { writeSync } = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

declare const __VERSION__: string | undefined;

// `belarus-letter facts | head`: the reader has what it wanted; stop quietly, as Unix tools do.
// The handler goes on when process.stdout is first built (see io/stdout.ts for why that is
// late, or never). A command that streams (bulk --out -) listens itself, to finish its summary.
const original = Object.getOwnPropertyDescriptor(process, 'stdout');
// Any other failure to write (a full disk) is lost output: one line, exit 1, never a stack trace.
// The program's own output goes through io/stdout.ts, which words it better; this is the net.
const onStdoutError = (error: NodeJS.ErrnoException) => {
  if (process.stdout.listenerCount('error') > 1) return;
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `belarus-letter: Could not write to standard output: ${error.code ?? error.message}.\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left.
  }
  process.exit(1);
};
if (original?.get && original.configurable) {
  const build = original.get;
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: original.enumerable,
    get() {
      const stream = build.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, 'stdout', { configurable: true, enumerable: original.enumerable, get: () => stream });
      stream.on('error', onStdoutError);
      return stream;
    },
  });
} else process.stdout.on('error', onStdoutError);

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  try {
    writeSync(1, `${typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'}\n`);
  } catch {
    // Nowhere to print to (stdout closed): nothing else to do.
  }
} else {
  const { main } = await import('./cli.js');
  process.exitCode = await main(process.argv);
}
