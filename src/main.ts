/**
 * The program's entry. `--version` is answered before anything else loads; everything else
 * goes to the commander program in cli.ts.
 */
import { VERSION } from './version.js';

// `belarus-letter facts | head`: the reader has what it wanted; stop quietly, as Unix tools do.
// A command that streams (bulk --out -) listens itself, to finish its summary first.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (process.stdout.listenerCount('error') > 1) return;
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('./cli.js');
  process.exitCode = await main(process.argv);
}
