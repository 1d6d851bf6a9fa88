/** Text as a key to match what people type: accents folded ("Région" is "region", "Straße" is "strasse"), lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}
