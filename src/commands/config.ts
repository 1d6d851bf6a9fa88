/** `belarus-letter config show|clear`: what the wizard remembers, and forgetting it. */
import { clearConfig, configPath, CONFIG_KEYS, readConfig } from '../config/config.js';
import { emit, emitJson } from '../io/emit.js';
import type { OptionsOf } from '../options/table.js';
import { info } from '../ui.js';

export function runConfigShow(options: OptionsOf<'config show'>): void {
  const path = configPath();
  const config = readConfig(path);
  if (options.json) {
    emitJson({ path, config }, {}, 'the settings');
    return;
  }
  const set = CONFIG_KEYS.filter((key) => config[key] !== undefined);
  const lines = [`Settings file: ${path}`];
  if (set.length === 0) lines.push('Nothing is remembered.');
  for (const key of set) lines.push(`${key.padEnd(10)} ${config[key]}`);
  emit(`${lines.join('\n')}\n`, {}, 'the settings');
}

export function runConfigClear(): void {
  const path = configPath();
  info(clearConfig(path) ? `Forgot everything remembered in ${path}.` : `Nothing was remembered (no ${path}).`);
}
