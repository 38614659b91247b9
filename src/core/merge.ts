// Several respondents, one plan. Readiness is best judged by several roles (executive director,
// HR, a future supervisor, staff); this combines their answers item by item and keeps their
// disagreements, which are findings in themselves.
import type { Answer, Assessment, Profile } from './answers.js';
import { InputError } from './errors.js';
import { valueLabel } from './labels.js';
import { allItems, isNotApplicable, isScored, NOT_APPLICABLE, type Questionnaire, type Status } from './questionnaire.js';
import { itemStatus } from './score.js';

export interface Respondent {
  /** Role label shown in the plan ("HR director"); the profile's respondent, or the file name. */
  label: string;
  file: string;
  assessment: Assessment;
}

export interface View {
  role: string;
  answer: string;
}

export interface Disagreement {
  itemId: string;
  question: string;
  combined: Status;
  views: View[];
}

export interface Merged {
  assessment: Assessment;
  respondents: string[];
  /** Every scored item someone answered, with each respondent's answer. */
  items: (Disagreement & { agree: boolean })[];
  disagreements: Disagreement[];
  /** Items no respondent answered: counted as "not sure". */
  unanswered: string[];
  agreed: number;
}

export function combineStatuses(statuses: readonly Status[]): Status {
  const n = statuses.length;
  const count = (s: Status) => statuses.filter((x) => x === s).length;
  if (n === 0 || count('not-sure') === n) return 'not-sure';
  const met = count('met');
  const notMet = count('not-met');
  if (met * 2 > n && notMet === 0) return 'met';
  if (met === 0 && count('partly') === 0) return 'not-met';
  return 'partly';
}

/** An answer value that scores as `status` for this item (so the combined assessment replays through the normal scorer). */
function valueFor(item: Questionnaire['sections'][number]['items'][number], status: Status): string {
  if (status === 'not-sure') return 'not-sure';
  switch (item.type) {
    case 'true-false':
      // A true/false statement has no "partly": only a unanimous-enough "true" counts.
      return status === 'met' ? 'true' : 'false';
    case 'yes-partly-no':
      return status === 'met' ? 'yes' : status === 'partly' ? 'partly' : 'no';
    case 'choice': {
      // A choice item may have no "partly" choice; then the closest lower one stands for it.
      const exact = item.choices.find((c) => c.status === status);
      return (exact ?? item.choices.find((c) => c.status === 'not-met') ?? item.choices[0]!).value;
    }
    case 'text':
      return '';
  }
}

function sameOrg(a: Profile, b: Profile): { where: string; detail: string } | undefined {
  if (a.name.trim().toLowerCase() !== b.name.trim().toLowerCase()) return { where: 'profile.name', detail: `is "${b.name}", but the first file says "${a.name}"` };
  if (a.programType !== b.programType) return { where: 'profile.programType', detail: `is "${b.programType}", but the first file says "${a.programType}"` };
  if (a.startDate !== b.startDate) return { where: 'profile.startDate', detail: `is ${b.startDate}, but the first file says ${a.startDate}` };
  return undefined;
}

export function mergeRespondents(qs: readonly Questionnaire[], respondents: readonly Respondent[]): Merged {
  if (respondents.length === 0) throw new Error('internal: nothing to merge');
  const first = respondents[0]!;
  const labels = new Set<string>();
  for (const r of respondents) {
    const clash = sameOrg(first.assessment.profile, r.assessment.profile);
    if (clash) throw new InputError(r.file, clash.where, `${clash.detail}; merge combines answers about one organisation`);
    if (labels.has(r.label)) throw new InputError(r.file, 'profile.respondent', `"${r.label}" is used by two files; give each respondent its own role label`);
    labels.add(r.label);
  }

  const answers: Record<string, Answer> = {};
  const items: Merged['items'] = [];
  const unanswered: string[] = [];
  for (const { item } of allItems(qs)) {
    const given = respondents.map((r) => ({ r, a: r.assessment.answers[item.id] })).filter((x) => x.a !== undefined) as {
      r: Respondent;
      a: Answer;
    }[];
    const notes = given.filter((g) => g.a.note).map((g) => `${g.r.label}: ${g.a.note}`);
    const owner = given.find((g) => g.a.owner)?.a.owner;
    const extra = { ...(notes.length ? { note: notes.join('; ') } : {}), ...(owner ? { owner } : {}) };
    if (!isScored(item)) {
      const texts = given.filter((g) => g.a.value.trim() !== '');
      // One respondent's own words stand as they are; several are labelled by role.
      const value = texts.length === 1 && respondents.length === 1 ? texts[0]!.a.value : texts.map((g) => `${g.r.label}: ${g.a.value.trim()}`).join(' / ');
      answers[item.id] = { value, ...extra };
      continue;
    }
    if (given.length === 0) {
      unanswered.push(item.id);
      answers[item.id] = { value: 'not-sure', ...extra };
      continue;
    }
    // "Not applicable yet" counts for nothing; if every respondent said so, so does the combined answer.
    const applies = given.filter((g) => !isNotApplicable(g.a.value));
    if (applies.length === 0) {
      answers[item.id] = { value: NOT_APPLICABLE, ...extra };
      continue;
    }
    const statuses = applies.map((g) => itemStatus(item, g.a.value));
    const combined = combineStatuses(statuses);
    answers[item.id] = { value: valueFor(item, combined), ...extra };
    items.push({
      itemId: item.id,
      question: item.text,
      combined,
      agree: new Set(given.map((g) => g.a.value)).size === 1,
      views: given.map((g) => ({
        role: g.r.label,
        answer: item.type === 'choice' ? (item.choices.find((c) => c.value === g.a.value)?.label ?? 'not sure') : (valueLabel(g.a.value)?.toLowerCase() ?? g.a.value),
      })),
    });
  }
  const disagreements = items.filter((i) => !i.agree).map(({ agree: _agree, ...d }) => d);

  const profile: Profile = {
    ...first.assessment.profile,
    // A deadline set from outside binds everyone, even if only one respondent knew of it.
    timelineFixed: respondents.some((r) => r.assessment.profile.timelineFixed),
  };
  // Likewise the soonest target date anyone gave.
  const targets = respondents.map((r) => r.assessment.profile.targetDate).filter((d): d is string => !!d).sort();
  if (targets.length) profile.targetDate = targets[0]!;
  else delete profile.targetDate;
  delete profile.respondent;
  const dates = respondents.map((r) => r.assessment.assessedOn).filter((d): d is string => !!d).sort();
  return {
    assessment: { profile, answers, ...(dates.length ? { assessedOn: dates.at(-1)! } : {}) },
    respondents: respondents.map((r) => r.label),
    items,
    disagreements,
    unanswered,
    agreed: items.length - disagreements.length,
  };
}
