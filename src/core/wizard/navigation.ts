// Moving between screens: entering one (setting up its highlight or text field from what is
// already answered), opening a saved assessment where it was left, and where "back" and "next" lead.
import { allowedValues } from '../questionnaire.js';
import { itemChoices, PROFILE_ROWS, unfinished } from './choices.js';
import { blank, firstUnanswered, instrumentsOf, itemsOf, statusOf, type Position, type SavedAssessment, type Screen, type WizardContext, type WizardState } from './model.js';
import { reviewRowCount } from './review.js';
import { field } from './text.js';

/** Move to `screen`, setting up its highlight or text field from what is already answered. */
export function enter(ctx: WizardContext, s: WizardState, screen: Screen, message?: string): WizardState {
  const next: WizardState = { ...s, screen, cursor: 0, help: false, note: undefined, owner: undefined, message };
  switch (screen.kind) {
    case 'review':
      // The questions depend on the program type, so a row may have gone since the cursor was set.
      return { ...next, fromReview: false, filtering: false, reviewCursor: Math.min(s.reviewCursor, reviewRowCount(ctx, s) - 1) };
    case 'name':
      return { ...next, input: field(s.profile.name ?? '') };
    case 'program':
      return { ...next, cursor: Math.max(0, ctx.programs.findIndex((c) => c.value === s.profile.programType)) };
    case 'start':
      return { ...next, input: field(s.profile.startDate ?? ctx.defaultStartDate) };
    case 'fixed':
      return { ...next, cursor: s.profile.timelineFixed ? 1 : 0 };
    case 'target':
      return { ...next, input: field(s.profile.targetDate ?? '') };
    case 'question': {
      const { item } = itemsOf(ctx, s)[screen.index]!;
      const value = s.values[item.id];
      if (item.type === 'text') return { ...next, input: field(value ?? '') };
      return { ...next, cursor: Math.max(0, itemChoices(item).findIndex((c) => c.value === value)) };
    }
    case 'paths': {
      const paths = s.paths ?? ctx.defaultPaths(s.profile.name ?? 'organization');
      return { ...next, paths, input: field(paths[screen.field]) };
    }
    default:
      return next;
  }
}

/** Open a saved assessment where it was left (or at the first thing still missing). */
export function openRecord(ctx: WizardContext, r: SavedAssessment): WizardState {
  const known = new Map(itemsOf(ctx, { profile: r.profile }).map((x) => [x.item.id, x.item]));
  const values: Record<string, string> = {};
  for (const [id, v] of Object.entries(r.values)) {
    const item = known.get(id);
    if (item && (item.type === 'text' || allowedValues(item).includes(v))) values[id] = v;
  }
  const keep = (m: Record<string, string> | undefined) => Object.fromEntries(Object.entries(m ?? {}).filter(([id]) => known.has(id)));
  let s: WizardState = { ...blank, screen: { kind: 'name' }, id: r.id, profile: r.profile, values, notes: keep(r.notes), owners: keep(r.owners), status: 'in-progress' };
  s = { ...s, status: statusOf(ctx, s) };
  return enter(ctx, s, resumeScreen(ctx, s, r.position));
}

/** Where to pick up: the saved position, unless something before it is still missing. */
export function resumeScreen(ctx: WizardContext, s: WizardState, pos: Position): Screen {
  const p = s.profile;
  if (!p.programType) return { kind: 'program' };
  if (!p.name) return { kind: 'name' };
  if (!p.startDate) return { kind: 'start' };
  if (p.timelineFixed === undefined) return { kind: 'fixed' };
  switch (pos.step) {
    case 'name':
    case 'program':
    case 'start':
    case 'fixed':
      return { kind: pos.step };
    case 'target':
      return { kind: p.timelineFixed ? 'target' : 'fixed' };
    case 'intro':
      if (pos.index >= 0 && pos.index < instrumentsOf(ctx, s).length) return { kind: 'intro', index: pos.index };
      break;
    case 'question':
      if (pos.index >= 0 && pos.index < itemsOf(ctx, s).length) return { kind: 'question', index: pos.index };
      break;
    case 'review':
    case 'results':
      if (firstUnanswered(ctx, s) === -1) return { kind: pos.step };
      break;
  }
  const i = firstUnanswered(ctx, s);
  return i === -1 ? { kind: 'review' } : { kind: 'question', index: i };
}

