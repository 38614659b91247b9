// The wizard's state as the rest of the program sees it: the finished assessment (for the plan)
// and the record the store keeps (for resuming).
import type { Answer, Assessment } from '../answers.js';
import { isProfileComplete, itemsOf, type AssessmentRecord, type Position, type Screen, type WizardContext, type WizardState } from './model.js';

/** The finished assessment, or undefined while anything is unanswered. */
export function toAssessment(ctx: WizardContext, s: WizardState): Assessment | undefined {
  if (!isProfileComplete(s.profile)) return undefined;
  const answers: Record<string, Answer> = {};
  for (const { item } of itemsOf(ctx, s)) {
    const value = s.values[item.id];
    if (value === undefined) return undefined;
    const note = s.notes[item.id];
    const owner = s.owners?.[item.id];
    answers[item.id] = { value, ...(note ? { note } : {}), ...(owner ? { owner } : {}) };
  }
  const { name, programType, startDate, timelineFixed, targetDate, respondent } = s.profile;
  return {
    profile: { name, programType, startDate, timelineFixed, ...(timelineFixed && targetDate ? { targetDate } : {}), ...(respondent ? { respondent } : {}) },
    answers,
  };
}

export function positionOf(screen: Screen): Position | undefined {
  switch (screen.kind) {
    case 'name':
    case 'clash':
      return { step: 'name' };
    case 'program':
    case 'start':
    case 'fixed':
    case 'target':
    case 'review':
    case 'results':
      return { step: screen.kind };
    case 'intro':
    case 'question':
      return { step: screen.kind, index: screen.index };
    case 'paths':
    case 'overwrite':
    case 'saving':
    case 'saved':
      return { step: 'results' };
    case 'resume':
    case 'welcome':
    case 'quit':
      return undefined;
  }
}

export function toRecord(ctx: WizardContext, s: WizardState): AssessmentRecord | undefined {
  if (!s.id) return undefined;
  const r: AssessmentRecord = {
    id: s.id,
    profile: s.profile,
    values: s.values,
    notes: s.notes,
    ...(s.owners && Object.keys(s.owners).length ? { owners: s.owners } : {}),
    position: s.position,
    status: s.status,
    total: itemsOf(ctx, s).length,
  };
  return s.files ? { ...r, files: s.files } : r;
}
