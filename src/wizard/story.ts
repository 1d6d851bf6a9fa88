/**
 * The personal paragraph from the guided answers, in the writer's own words: each answer is kept
 * as typed, only tidied into a sentence (spaces, a capital to start, a full stop to end), and the
 * answers are joined in order. Nothing is reworded or added.
 */
export function asSentence(answer: string | undefined): string {
  const text = (answer ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const capital = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return /[.!?…"'”’)]$/.test(capital) ? capital : `${capital}.`;
}

export function joinStory(answers: ReadonlyArray<string | undefined>): string | undefined {
  const story = answers.map(asSentence).filter(Boolean).join(' ');
  return story === '' ? undefined : story;
}
