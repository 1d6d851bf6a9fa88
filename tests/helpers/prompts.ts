/**
 * Scripted prompts for the wizard: each question id has a queue of answers, taken in turn. An
 * answer of DEFAULT takes the question's default (or its pre-ticked choices); a question with no
 * answer left fails the test, naming it. Every question asked is recorded for assertions.
 */
import type { Choice, ConfirmQuestion, InputQuestion, Prompts, SelectQuestion } from '../../src/wizard/prompts.js';

export const DEFAULT = Symbol('default');
type Answer = unknown;

export interface Asked {
  kind: 'select' | 'search' | 'input' | 'checkbox' | 'confirm';
  id: string;
  message: string;
  default?: unknown;
  choices?: Choice<unknown>[];
}

export interface Scripted extends Prompts {
  asked: Asked[];
  said: string[];
  /** Ids asked, in order. */
  ids(): string[];
}

export function scriptedPrompts(script: Record<string, Answer | Answer[]>): Scripted {
  // An array is a queue of answers, one per time the question is asked (so facts: [[ids]]).
  const queues = new Map(Object.entries(script).map(([id, a]) => [id, Array.isArray(a) ? [...a] : [a]]));
  const asked: Asked[] = [];
  const said: string[] = [];
  const take = (id: string): Answer => {
    const queue = queues.get(id);
    if (!queue || queue.length === 0) throw new Error(`The wizard asked "${id}", which the test did not script.`);
    return queue.shift();
  };
  const pick = <V>(q: SelectQuestion<V>, kind: Asked['kind']): V => {
    asked.push({ kind, id: q.id, message: q.message, default: q.default, choices: q.choices as Choice<unknown>[] });
    const answer = take(q.id);
    const value = (answer === DEFAULT ? q.default : answer) as V;
    if (!q.choices.some((c) => c.value === value)) throw new Error(`"${String(value)}" is not a choice for "${q.id}".`);
    return value;
  };
  return {
    asked,
    said,
    ids: () => asked.map((a) => a.id),
    select: async (q) => pick(q, 'select'),
    search: async (q) => pick(q, 'search'),
    async checkbox<V>(q: SelectQuestion<V>): Promise<V[]> {
      asked.push({ kind: 'checkbox', id: q.id, message: q.message, choices: q.choices as Choice<unknown>[] });
      const answer = take(q.id);
      if (answer === DEFAULT) return q.choices.filter((c) => c.checked).map((c) => c.value);
      return answer as V[];
    },
    async input(q: InputQuestion): Promise<string> {
      asked.push({ kind: 'input', id: q.id, message: q.message, default: q.default });
      const answer = take(q.id);
      const value = answer === DEFAULT ? (q.default ?? '') : String(answer);
      const verdict = q.validate?.(value) ?? true;
      if (verdict !== true) throw new Error(`"${value}" fails validation for "${q.id}": ${verdict}`);
      return value;
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      asked.push({ kind: 'confirm', id: q.id, message: q.message, default: q.default });
      const answer = take(q.id);
      return answer === DEFAULT ? Boolean(q.default) : Boolean(answer);
    },
    say: (text) => {
      said.push(text);
    },
  };
}
