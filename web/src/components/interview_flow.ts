// The interview's flow, without any view: which question comes next, what the request to the
// server holds, and the progress shown. Kept apart from identify.tsx so it can be read alone.
import type { Answer, Assessment, Person, Ruleset } from '../api';

export const PERSON_AGE = 'person.age';
export const PERSON_EXPLOITATION = 'person.exploitation';
export const PERSON_IDS = [PERSON_AGE, PERSON_EXPLOITATION];

export type Protocol = 'triage' | 'full';

/** One answer given: an Answer, or for a person question the option chosen (or "declined"). */
export interface Step {
  id: string;
  value: string;
}

export type Phase =
  | { kind: 'start' }
  | { kind: 'question'; id: string }
  | { kind: 'triageDone' }
  | { kind: 'summary' };

export interface Interview {
  protocol: Protocol;
  history: Step[];
  /** Skipped here: never shown again in this interview. */
  skipped: string[];
  assessment: Assessment | null;
  phase: Phase;
  savedId: string | null;
}

export const FRESH: Interview = {
  protocol: 'triage',
  history: [],
  skipped: [],
  assessment: null,
  phase: { kind: 'start' },
  savedId: null,
};

export type Answers = Pick<Interview, 'protocol' | 'history' | 'skipped'>;

export function personOf(history: Step[]): Person {
  const valueOf = (id: string) => history.find((step) => step.id === id)?.value;
  const age = valueOf(PERSON_AGE);
  const kind = valueOf(PERSON_EXPLOITATION);
  return {
    age: age === 'adult' || age === 'child' ? age : 'unknown',
    exploitation: kind === 'labour' || kind === 'sexual' ? [kind] : [],
  };
}

export function answersOf(history: Step[]): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const step of history) {
    if (!PERSON_IDS.includes(step.id)) answers[step.id] = step.value as Answer;
  }
  return answers;
}

export function requestOf({ protocol, history }: Answers, store: boolean) {
  return { protocol, person: personOf(history), answers: answersOf(history), store };
}

/** What triage asks: the safety questions and its items, at most max_questions of the items. */
export function triageOf(ruleset: Ruleset) {
  const items = ruleset.protocols.find((protocol) => protocol.id === 'triage')?.items ?? [];
  const safety = ruleset.questions.filter((q) => q.kind === 'safety').map((q) => q.id);
  const max = ruleset.protocols.find((protocol) => protocol.id === 'triage')?.max_questions || Infinity;
  return {
    items: new Set(items),
    scope: new Set([...safety, ...items]),
    max,
    cap: items.length + safety.length + PERSON_IDS.length,
  };
}

export function doneOf({ history, skipped }: Answers): Set<string> {
  return new Set([...history.map((step) => step.id), ...skipped]);
}

/** The server's ranking without what was answered or skipped here; in triage, only its scope. */
export function remainingOf(ruleset: Ruleset, answers: Answers, assessment: Assessment): string[] {
  const done = doneOf(answers);
  const known = new Set(ruleset.questions.map((q) => q.id));
  const remaining = assessment.next_questions.filter((id) => !done.has(id) && known.has(id));
  if (answers.protocol !== 'triage') return remaining;
  const triage = triageOf(ruleset);
  const asked = answers.history.filter((step) => triage.items.has(step.id)).length;
  return asked < triage.max ? remaining.filter((id) => triage.scope.has(id)) : [];
}

export function nextPhase(ruleset: Ruleset, answers: Answers, assessment: Assessment): Phase {
  const done = doneOf(answers);
  // The safety questions open every protocol, before anything about the person.
  const safety = ruleset.questions.find((q) => q.kind === 'safety' && !done.has(q.id));
  if (safety) return { kind: 'question', id: safety.id };
  const person = PERSON_IDS.find((id) => !done.has(id));
  if (person) return { kind: 'question', id: person };
  const [next] = remainingOf(ruleset, answers, assessment);
  if (next) return { kind: 'question', id: next };
  if (answers.protocol === 'triage' && assessment.escalate_to === 'full') return { kind: 'triageDone' };
  return { kind: 'summary' };
}

/** "Question n of about total": total = answered + still to ask (triage: capped). */
export function progressOf(ruleset: Ruleset, answers: Answers, assessment: Assessment | null) {
  const done = doneOf(answers);
  const personLeft = PERSON_IDS.filter((id) => !done.has(id)).length;
  const remaining = assessment ? remainingOf(ruleset, answers, assessment).length : 0;
  const n = answers.history.length + 1;
  let total = answers.history.length + personLeft + remaining;
  if (answers.protocol === 'triage') total = Math.min(total, triageOf(ruleset).cap);
  return { n, total: Math.max(total, n) };
}

