// Synthetic sign-up sheets for the bulk bench: distinct made-up senders over every region,
// official and stance, a story in two rows of three, and quoted fields with commas.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Alex', 'Sam', 'Ana', 'Olga', 'Jan', 'Maria', 'Li', 'Tom', 'Eva', 'Ivan', 'Nora', 'Piotr', 'Zoe', 'Omar', 'Ruth', 'Karl'];
const LAST = ['Doe', 'Lee', 'Novak', 'Smith', 'Kowalski', 'Garcia', 'Chen', 'Brown', 'Horvat', 'Petrov', 'Berg', 'Nowak', 'Adams', 'Haddad', 'Cohen', 'Meyer'];
const CITIES = ['Leeds', 'Portland, OR', 'Ljubljana', 'Toronto', 'Perth', 'Vilnius', 'Bristol', 'Austin, TX', 'Lyon', 'Halifax'];
const ROUTES = [
  ['uk', 'mp', 'Jane Smith'],
  ['uk', 'foreign-secretary', ''],
  ['us', 'senator', 'John Doe'],
  ['us', 'representative', 'Mary Major'],
  ['eu', 'mep', 'Eva Horvat'],
  ['ca', 'mp', 'Marie Tremblay'],
  ['au', 'senator', 'Pat Citizen'],
  ['other', 'representative', ''],
];
const STANCES = ['maintain', 'strengthen', 'conditional'];
const STORIES = [
  'My cousin was arrested in Minsk in 2020 for standing in a square with a flower.',
  'I left Belarus in 2021, and friends who stayed still fear a knock on the door.',
  'Our church prays every week for a pastor who is still in prison, and we will not stop.',
];

const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeSheet(path, rows) {
  const out = createWriteStream(path);
  out.write('name,city,region,recipient,recipient_name,stance,story\n');
  for (let i = 0; i < rows; i++) {
    const [region, recipient, official] = ROUTES[i % ROUTES.length];
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    const story = i % 3 === 2 ? '' : `${STORIES[i % STORIES.length]} (${i})`;
    const line = [name, CITIES[i % CITIES.length], region, recipient, official, STANCES[Math.floor(i / 7) % 3], story].map(quote).join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
