/**
 * Commands to suggest as the user can paste them: `npx belarus-letter ...` when npx ran this,
 * else `belarus-letter ...`. npx runs a package from its cache (a folder named _npx) or from a
 * project's node_modules, with npm_command=exec; a program that merely runs under npx (a test
 * runner started with npx) passes npm_command on but does not run this from node_modules.
 */
export function commandName(env: NodeJS.ProcessEnv = process.env, script: string | undefined = process.argv[1]): string {
  const path = script ?? '';
  const viaNpx = /[\\/]_npx[\\/]/.test(path) || (env.npm_command === 'exec' && /[\\/]node_modules[\\/]/.test(path));
  return viaNpx ? 'npx belarus-letter' : 'belarus-letter';
}

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The tool run with these arguments, quoted for a POSIX shell. */
export function suggestCommand(args: readonly string[], name = commandName()): string {
  return [name, ...args.map(shellQuote)].join(' ');
}
