/** Counts as a sentence says them: "1 letter", "2,000 letters", "1 of 1 letter has". */
import { grouped } from '../numbers.js';

export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(n)} ${n === 1 ? singular : plural}`;
}

/** "1 of 1 letter has", "3 of 20 letters have": the verb agrees with the part, the noun with the whole. */
export function partOf(part: number, whole: number, noun: string, verbs: [singular: string, plural: string] = ['has', 'have']): string {
  return `${grouped(part)} of ${counted(whole, noun)} ${part === 1 ? verbs[0] : verbs[1]}`;
}
