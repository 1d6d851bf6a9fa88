// The bulk bench's baseline: the least a mail merge can do. csv-parse streams the rows, one
// compiled Handlebars template renders each, and one writeFileSync per row puts it on disk.
// No validation, no variation, no safety checks: `bulk` is measured against this.
// With --safe-writes it writes each file as bulk must (issue #4: a temporary name first, then
// linked into place so that nothing is overwritten, then the temporary name removed): the same
// mail merge with only bulk's file safety added, which shows what those rules alone cost.
import { writeFileSync, createReadStream, mkdirSync, openSync, writeSync, closeSync, linkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import Handlebars from 'handlebars';

const [input, outDir, mode] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const template = Handlebars.compile(
  `{{name}}
{{city}}

25 November 2026

{{recipient_name}}
House of Commons
London SW1A 0AA

Dear {{recipient_name}},

As a constituent in {{city}}, I ask you to keep the targeted sanctions on the Belarusian regime in place until every political prisoner is free. I believe it is steady pressure, not goodwill, that has opened prison doors so far, and easing it now would be a mistake.

{{#if story}}There is a personal reason behind this letter. {{story}}{{/if}}

The record speaks for itself. In December 2025 the Belarusian authorities let more than 120 political prisoners go, among them the Nobel Peace Prize laureate Ales Bialiatski and Maria Kolesnikova (Kalesnikava). Even after that release, more than 1,100 people were still behind bars for political reasons at the end of December 2025, by the count of the Viasna Human Rights Centre. Three of Bialiatski's own Viasna colleagues, Valiantsin Stefanovic, Marfa Rabkova and Nasta Loika, were not among those freed in December 2025.

Every political prisoner has a name, a family and a life on hold. While any of them remain in a cell, easing the pressure would send the wrong signal to those who put them there, and to everyone in Belarus who still fears arrest for speaking out.

So I ask you to put this to the Foreign Secretary, in writing or in the House of Commons. Please help keep the targeted sanctions in place until every political prisoner in Belarus is free, and not a day less.

Thank you for reading my letter. I would be grateful for a reply telling me what you will do on my behalf, and whether you will speak up for the people who are still in prison.

With thanks,

{{name}}
{{city}}

Sources
1. Human Rights Watch, "More than 1,000 Belarusians remain in prison for exercising their rights", 15 December 2025
2. United Nations, "Daily press briefing by the Office of the Spokesperson for the Secretary-General", 15 December 2025
3. Viasna Human Rights Centre, "Monthly count of political prisoners, end of December 2025", December 2025
`,
  { noEscape: true },
);

function safeWrite(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'wx');
  writeSync(fd, text);
  closeSync(fd);
  linkSync(tmp, path);
  unlinkSync(tmp);
}
const write = mode === '--safe-writes' ? safeWrite : writeFileSync;

let n = 0;
for await (const row of createReadStream(input).pipe(parse({ columns: true, bom: true }))) {
  n++;
  write(join(outDir, `${String(n).padStart(6, '0')}.txt`), template(row));
}