/** Where "back" leads from the current screen, if anywhere. */
export function previous(ctx: WizardContext, s: WizardState): Screen | undefined {
  const sc = s.screen;
  if (s.fromReview && (sc.kind === 'question' || sc.kind === 'name' || sc.kind === 'program' || sc.kind === 'start' || sc.kind === 'fixed' || sc.kind === 'target')) {
    return { kind: 'review' };
  }
  switch (sc.kind) {
    case 'welcome':
      return !s.id && unfinished(ctx).length > 0 ? { kind: 'resume' } : undefined;
    case 'program':
      return { kind: 'welcome' };
    case 'name':
    case 'clash':
      return { kind: 'program' };
    case 'start':
      return { kind: 'name' };
    case 'fixed':
      return { kind: 'start' };
    case 'target':
      return { kind: 'fixed' };
    case 'intro':
      if (sc.index === 0) return { kind: s.profile.timelineFixed ? 'target' : 'fixed' };
      return { kind: 'question', index: itemsOf(ctx, s).findIndex((x) => x.instrument === sc.index) - 1 };
    case 'question': {
      const cur = itemsOf(ctx, s)[sc.index]!;
      return cur.number === 1 ? { kind: 'intro', index: cur.instrument } : { kind: 'question', index: sc.index - 1 };
    }
    case 'review': {
      const last = itemsOf(ctx, s).length - 1;
      const r = s.reviewReturn;
      if (r?.kind === 'question') return { kind: 'question', index: Math.min(r.index, last) };
      if (r?.kind === 'intro' && r.index < instrumentsOf(ctx, s).length) return r;
      return { kind: 'question', index: last };
    }
    case 'results':
      return { kind: 'review' };
    case 'paths':
      return sc.field === 'answers' ? { kind: 'paths', field: 'plan' } : { kind: 'results' };
    case 'overwrite':
      return { kind: 'paths', field: 'answers' };
    default:
      return undefined;
  }
}

/** After answering question `index`: the next question, the next instrument's intro, or review. */
export function afterQuestion(ctx: WizardContext, s: WizardState, index: number): Screen {
  if (s.fromReview || index + 1 >= itemsOf(ctx, s).length) return { kind: 'review' };
  const next = itemsOf(ctx, s)[index + 1]!;
  return next.instrument !== itemsOf(ctx, s)[index]!.instrument ? { kind: 'intro', index: next.instrument } : { kind: 'question', index: index + 1 };
}

/** After a profile field: the next one, or back to review when it was opened from there. */
export function afterProfile(s: WizardState, nextStep: Screen): Screen {
  return s.fromReview ? { kind: 'review' } : nextStep;
}

/** Open the review, highlighting the question (or an intro's first question) it was opened on. */
export function toReview(ctx: WizardContext, s: WizardState): WizardState {
  const sc = s.screen;
  const row = sc.kind === 'question' ? sc.index : sc.kind === 'intro' ? itemsOf(ctx, s).findIndex((x) => x.instrument === sc.index) : -1;
  const reviewCursor = row >= 0 ? PROFILE_ROWS.length + row : s.reviewCursor;
  const reviewReturn = sc.kind === 'question' || sc.kind === 'intro' ? sc : s.reviewReturn;
  // A filter left from earlier could hide the row just opened: the review starts unfiltered.
  return enter(ctx, { ...s, reviewReturn, reviewCursor, reviewFilter: field() }, { kind: 'review' });
}

/** The first screen: resume an unfinished assessment if there is one (unless `fresh`), else welcome. */
export function initialState(ctx: WizardContext, fresh: boolean): WizardState {
  return { ...blank, screen: { kind: !fresh && unfinished(ctx).length > 0 ? 'resume' : 'welcome' } };
}
