/**
 * US spelling for a pack written in British English: a word list from the manifest, applied to
 * the pack's own text only (template literals, facts, asks), never to what the writer typed.
 */

const cache = new WeakMap<Record<string, string>, RegExp>();

function matcher(table: Record<string, string>): RegExp | undefined {
  const words = Object.keys(table);
  if (words.length === 0) return undefined;
  let re = cache.get(table);
  if (!re) {
    const alternation = words
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    re = new RegExp(`\\b(${alternation})\\b`, 'gi');
    cache.set(table, re);
  }
  return re;
}

export function respell(text: string, table: Record<string, string> | undefined): string {
  if (!table) return text;
  const re = matcher(table);
  if (!re) return text;
  return text.replace(re, (word) => {
    const target = table[word.toLowerCase()] ?? word;
    if (word === word.toUpperCase() && word.length > 1) return target.toUpperCase();
    if (word[0] === word[0]?.toUpperCase()) return target[0]?.toUpperCase() + target.slice(1);
    return target;
  });
}

/** respell for the pack's own short strings (labels, asks, subjects). */
export function respellPackText(text: string, table: Record<string, string> | undefined): string {
  return respell(text, table);
}
