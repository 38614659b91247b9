// Shared test helpers: build complete answer sets from the real questionnaires.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment, AnswerEntry, AnswersFile } from '../src/core/answers.js';
import { questionnairesFor, type Catalog } from '../src/core/plan-document.js';
import { allItems, allowedValues } from '../src/core/questionnaire.js';

export const PROFILE = {
  name: 'Riverbend Community Services',
  programType: 'general',
  startDate: '2027-01-01',
  timelineFixed: false,
} as const;

/**
 * Every question answered: scored items get `scored`, the first `timelineTrue` quiz statements are
 * true and the rest false, text items get `text`; `overrides` win.
 */
export function answersFile(
  catalog: Catalog,
  opts: { timelineTrue?: number; scored?: string; text?: string; overrides?: Record<string, AnswerEntry>; profile?: Partial<AnswersFile['profile']> } = {},
): AnswersFile {
  const programType = opts.profile?.programType ?? PROFILE.programType;
  const qs = questionnairesFor(catalog, programType);
  const answers: Record<string, AnswerEntry> = {};
  let quiz = 0;
  for (const { q, item } of allItems(qs)) {
    if (q.scoring === 'timeline') answers[item.id] = quiz++ < (opts.timelineTrue ?? 10) ? 'true' : 'false';
    else if (item.type === 'text') answers[item.id] = opts.text ?? 'We want to add lived experience to every team and learn from it.';
    else if (item.type === 'choice') answers[item.id] = opts.scored === 'no' ? item.choices.find((c) => c.status === 'not-met')?.value ?? item.choices[0]!.value : item.choices.find((c) => c.status === 'met')!.value;
    // A plain fact (yes or no only) given "partly" elsewhere is answered "no".
    else answers[item.id] = allowedValues(item).includes(opts.scored ?? 'yes') ? (opts.scored ?? 'yes') : 'no';
  }
  return { version: 1, profile: { ...PROFILE, ...opts.profile }, answers: { ...answers, ...opts.overrides } };
}

/** The questionnaires for an answers file's program type, as validateAnswers takes them. */
export const forProgram = (catalog: Catalog) => (pt: Parameters<typeof questionnairesFor>[1]) => questionnairesFor(catalog, pt);

export function toAssessment(f: AnswersFile): Assessment {
  const answers: Assessment['answers'] = {};
  for (const [id, e] of Object.entries(f.answers)) {
    answers[id] = typeof e === 'object' ? { value: String(e.value), ...(e.note ? { note: e.note } : {}), ...(e.owner ? { owner: e.owner } : {}) } : { value: String(e) };
  }
  return { profile: f.profile, answers };
}

export function tempDir(prefix = 'peer-ready-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
