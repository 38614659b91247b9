// Scoring: pure functions from (questionnaires, answers) to statuses, section scores and the
// timeline band. Every rule here is either the source's own or documented as ours in
// templates/plan.yaml (shown in the plan) and in the README.
import type { Answer } from './answers.js';
import { BAND_IDS, type Band, type BandId, type PlanContent } from './plan-content.js';
import { isNotApplicable, isScored, type Item, type Questionnaire, type ScoredItem, type Section, type Status } from './questionnaire.js';

/**
 * The status an answer gives an item. A "not applicable yet" answer has none: callers leave such
 * items out of every count (see `counted`).
 */
export function itemStatus(item: ScoredItem, value: string): Status {
  if (value === 'not-sure') return 'not-sure';
  if (isNotApplicable(value)) throw new Error(`internal: ${item.id} was answered "not applicable"; it has no status and is left out of scoring`);
  switch (item.type) {
    case 'true-false':
      return value === 'true' ? 'met' : 'not-met';
    case 'yes-partly-no':
      return value === 'yes' ? 'met' : value === 'partly' ? 'partly' : 'not-met';
    case 'choice': {
      const c = item.choices.find((ch) => ch.value === value);
      if (!c) throw new Error(`internal: unchecked answer "${value}" for ${item.id}`);
      return c.status;
    }
  }
}

/** True when the item counts in scoring: it is scored, and not answered "not applicable yet". */
export function counted(item: Item, answers: Record<string, Answer>): item is ScoredItem {
  return isScored(item) && !isNotApplicable(answers[item.id]?.value);
}

export interface Tally {
  met: number;
  partly: number;
  notMet: number;
  notSure: number;
  total: number;
  /** (met + half of partly) / total, as a whole percentage. */
  percent: number;
  label: string;
}

export function tally(statuses: readonly Status[], content: PlanContent): Tally {
  const t = { met: 0, partly: 0, notMet: 0, notSure: 0, total: statuses.length };
  for (const s of statuses) {
    if (s === 'met') t.met++;
    else if (s === 'partly') t.partly++;
    else if (s === 'not-met') t.notMet++;
    else t.notSure++;
  }
  const percent = t.total === 0 ? 0 : Math.round(((t.met + t.partly / 2) / t.total) * 100);
  return { ...t, percent, label: readinessLabel(percent, content) };
}

export function readinessLabel(percent: number, content: PlanContent): string {
  const sorted = [...content.readiness.labels].sort((a, b) => b.atLeast - a.atLeast);
  return sorted.find((l) => percent >= l.atLeast)!.label;
}

export interface SectionScore {
  questionnaire: Questionnaire;
  section: Section;
  tally: Tally;
}

export function sectionScores(qs: readonly Questionnaire[], answers: Record<string, Answer>, content: PlanContent): SectionScore[] {
  const out: SectionScore[] = [];
  for (const q of qs) {
    if (q.scoring !== 'readiness') continue;
    for (const section of q.sections) {
      // A "not applicable yet" answer is left out: it counts neither for nor against the section.
      const statuses = section.items.filter((i) => counted(i, answers)).map((item) => itemStatus(item, answers[item.id]!.value));
      if (statuses.length > 0) out.push({ questionnaire: q, section, tally: tally(statuses, content) });
    }
  }
  return out;
}

export interface TimelineResult {
  trueCount: number;
  total: number;
  notSure: number;
  bandId: BandId;
  band: Band;
}

/**
 * The handbook's timeline quiz: count the statements marked true (a "not sure" is not a true).
 * Which band a count falls in is data (plan.yaml: min/max), matching the handbook's 8–10 / 5–7 / <5.
 */
export function timelineBand(qs: readonly Questionnaire[], answers: Record<string, Answer>, content: PlanContent): TimelineResult {
  const quiz = qs.filter((q) => q.scoring === 'timeline').flatMap((q) => q.sections.flatMap((s) => s.items));
  const scored = quiz.filter((i) => counted(i, answers));
  const statuses = scored.map((item) => itemStatus(item, answers[item.id]!.value));
  const trueCount = statuses.filter((s) => s === 'met').length;
  const notSure = statuses.filter((s) => s === 'not-sure').length;
  const bandId = bandFor(trueCount, content);
  return { trueCount, total: scored.length, notSure, bandId, band: content.bands[bandId] };
}

export function bandFor(trueCount: number, content: PlanContent): BandId {
  const id = BAND_IDS.find((b) => trueCount >= content.bands[b].min && trueCount <= content.bands[b].max);
  if (!id) throw new Error(`plan.yaml: no timeline band covers ${trueCount} true answers`);
  return id;
}

export interface Reflection {
  /** True when the handbook's rule says to evaluate further before going on. */
  flagged: boolean;
  blank: string[];
  motivationWords: number;
  challengeWords: number;
}

/**
 * The handbook's motivation self-assessment rule: if you struggled to answer the questions, or had
 * a lot more to say about the challenges than the motivation, evaluate further before going on.
 * How peer-ready applies it is its own decision, stated in the plan: a blank or "not sure" answer
 * counts as struggling, and "a lot more to say" means the challenge answers have more than
 * `wordRatio` times as many words as the motivation answers (plan.yaml: reflection.wordRatio).
 */
export function reflection(qs: readonly Questionnaire[], answers: Record<string, Answer>, wordRatio = 1): Reflection | undefined {
  const items = qs.flatMap((q) => q.sections.flatMap((s) => s.items)).filter((i): i is Extract<Item, { type: 'text' }> => i.type === 'text' && !!i.reflect);
  if (items.length === 0) return undefined;
  const words = (s: string) => (s.trim().match(/\S+/g) ?? []).length;
  let motivationWords = 0;
  let challengeWords = 0;
  const blank: string[] = [];
  for (const item of items) {
    const v = answers[item.id]?.value ?? '';
    if (v.trim() === '' || v.trim().toLowerCase() === 'not-sure' || v.trim().toLowerCase() === 'not sure') blank.push(item.id);
    if (item.reflect === 'motivation') motivationWords += words(v);
    else challengeWords += words(v);
  }
  return { flagged: blank.length > 0 || challengeWords > motivationWords * wordRatio, blank, motivationWords, challengeWords };
}
