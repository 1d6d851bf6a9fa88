/**
 * Links that open a new message with the letter filled in: mailto: (RFC 6068) and the compose
 * pages of Gmail and Outlook on the web. Loaded only when --mailto or --webmail is given.
 */
export const WEBMAIL = ['gmail', 'outlook'] as const;
export type Webmail = (typeof WEBMAIL)[number];

/** Past about this many characters some mail clients and browsers cut a mailto: link short. */
export const MAILTO_SAFE_LENGTH = 2000;

export interface LinkInput {
  to?: string;
  subject: string;
  body: string;
}

// RFC 6068 wants line breaks in a body as %0D%0A.
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const component = (s: string) => encodeURIComponent(s);

export function mailtoLink(input: LinkInput): string {
  const to = input.to ? component(input.to).replace(/%40/g, '@') : '';
  return `mailto:${to}?subject=${component(input.subject)}&body=${component(crlf(input.body))}`;
}

export function webmailLink(service: Webmail, input: LinkInput): string {
  if (service === 'gmail') {
    const q = new URLSearchParams({ view: 'cm', fs: '1', ...(input.to ? { to: input.to } : {}), su: input.subject, body: input.body });
    return `https://mail.google.com/mail/?${q.toString().replace(/\+/g, '%20')}`;
  }
  const q = new URLSearchParams({ ...(input.to ? { to: input.to } : {}), subject: input.subject, body: input.body });
  return `https://outlook.live.com/mail/0/deeplink/compose?${q.toString().replace(/\+/g, '%20')}`;
}
