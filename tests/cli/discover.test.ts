import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main.js';

describe('discovery commands', () => {
  it('regions --json lists every region with its recipients and salutations', async () => {
    const r = await runMain(['regions', '--json']);
    expect(r.code).toBe(0);
    const regions = JSON.parse(r.stdout) as { id: string; name: string; recipients: { id: string; salutation: string; exampleSalutation: string }[] }[];
    expect(regions.map((x) => x.id)).toEqual(['us', 'uk', 'eu', 'ca', 'au', 'other']);
    const uk = regions.find((x) => x.id === 'uk')!;
    expect(uk.name).toBe('United Kingdom');
    expect(uk.recipients.map((x) => x.id)).toEqual(['mp', 'foreign-secretary']);
    expect(uk.recipients[0]!.exampleSalutation).toBe('Dear Jane Smith,');
    const us = regions.find((x) => x.id === 'us')!;
    expect(us.recipients.find((x) => x.id === 'senator')!.exampleSalutation).toBe('Dear Senator Smith:');
  });

  it('regions prints a readable list', async () => {
    const r = await runMain(['regions']);
    expect(r.stdout).toMatch(/^us\s+United States\n\s+--recipient senator\s+U\.S\. Senator/m);
    expect(r.stdout).toMatch(/--recipient foreign-secretary\s+Foreign Secretary\s+\(e\.g\. "Dear Foreign Secretary,"\)/);
  });

  it('stances lists id, label, description and ask', async () => {
    const list = JSON.parse((await runMain(['stances', '--json'])).stdout) as { id: string; description: string; ask: string }[];
    expect(list.map((s) => s.id)).toEqual(['maintain', 'strengthen', 'conditional']);
    for (const s of list) {
      expect(s.description.length).toBeGreaterThan(10);
      expect(s.ask).toMatch(/targeted sanctions/);
    }
    expect((await runMain(['stances'])).stdout).toMatch(
      /^maintain\s+Keep the sanctions\n\s+Keep the targeted sanctions in place until every political prisoner is free\./m,
    );
  });

  it('facts lists each fact with its sources, their addresses and as-of date', async () => {
    const facts = JSON.parse((await runMain(['facts', '--json'])).stdout) as {
      id: string;
      asOf: string;
      origin: string;
      wordings: string[];
      sources: { title: string | null; publisher: string; url: string }[];
    }[];
    const still = facts.find((f) => f.id === 'still-imprisoned')!;
    expect(still.asOf).toBe('2025-12-31');
    expect(still.origin).toBe('built-in');
    expect(still.wordings.length).toBeGreaterThanOrEqual(3);
    expect(still.sources.map((s) => s.publisher)).toEqual(['Reform.news', 'Reform.news']);
    expect(still.sources.every((s) => /^https:\/\//.test(s.url))).toBe(true);
    const text = (await runMain(['facts'])).stdout;
    expect(text).toMatch(/still-imprisoned \(as of 31 December 2025\)/);
    expect(text).toMatch(
      /\n {2}- Human Rights Watch, "More than 1,000 Belarusians Remain in Prison for Exercising Their Rights", 15 December 2025\n {4}https:\/\/www\.hrw\.org\//,
    );
    expect(text).toMatch(/\n {4}No web address: /);
    expect(text).toMatch(/new-prisoners-dec-2025 \(as of 31 December 2025; medium confidence: optional\)/);
    expect(text).toMatch(/check the Viasna Human Rights Centre \(spring96\.org\) for the current figure/);
  });
});
