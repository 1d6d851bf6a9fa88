import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectInto, redirectStdout } from '../../src/io/stdout.js';
import { main } from '../../src/cli.js';
import { checkLinks, looksOffline } from '../../src/io/check-links.js';
import { builtinPackDir } from '../../src/pack/files.js';
import { tempDir } from '../helpers/cli.js';

// A local server standing in for the web: never the internet in a test.
let server: Server;
let base = '';
const heads: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'HEAD') heads.push(req.url ?? '');
    switch (req.url) {
      case '/good':
        res.writeHead(200).end('ok');
        break;
      case '/moved':
        res.writeHead(301, { location: '/good' }).end();
        break;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        break;
      case '/loop-b':
        res.writeHead(302, { location: `${base}/loop-a` }).end();
        break;
      case '/no-head':
        res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
        break;
      case '/slow':
        // Never answers: the checker's time limit must end the wait.
        break;
      default:
        res.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('checkLinks', () => {
  it('tells a good link from a 404, a redirect loop and a timeout, by source id', async () => {
    const targets = ['good', 'moved', 'missing', 'loop-a', 'no-head'].map((path) => ({ id: `src-${path}`, url: `${base}/${path}` }));
    // A limit generous enough that a loaded machine still answers in time; /slow, which never
    // answers, gets a short one of its own, so the test does not sit out the long one.
    const results = await checkLinks(targets, { timeoutMs: 3000, concurrency: 2 });
    results.push(...(await checkLinks([{ id: 'src-slow', url: `${base}/slow` }], { timeoutMs: 200 })));
    const by = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(results.map((r) => r.id)).toEqual([...targets.map((t) => t.id), 'src-slow']);
    expect(by['src-good']).toMatchObject({ ok: true, outcome: 'ok', status: 200 });
    expect(by['src-moved']).toMatchObject({ ok: true, outcome: 'ok', status: 200, finalUrl: `${base}/good` });
    expect(by['src-missing']).toMatchObject({ ok: false, outcome: 'status', status: 404 });
    expect(by['src-loop-a']).toMatchObject({ ok: false, outcome: 'redirect-loop' });
    expect(by['src-no-head']).toMatchObject({ ok: true, status: 200 });
    expect(by['src-slow']).toMatchObject({ ok: false, outcome: 'timeout' });
    // HEAD first, so a check does not download pages.
    expect(heads).toContain('/good');
  });

  it('stops a chain of redirects that never ends', async () => {
    const [result] = await checkLinks([{ id: 'far', url: `${base}/moved` }], { maxRedirects: 0 });
    expect(result).toMatchObject({ ok: false, outcome: 'too-many-redirects' });
  });

  it('sees a machine with no name resolution as offline, not every source as broken', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    }) as unknown as typeof globalThis.fetch;
    const results = await checkLinks(
      [
        { id: 'a', url: 'https://a.example/' },
        { id: 'b', url: 'https://b.example/' },
      ],
      { fetch },
    );
    expect(results.every((r) => r.outcome === 'dns')).toBe(true);
    expect(looksOffline(results)).toBe(true);
    expect(looksOffline([...results, { id: 'c', url: 'x', ok: false, outcome: 'status', status: 404 }])).toBe(false);
  });
});

describe('belarus-letter facts --check-links', () => {
  let stdout = '';
  let stderr = '';
  const capture = () => {
    stdout = '';
    stderr = '';
    redirectStdout(collectInto((text) => (stdout += text)));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  };
  afterEach(() => {
    redirectStdout(undefined);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  /** A user's pack whose facts file replaces the built-in one, every address on the local server. */
  function packWith(urlFor: (id: string) => string): string {
    const dir = tempDir('bl-links-');
    let id = '';
    const facts = readFileSync(join(builtinPackDir(), 'facts.yaml'), 'utf8')
      .split('\n')
      .map((line) => {
        const m = /^ {2}- id: (\S+)/.exec(line);
        if (m) id = m[1] as string;
        return /^ {4}url: https?:/.test(line) ? `    url: ${urlFor(id)}` : line;
      })
      .join('\n');
    writeFileSync(join(dir, 'facts.yaml'), `replace: true\n${facts}`);
    return dir;
  }

  it("checks a user's pack with --templates: each failure named by source id, exit 1", async () => {
    const bad: Record<string, string> = { 'hrw-2025-12-15': '/missing', 'reportaz-2026-02-26': '/loop-a', 'osce-moscow-2020': '/slow' };
    const dir = packWith((id) => `${base}${bad[id] ?? '/good'}`);
    capture();
    const code = await main(['node', 'belarus-letter', '--templates', dir, 'facts', '--check-links', '--timeout', '3']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}hrw-2025-12-15 +HTTP 404/m);
    expect(stdout).toMatch(/^FAIL {2}reportaz-2026-02-26 +redirects in a loop/m);
    expect(stdout).toMatch(/^FAIL {2}osce-moscow-2020 +no answer within 3 s/m);
    expect(stdout).toMatch(/^ok {4}eu-reg-765-2006 +200/m);
    expect(stdout).toMatch(/^none {2}ap-2026-03 +no address: /m);
    expect(stderr).toMatch(/3 of \d+ source addresses failed: /);
    for (const part of ['hrw-2025-12-15 (HTTP 404)', 'reportaz-2026-02-26 (redirect loop)', 'osce-moscow-2020 (timeout)']) expect(stderr).toContain(part);
  });

  it('exits 0 when every address opens, and reports as JSON', async () => {
    const dir = packWith(() => `${base}/good`);
    capture();
    const code = await main(['node', 'belarus-letter', '--templates', dir, 'facts', '--check-links', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { id: string; ok: boolean; status: number | null }[];
    expect(data.every((r) => r.ok)).toBe(true);
    expect(data.find((r) => r.id === 'hrw-2025-12-15')?.status).toBe(200);
  });

  it('says the machine looks offline, with exit 1, when no host name resolves', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed', { cause: { code: 'EAI_AGAIN' } });
    });
    capture();
    const code = await main(['node', 'belarus-letter', 'facts', '--check-links']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/looks offline/);
    expect(stdout).toBe('');
  });

  it('refuses a --timeout that is not a number of seconds', async () => {
    capture();
    expect(await main(['node', 'belarus-letter', 'facts', '--check-links', '--timeout', 'soon'])).toBe(2);
    expect(stderr).toMatch(/--timeout must be a number of seconds/);
  });
});
