/**
 * The officials data each region has. Only the US has a directory today; another country's data
 * is one more OfficialsSource here, and `officials`, `draft --zip`, bulk and the wizard use it.
 */
import type { OfficialsSource } from './types.js';
import { loadUsDirectory } from './store.js';
import { warn } from '../ui.js';

const LOADERS: Readonly<Record<string, () => OfficialsSource>> = {
  us: () => {
    const { source, problem } = loadUsDirectory();
    if (problem) warn(problem);
    return source;
  },
};

export function hasOfficialsData(region: string): boolean {
  return region in LOADERS;
}

export function officialsSource(region: string): OfficialsSource | undefined {
  return LOADERS[region]?.();
}
