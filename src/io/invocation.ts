/**
 * Commands to suggest as the user can paste them: `npx belarus-letter ...` when npx ran this
 * (npm sets npm_command=exec; npx's cache folder is named _npx), else `belarus-letter ...`.
 */
export function commandName(env: NodeJS.ProcessEnv = process.env, script: string | undefined = process.argv[1]): string {
  const viaNpx = env.npm_command === 'exec' || /[\\/]_npx[\\/]/.test(script ?? '');
  return viaNpx ? 'npx belarus-letter' : 'belarus-letter';
}

export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The tool run with these arguments, quoted for a POSIX shell. */
export function suggestCommand(args: readonly string[], name = commandName()): string {
  return [name, ...args.map(shellQuote)].join(' ');
}
