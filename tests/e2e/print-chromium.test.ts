/**
 * The print page as a browser prints it: headless Chromium (Debian's `chromium`, installed by
 * .ci/run) renders the HTML the CLI wrote, prints it to PDF with the page's own @page size, and
 * the PDF must be one page holding the letter's text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir, UK_MP } from '../helpers/cli.js';

const EXECUTABLE = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const missing = !EXECUTABLE && !process.env.CI;
if (missing) console.warn('print-chromium: skipped, because Chromium is not installed (apt-get install chromium) and CI is unset.');

const STORY = 'My aunt was jailed in Minsk in 2021. Алесь Бяляцкі and Mária Kolesniková were freed; others were not.';

describe.skipIf(missing)('print HTML in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!EXECUTABLE) throw new Error('CI is set but Chromium is not installed: .ci/run should have installed it.');
    browser = await chromium.launch({
      executablePath: EXECUTABLE,
      timeout: 60_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = [
    { name: 'a UK letter on A4', args: [...UK_MP, '--story', STORY, '--address', '1 High Street', '--email', 'alex@example.org'], width: 595 },
    {
      name: 'a US letter on US Letter',
      args: [
        'draft',
        '-r',
        'us',
        '-t',
        'secretary-of-state',
        '--recipient-name',
        'Pat Doe',
        '-s',
        'conditional',
        '-n',
        'Sam Lee',
        '-c',
        'Portland, OR',
        '--date',
        '2026-11-25',
        '--story',
        STORY,
      ],
      width: 612,
    },
  ];

  for (const c of cases) {
    it(`prints ${c.name} on one page with the body text`, async () => {
      const dir = tempDir();
      const file = join(dir, 'letter.html');
      const r = run([...c.args, '--out', file]);
      expect(r.code, r.stderr).toBe(0);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const raw = pdf.toString('latin1');
      expect(raw.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
      const width = Number(/\/MediaBox \[0 0 ([\d.]+)/.exec(raw)?.[1]);
      expect(Math.round(width)).toBe(c.width);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out on the page is what is checked
      const text = await page.locator('main').innerText();
      expect(text).toContain(STORY);
      // The opening's request, in the words of one of its phrasings.
      expect(text).toMatch(
        /Foreign Secretary|written (parliamentary )?question|Westminster Hall|Foreign Office questions|Secretar(y|ies) of State|State Department|co-sponsor|Committee hearing/,
      );
      expect(await page.locator('.notes li').count()).toBeGreaterThan(0);
      await context.close();
    }, 90_000);
  }
});
