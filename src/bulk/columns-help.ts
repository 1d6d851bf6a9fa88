/** What `bulk --columns` and `bulk --example` print: the columns explained, and a sheet to start from. */
import { COLUMNS } from './columns.js';

/** `bulk --columns`: each accepted column with its meaning. */
export function columnsHelp(): string {
  const width = Math.max(...COLUMNS.map((c) => c.column.length)) + 2;
  const lines = COLUMNS.map((c) => `${c.column.padEnd(width)}${c.meaning}`);
  return `${lines.join('\n')}

Headers are matched ignoring case, accents, spaces, punctuation and a note such as "(optional)",
and as form tools word their questions: "Your MP's name" and "Name of your MP" are
recipient_name, "Why does this matter to you?" and "Tell us your story" are story (several
such columns are joined), "Postcode" and "ZIP" are postcode, "First name" and "Last name" make
the name. A form tool's own columns (Timestamp, Start time...) are left out quietly; any other
column is left out with a warning that gives the --map to read it. To read a header of your
own as a column, map it:
  --map "Legal name=name" --map "Home town=city"
and --map "Timestamp=" leaves a column out quietly; --mapping FILE reads maps saved on the
terminal (lines "HEADER: column").
Values are read as people type them: a region column takes country names and codes
(United Kingdom, GB, USA, Deutschland, FR...), recipient takes "foreign minister" or "member of
parliament", and date takes YYYY-MM-DD, DD.MM.YYYY, and DD/MM/YYYY or MM/DD/YYYY (--date-format).
Options such as --region uk --stance maintain give a value to rows whose cell is empty.
`;
}

/** `bulk --example`: a starter CSV that `bulk` accepts as it is. */
export function exampleCsv(): string {
  return [
    'name,city,email,region,recipient,recipient_name,recipient_title,stance,story',
    'Alex Doe,Leeds,alex@example.org,uk,mp,Jane Smith,Ms,maintain,"My aunt was jailed in Minsk in 2021, for a post she shared."',
    'Sam Lee,"Portland, OR",,us,senator,John Doe,,conditional,"I left Belarus in 2020; my friends who stayed still fear a knock on the door."',
    'Ana Novak,Ljubljana,,eu,mep,Eva Horvat,,strengthen,',
    '',
  ].join('\n');
}
