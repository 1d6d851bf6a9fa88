/**
 * The words the engine adds around what a pack's templates write: the Sources heading, the
 * print page's title and the email subject a stance does not give, the line for a source with no
 * web address, the quote marks around a source's title, and the line that stands in for a postal
 * address the pack cannot know (a member state's ministry). They come from the pack's `words:`
 * section, so a letter in German has no English in it. An English pack may leave any out and
 * gets the English defaults; a pack in another language must give them all, and validation says
 * which are missing. Messages on the terminal stay English and are not here.
 */
import * as z from 'zod/mini';

const word = () => z.string().check(z.minLength(1));
const quotes = () => z.tuple([word(), word()]);

export const wordsSchema = z.strictObject({
  sources: z.optional(word()),
  letterTitle: z.optional(word()),
  noAddress: z.optional(word()),
  titleQuotes: z.optional(quotes()),
  printTitleQuotes: z.optional(quotes()),
  addressMissing: z.optional(word()),
});

export type GivenWords = z.infer<typeof wordsSchema>;
export type Words = Required<GivenWords>;
export type WordKey = keyof Words;

/** The English defaults, as templates/pack.yaml writes them out. */
export const ENGLISH_WORDS: Words = {
  sources: 'Sources',
  letterTitle: 'Letter to the {{recipient}}',
  noAddress: 'No web address: {{reason}}',
  titleQuotes: ['"', '"'],
  printTitleQuotes: ['“', '”'],
  addressMissing: "[the official's postal address]",
};

/** What each word is for, in the message that asks a translator for it. */
export const WORD_MEANINGS: Record<WordKey, string> = {
  sources: 'the heading of the list of sources under the letter',
  letterTitle: "the print page title and email subject when a stance has no subject, with {{recipient}} for the official's label",
  noAddress: 'the line for a source with url: none, with {{reason}} for its reason',
  titleQuotes: 'the [open, close] quote marks around a source title in text, Markdown, PDF and email',
  printTitleQuotes: 'the [open, close] quote marks around a source title on the print page',
  addressMissing:
    "the line in the official's address block where the writer must still add a postal address the pack does not give (recipients with postal: false)",
};

/** Words a translated pack needs only when it uses them: the address line, only with a recipient whose address is not postal. */
const NEEDED_WHEN: Partial<Record<WordKey, (manifest: WordsManifest) => boolean>> = {
  addressMissing: (m) => (m.regions ?? []).some((r) => r.recipients.some((x) => x.postal === false)),
};

interface WordsManifest {
  language: string;
  words?: GivenWords;
  regions?: readonly { recipients: readonly { postal?: boolean }[] }[];
}

/** The placeholders each word may hold; anything else in {{ }} would print as written. */
const PLACEHOLDERS: Partial<Record<WordKey, readonly string[]>> = { letterTitle: ['recipient'], noAddress: ['reason'] };

export const isEnglish = (language: string): boolean => /^en(?:-|$)/i.test(language);

/** The pack's words with English defaults filled in, or the keys a non-English pack must still give. */
export function resolveWords(
  language: string,
  given: GivenWords | undefined,
  needed: (key: WordKey) => boolean = () => true,
): { words: Words; missing: WordKey[] } {
  const words = { ...ENGLISH_WORDS, ...given } as Words;
  const missing = isEnglish(language) ? [] : (Object.keys(ENGLISH_WORDS) as WordKey[]).filter((k) => given?.[k] === undefined && needed(k));
  return { words, missing };
}

/** The one validation message for a non-English pack that lacks words: every key and what it is for. */
export function missingWordsMessage(language: string, missing: readonly WordKey[]): string {
  const list = missing.map((k) => `${k} (${WORD_MEANINGS[k]}; English: ${JSON.stringify(ENGLISH_WORDS[k])})`).join('; ');
  return `words: the pack's language is "${language}", so the words the letter adds must come from the pack: translate these: ${list}`;
}

/** Placeholders a word uses that the engine does not fill, as problems. */
export function placeholderProblems(given: GivenWords | undefined): { key: WordKey; message: string }[] {
  const out: { key: WordKey; message: string }[] = [];
  for (const key of Object.keys(PLACEHOLDERS) as WordKey[]) {
    const value = given?.[key];
    if (typeof value !== 'string') continue;
    const allowed = PLACEHOLDERS[key] ?? [];
    for (const m of value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!allowed.includes(m[1] as string)) {
        out.push({ key, message: `words.${key}: unknown placeholder "{{${m[1]}}}": it may use ${allowed.map((a) => `{{${a}}}`).join(', ')}` });
      }
    }
  }
  return out;
}

/** A word with its placeholder filled in. */
export function fillWord(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A layer's words merged over the layers below it, key by key, but only when both are in the
 * same language: a German pack over the English built-in one must not inherit English words,
 * or its missing translations would go unnoticed.
 */
export function mergeWords(base: Obj, over: Obj): unknown {
  const baseLanguage = Object.keys(base).length > 0 ? (base.language ?? 'en') : undefined;
  const sameLanguage = over.language === undefined || baseLanguage === undefined || over.language === baseLanguage;
  if (!sameLanguage) return over.words;
  if (!isObj(base.words) || !isObj(over.words)) return over.words ?? base.words;
  return { ...base.words, ...over.words };
}

/** The pack's words, with any problem (untranslated words, unknown placeholders) added to `problems`. */
export function packWords(manifest: WordsManifest, where: (path: (string | number)[]) => string, problems: string[]): Words {
  const { words, missing } = resolveWords(manifest.language, manifest.words, (key) => NEEDED_WHEN[key]?.(manifest) ?? true);
  if (missing.length > 0) problems.push(`${where(manifest.words ? ['words'] : ['language'])}: ${missingWordsMessage(manifest.language, missing)}`);
  for (const p of placeholderProblems(manifest.words)) problems.push(`${where(['words', p.key])}: ${p.message}`);
  return words;
}
