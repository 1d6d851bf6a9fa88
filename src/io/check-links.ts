/**
 * Whether each source's web address still opens: a few requests at a time, each source with a
 * short time limit, redirects followed by hand so a loop is caught and named. A staffer who
 * follows a dead link from a letter discounts the whole letter, so a pack maintainer runs this
 * before a release (`facts --check-links`).
 */

export interface LinkTarget {
  id: string;
  url: string;
}

export type LinkOutcome = 'ok' | 'status' | 'redirect-loop' | 'too-many-redirects' | 'timeout' | 'dns' | 'network';

export interface LinkResult extends LinkTarget {
  ok: boolean;
  outcome: LinkOutcome;
  /** The last HTTP status seen, if any. */
  status?: number;
  /** Where the address finally led, when it redirected. */
  finalUrl?: string;
  /** What went wrong, in words. */
  detail?: string;
}

export interface CheckOptions {
  /** Per source, for the whole chain of redirects. */
  timeoutMs?: number;
  concurrency?: number;
  maxRedirects?: number;
  fetch?: typeof globalThis.fetch;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** The system error code under a fetch failure (undici wraps it in `cause`). */
function errorCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** One request: HEAD first, GET when the server will not answer HEAD; never the body. */
async function request(fetchFn: typeof globalThis.fetch, url: string, signal: AbortSignal): Promise<Response> {
  const init = { redirect: 'manual', signal, headers: { 'user-agent': 'belarus-letter link check' } } as const;
  const head = await fetchFn(url, { ...init, method: 'HEAD' });
  if (head.status !== 405 && head.status !== 501 && head.status !== 403) return head;
  await head.body?.cancel();
  const get = await fetchFn(url, { ...init, method: 'GET' });
  await get.body?.cancel();
  return get;
}

export async function checkLink(target: LinkTarget, options: CheckOptions = {}): Promise<LinkResult> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const maxRedirects = options.maxRedirects ?? 5;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  const seen = new Set<string>();
  let url = target.url;
  let status: number | undefined;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url);
      const response = await request(fetchFn, url, signal);
      status = response.status;
      const location = response.headers.get('location');
      if (status >= 300 && status < 400 && location) {
        const next = new URL(location, url).href;
        if (seen.has(next)) return { ...target, ok: false, outcome: 'redirect-loop', status, detail: `redirects in a loop back to ${next}` };
        if (hop + 1 > maxRedirects) return { ...target, ok: false, outcome: 'too-many-redirects', status, detail: `more than ${maxRedirects} redirects` };
        url = next;
        continue;
      }
      const finalUrl = url === target.url ? undefined : url;
      if (status >= 200 && status < 300) return { ...target, ok: true, outcome: 'ok', status, finalUrl };
      return { ...target, ok: false, outcome: 'status', status, finalUrl, detail: `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError' || signal.aborted) {
      return { ...target, ok: false, outcome: 'timeout', status, detail: `no answer within ${timeoutMs / 1000} s` };
    }
    const code = errorCode(error);
    if (code && DNS_CODES.has(code)) return { ...target, ok: false, outcome: 'dns', detail: `the host name did not resolve (${code})` };
    return { ...target, ok: false, outcome: 'network', status, detail: code ?? (error as Error)?.message ?? String(error) };
  }
}

/** Every target checked, a few at a time; results in the targets' order. */
export async function checkLinks(targets: readonly LinkTarget[], options: CheckOptions = {}): Promise<LinkResult[]> {
  const results: LinkResult[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      results[i] = await checkLink(targets[i] as LinkTarget, options);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 4, targets.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}

/** No host resolved at all: the machine is offline, not every source broken. */
export const looksOffline = (results: readonly LinkResult[]) => results.length > 0 && results.every((r) => r.outcome === 'dns');
