// The lists the wizard offers, and the words it shows for values: shared by the reducer (which
// row means what) and the screens (what each row says).
import { VALUE_LABEL } from '../labels.js';
import { allowedValues, type Item } from '../questionnaire.js';
import type { ProfileDraft, SavedAssessment, WizardContext, WizardState } from './model.js';

export interface Choice<V = string> {
  value: V;
  label: string;
}

/** The answer choices of a scored item, "Not sure" last; empty for free-text items. */
export function itemChoices(item: Item): Choice[] {
  if (item.type === 'text') return [];
  return allowedValues(item).map((value) => ({
    value,
    label: item.type === 'choice' ? (item.choices.find((c) => c.value === value)?.label ?? VALUE_LABEL[value]!) : VALUE_LABEL[value]!,
  }));
}

export function answerLabel(item: Item, value: string | undefined): string {
  if (value === undefined) return '(not answered)';
  if (item.type === 'text') return value.trim() === '' ? '(left blank)' : value;
  return itemChoices(item).find((c) => c.value === value)?.label ?? value;
}

export const FIXED_CHOICES: Choice<boolean>[] = [
  { value: false, label: 'No: we set our own timetable' },
  { value: true, label: 'Yes: a funder or another outside party sets the deadline' },
];
export const CLASH_CHOICES: Choice<'continue' | 'reassess' | 'replace' | 'rename'>[] = [
  { value: 'continue', label: 'Continue the saved assessment' },
  { value: 'reassess', label: 'Re-assess: a new assessment that starts from its answers (the old one is kept)' },
  { value: 'replace', label: 'Start over (the saved answers are replaced)' },
  { value: 'rename', label: 'Use a different name' },
];
export const OVERWRITE_CHOICES: Choice<boolean>[] = [
  { value: false, label: 'No, choose other file names' },
  { value: true, label: 'Yes, replace them' },
];

/** Assessments offered for resuming: not yet saved as a plan, most recent first. */
export function unfinished(ctx: WizardContext): SavedAssessment[] {
  return ctx.saved.filter((r) => r.status !== 'saved').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
/** The resume screen's rows: each unfinished assessment, then "start a new one". */
export function resumeChoices(ctx: WizardContext): Choice<string | null>[] {
  return [
    ...unfinished(ctx).map((r) => ({ value: r.id as string | null, label: r.profile.name ?? r.id })),
    { value: null, label: 'Start a new assessment' },
  ];
}

export const PROFILE_ROWS = ['name', 'program', 'start', 'fixed', 'target'] as const;
export type ProfileRow = (typeof PROFILE_ROWS)[number];

export const PROFILE_LABELS: Record<ProfileRow, string> = {
  name: 'Organization',
  program: 'Program type',
  start: 'Plan starts',
  fixed: 'Deadline set by others',
  target: 'Target date',
};

export function profileValue(ctx: WizardContext, p: ProfileDraft, row: ProfileRow): string {
  switch (row) {
    case 'name':
      return p.name ?? '(not given)';
    case 'program':
      return p.programType ? (ctx.programs.find((c) => c.value === p.programType)?.label ?? p.programType) : '(not given)';
    case 'start':
      return p.startDate ?? '(not given)';
    case 'fixed':
      return p.timelineFixed === undefined ? '(not given)' : FIXED_CHOICES.find((c) => c.value === p.timelineFixed)!.label;
    case 'target':
      return !p.timelineFixed ? '(only asked when the deadline is set by others)' : (p.targetDate ?? '(none)');
  }
}

/**
 * The owners offered when naming who owns an item: the roles already used for this organization,
 * in this assessment and in its other saved assessments (and who answered them), most used first.
 */
export function knownOwners(ctx: WizardContext, s: Pick<WizardState, 'owners' | 'profile' | 'id'>): string[] {
  const count = new Map<string, number>();
  const add = (role: string | undefined) => {
    const r = role?.trim();
    if (r) count.set(r, (count.get(r) ?? 0) + 1);
  };
  Object.values(s.owners).forEach(add);
  const slug = s.profile.name ? ctx.slug(s.profile.name) : undefined;
  for (const r of ctx.saved) {
    if (r.id === s.id || !slug || ctx.slug(r.profile.name ?? r.id) !== slug) continue;
    Object.values(r.owners ?? {}).forEach(add);
    add(r.profile.respondent);
  }
  add(s.profile.respondent);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([role]) => role);
}
