import { describe, expect, it } from 'vitest';
import { mailtoLink, webmailLink } from '../../src/render/links.js';

const input = {
  to: 'jane.smith+office@example.org',
  subject: 'Keep the sanctions & more?',
  body: 'Dear Jane Smith,\n\nАлесь Бяляцкі; Mária Kolesniková = 100%\n#1',
};

describe('mail links', () => {
  it('encodes subject and body in a mailto: link, with CRLF line breaks', () => {
    const link = mailtoLink(input);
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe(input.to);
    expect(link).not.toMatch(/[\s#]/);
    const params = Object.fromEntries(
      link
        .split('?')[1]
        ?.split('&')
        .map((kv) => kv.split('=').map(decodeURIComponent)) ?? [],
    );
    expect(params.subject).toBe(input.subject);
    expect(params.body).toBe(input.body.replace(/\n/g, '\r\n'));
    expect(link).toContain('%0D%0A');
  });

  it('leaves the address empty when there is none', () => {
    expect(mailtoLink({ ...input, to: undefined })).toMatch(/^mailto:\?subject=/);
  });

  it('builds Gmail and Outlook compose links that carry the letter', () => {
    const gmail = new URL(webmailLink('gmail', input));
    expect(gmail.host).toBe('mail.google.com');
    expect(gmail.searchParams.get('view')).toBe('cm');
    expect(gmail.searchParams.get('to')).toBe(input.to);
    expect(gmail.searchParams.get('su')).toBe(input.subject);
    expect(gmail.searchParams.get('body')).toBe(input.body);
    const outlook = new URL(webmailLink('outlook', { ...input, to: undefined }));
    expect(outlook.pathname).toBe('/mail/0/deeplink/compose');
    expect(outlook.searchParams.has('to')).toBe(false);
    expect(outlook.searchParams.get('subject')).toBe(input.subject);
    expect(outlook.searchParams.get('body')).toBe(input.body);
    expect(outlook.href).not.toContain('+');
  });
});
