/**
 * `officials update`: download the directory's sources again and rebuild it into the cache folder.
 * The base URL is raw GitHub by default; the files sit under it as <repo>/<branch>/<file>, so a
 * mirror (or a test's local server) laid out the same way serves instead.
 */
import { AppError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file.js';
import { buildUsDirectory, SourceDataError, SOURCE_FILES, type BuildInput } from './us/build.js';
import { serialiseDirectory, type UsDirectory } from './us/schema.js';

export const DEFAULT_BASE_URL = 'https://raw.githubusercontent.com';
/** No source file is anywhere near this; a bigger answer is not one of them. */
const MAX_BYTES = 20 * 1024 * 1024;

export function sourceUrl(base: string, key: keyof typeof SOURCE_FILES): string {
  const { repo, branch, file } = SOURCE_FILES[key];
  return `${base.replace(/\/+$/, '')}/${repo}/${branch}/${file}`;
}

async function download(url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = (error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new AppError(`Could not download ${url} (${why}); are you online? The directory in use is unchanged.`);
  }
  if (!response.ok)
    throw new AppError(`Could not download ${url}: the server answered ${response.status} ${response.statusText}. The directory in use is unchanged.`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new AppError(`${url} is larger than any source of the directory should be; nothing was changed.`);
  return text;
}

export interface UpdateOptions {
  base?: string;
  /** Where to write the rebuilt directory. */
  path: string;
  /** YYYY-MM-DD: the as-of date of data downloaded from a branch's head. */
  today: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** Downloads the three sources; a branch's head has no commit id here, so the branch and the day stand in. */
export async function downloadSources(base: string, today: string, fetchImpl: typeof fetch = fetch, timeoutMs = 30_000): Promise<BuildInput> {
  const [legislators, offices, zccd] = await Promise.all(
    (['legislators', 'offices', 'zccd'] as const).map((key) => download(sourceUrl(base, key), fetchImpl, timeoutMs)),
  );
  return {
    legislators: legislators as string,
    offices,
    zccd: zccd as string,
    commits: {
      legislators: { commit: `${SOURCE_FILES.legislators.branch} (downloaded ${today})`, date: today },
      zccd: { commit: `${SOURCE_FILES.zccd.branch} (downloaded ${today})`, date: today },
    },
  };
}

export async function updateDirectory(options: UpdateOptions): Promise<{ directory: UsDirectory; base: string }> {
  const base = options.base ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\//i.test(base)) throw new AppError(`--base-url must start with http:// or https://, not "${base}".`, 2);
  const input = await downloadSources(base, options.today, options.fetchImpl, options.timeoutMs);
  let directory: UsDirectory;
  try {
    directory = buildUsDirectory(input);
  } catch (error) {
    if (error instanceof SourceDataError) throw new AppError(`The downloaded data did not read: ${error.message}. The directory in use is unchanged.`);
    throw error;
  }
  writeFileAtomic(options.path, serialiseDirectory(directory), { force: true, mkdir: true });
  return { directory, base };
}
