/**
 * Where the remembered answers live. Apart from config.ts so that every command can check for
 * the file without loading the settings' schema when there is none (the usual case).
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The folder for this tool's settings. XDG_CONFIG_HOME wins on every platform when set (so a
 * test, or a user who wants one place, can point it anywhere); otherwise the platform's own.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'belarus-letter');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'belarus-letter');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'belarus-letter');
  return join(home, '.config', 'belarus-letter');
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.json');
}
