import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { tempDir, UK_MP } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';

const SENDER = ['--name', 'Алесь Бяляцкі', '--email', 'ales@example.org', '--recipient-name', 'Mária Kolesniková', '--recipient-email', 'mp@example.org'];
const formChars = (s: string) => [...s.replace(/\n$/, '')].reduce((n, ch) => n + (ch === '\n' ? 2 : 1), 0);

describe('draft: email', () => {
  it('writes an .eml file that a MIME parser reads back', async () => {
    const dir = tempDir();
    const file = join(dir, 'letter.eml');
    const r = await runMain([...UK_MP, ...SENDER, '--story', 'Мой дзед сядзеў у Жодзіне.', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const mail = await PostalMime.parse(readFileSync(file));
    expect(mail.from).toMatchObject({ name: 'Алесь Бяляцкі', address: 'ales@example.org' });
    expect(mail.to).toEqual([{ name: 'Mária Kolesniková', address: 'mp@example.org' }]);
    expect(mail.subject).toMatch(/sanctions/);
    expect(mail.text).toContain('Dear Mária Kolesniková,');
    expect(mail.text).toContain('Мой дзед сядзеў у Жодзіне.');
    expect(mail.html).toContain('Мой дзед сядзеў у Жодзіне.');
  });

  it("needs the sender's email for From", async () => {
    const r = await runMain([...UK_MP, '--format', 'eml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format eml needs your email address.*--email/);
    expect(r.stdout).toBe('');
  });

  it('refuses a recipient email that would inject a header', async () => {
    const r = await runMain([...UK_MP, ...SENDER.slice(0, 4), '--recipient-email', 'mp@example.org\r\nBcc: all@example.org', '--format', 'eml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--recipient-email');
    expect(r.stdout).toBe('');
  });

  it('prints a mailto: link and warns when it is too long for some mail clients', async () => {
    const long = await runMain([...UK_MP, '--recipient-email', 'mp@example.org', '--mailto']);
    expect(long.code).toBe(0);
    expect(long.stdout).toMatch(/^mailto:mp@example\.org\?subject=[^\s]+&body=[^\s]+\n$/);
    expect(long.stderr).toMatch(/mailto: link is \d+ characters.*about 2,000/);
    const short = await runMain([...UK_MP, '--mailto', '--no-sources', '--max-chars', '1100']);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout.length).toBeLessThan(2000);
    expect(short.stderr).not.toContain('mailto: link is');
  });

  it('prints Gmail and Outlook compose links', async () => {
    const gmail = await runMain([...UK_MP, '--recipient-email', 'mp@example.org', '--webmail', 'gmail']);
    expect(gmail.code).toBe(0);
    expect(new URL(gmail.stdout.trim()).searchParams.get('to')).toBe('mp@example.org');
    const outlook = await runMain([...UK_MP, '--webmail', 'outlook']);
    expect(new URL(outlook.stdout.trim()).searchParams.get('body')).toContain('Dear Jane Smith,');
    expect((await runMain([...UK_MP, '--webmail', 'yahoo'])).code).toBe(2);
    expect((await runMain([...UK_MP, '--webmail', 'gmail', '--mailto'])).code).toBe(2);
    expect((await runMain([...UK_MP, '--mailto', '--format', 'html'])).stderr).toContain('leave out --format html');
  });
});

describe('draft: web forms', () => {
  it('fits --max-chars by leaving out optional parts, and says what it left out', async () => {
    const r = await runMain([...UK_MP, '--story', 'My aunt is still in prison in Homel.', '--max-chars', '1500']);
    expect(r.code, r.stderr).toBe(0);
    expect(formChars(r.stdout)).toBeLessThanOrEqual(1500);
    expect(r.stdout).toContain('My aunt is still in prison in Homel.');
    // The opening's request to the MP stays.
    expect(r.stdout).toMatch(/Foreign Secretary|written (parliamentary )?question|Westminster Hall|Foreign Office questions/);
    expect(r.stderr).toMatch(/To fit 1500 characters the letter leaves out the address blocks and date/);
  });

  it('fails clearly when even the shortest letter is too long', async () => {
    const r = await runMain([...UK_MP, '--max-chars', '400']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs \d+ characters even without .*--max-chars is 400/);
    expect(r.stdout).toBe('');
    expect((await runMain([...UK_MP, '--max-chars', 'many'])).code).toBe(2);
  });
});

describe('draft: PDF', () => {
  it('writes a one-page PDF with --out letter.pdf, and refuses --json', async () => {
    const dir = tempDir();
    const file = join(dir, 'letter.pdf');
    const r = await runMain([...UK_MP, '--name', 'Алесь Бяляцкі', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote .*letter\.pdf/);
    const pdf = readFileSync(file).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(pdf).toMatch(/PTSerif-Regular/);
    expect((await runMain([...UK_MP, '--format', 'pdf', '--json'])).code).toBe(2);
  });
});
