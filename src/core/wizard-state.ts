// The interactive wizard as a pure state machine: `step(ctx, state, event)` returns the next
// state and the effects to carry out (save progress, write the files, exit). The UI feeds it
// one key at a time and draws whatever state it returns, so every key is applied to the latest
// state, in order, however fast keys arrive; and every transition can be tested without a terminal.
import type * as z from 'zod';
import type { PositionSchema, RecordSchema } from './wizard-record.js';
import { DEFAULT_PROGRAM, type Answer, type Assessment, type Profile, type ProgramType } from './answers.js';
import { allowedValues, type Item, type Questionnaire, type Section } from './questionnaire.js';
import { addMonths, dateMessage } from './dates.js';
import { EXIT } from './exit-codes.js';
import type { Key } from './wizard-keys.js';
import { editField, field, type TextField } from './wizard-text.js';

// ---------------------------------------------------------------------------------------------
// Model

export type ProfileDraft = Partial<Profile>;
export type RecordStatus = SavedAssessment['status'];

/** Where an assessment was left, as saved in the store. */
export type Position = z.infer<typeof PositionSchema>;

/**
 * One assessment as the store keeps it: the shape is RecordSchema's (checked when read back);
 * the store adds the timestamps when it saves one.
 */
export type SavedAssessment = z.infer<typeof RecordSchema>;
export type AssessmentRecord = Omit<SavedAssessment, 'createdAt' | 'updatedAt'>;

export interface FlatItem {
  item: Item;
  section: Section;
  /** Index of the instrument in `WizardContext.instruments`. */
  instrument: number;
  /** 1-based position within its instrument, and the instrument's item count. */
  number: number;
  of: number;
}

export interface WizardContext {
  /** The instruments asked for a program type: the shared ones, then its role questions, if any. */
  questionnaires: (programType: ProgramType) => readonly Questionnaire[];
  /** The program types to choose from, in order: one per role pack (questionnairesFor's catalog). */
  programs: readonly Choice<ProgramType>[];
  /** Assessments found in the store when the wizard started. */
  saved: readonly SavedAssessment[];
  /** Proposed plan start date (the 1st of next month). */
  defaultStartDate: string;
  /** --force: replace existing files without asking. */
  force: boolean;
  slug: (name: string) => string;
  defaultPaths: (name: string) => { plan: string; answers: string };
}

export type Screen =
  | { kind: 'resume' }
  | { kind: 'welcome' }
  | { kind: 'name' }
  | { kind: 'clash'; id: string }
  | { kind: 'program' }
  | { kind: 'start' }
  | { kind: 'fixed' }
  | { kind: 'intro'; index: number }
  | { kind: 'question'; index: number }
  | { kind: 'review' }
  | { kind: 'results' }
  | { kind: 'paths'; field: 'plan' | 'answers' }
  | { kind: 'overwrite'; files: string[] }
  | { kind: 'saving' }
  | { kind: 'saved'; plan: string; answers: string }
  | { kind: 'quit' };

export interface WizardState {
  screen: Screen;
  /** Store id; set once the organisation is named. Nothing is saved before that. */
  id?: string;
  profile: ProfileDraft;
  values: Record<string, string>;
  notes: Record<string, string>;
  status: RecordStatus;
  /** Highlighted row of the current list. */
  cursor: number;
  /** The text being typed on text screens. */
  input: TextField;
  /** The note editor, while open. */
  note?: TextField;
  help: boolean;
  /** Where the assessment stands, for the store (the last screen that has a position). */
  position: Position;
  /** Set when a question or profile field was opened from the review screen. */
  fromReview: boolean;
  /** Where Esc on the review screen leads: the question or intro it was opened from. */
  reviewReturn?: Screen;
  reviewCursor: number;
  resultsPane: number;
  paths?: { plan: string; answers: string };
  /** The files written, once saved. */
  files?: { plan: string; answers: string };
  message?: string;
}

export type Effect =
  | { type: 'persist' }
  | { type: 'write'; plan: string; answers: string; replace: boolean }
  | { type: 'exit'; code: number };

export type WizardEvent =
  | { type: 'key'; key: Key }
  | { type: 'interrupt' }
  | { type: 'write-conflict'; files: string[] }
  | { type: 'write-failed'; message: string }
  | { type: 'write-done'; plan: string; answers: string };

export interface Choice<V = string> {
  value: V;
  label: string;
}

export const EXIT_INTERRUPTED = EXIT.interrupted;
export const RESULTS_PANES = ['Timeline', 'Sections', 'Top gaps'] as const;
export const NAME_MAX = 200;
export const TEXT_MAX = 4000;

// ---------------------------------------------------------------------------------------------
// Static lists shared by the reducer and the screens

/** Until a program type is chosen, the questions are those of the general role. */
export { DEFAULT_PROGRAM };

const flatCache = new WeakMap<WizardContext, Map<ProgramType, { instruments: readonly Questionnaire[]; items: FlatItem[] }>>();

function planOf(ctx: WizardContext, s: Pick<WizardState, 'profile'>) {
  const pt = s.profile.programType ?? DEFAULT_PROGRAM;
  let byProgram = flatCache.get(ctx);
  if (!byProgram) flatCache.set(ctx, (byProgram = new Map()));
  let plan = byProgram.get(pt);
  if (!plan) {
    const instruments = ctx.questionnaires(pt);
    byProgram.set(pt, (plan = { instruments, items: flattenItems(instruments) }));
  }
  return plan;
}
/** The instruments this assessment asks, in order (they depend on the program type). */
export const instrumentsOf = (ctx: WizardContext, s: Pick<WizardState, 'profile'>) => planOf(ctx, s).instruments;
/** Every question this assessment asks, in order. */
export const itemsOf = (ctx: WizardContext, s: Pick<WizardState, 'profile'>): readonly FlatItem[] => planOf(ctx, s).items;

export function flattenItems(qs: readonly Questionnaire[]): FlatItem[] {
  const out: FlatItem[] = [];
  qs.forEach((q, instrument) => {
    const items = q.sections.flatMap((section) => section.items.map((item) => ({ item, section })));
    items.forEach(({ item, section }, i) => out.push({ item, section, instrument, number: i + 1, of: items.length }));
  });
  return out;
}

const VALUE_LABELS: Record<string, string> = {
  true: 'True',
  false: 'False',
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  'not-sure': 'Not sure',
  'not-applicable': 'Not applicable yet',
};

/** The answer choices of a scored item, "Not sure" last; empty for free-text items. */
export function itemChoices(item: Item): Choice[] {
  if (item.type === 'text') return [];
  return allowedValues(item).map((value) => ({
    value,
    label: item.type === 'choice' ? (item.choices.find((c) => c.value === value)?.label ?? VALUE_LABELS[value]!) : VALUE_LABELS[value]!,
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

export const answeredCount = (ctx: WizardContext, s: WizardState) => itemsOf(ctx, s).filter((x) => x.item.id in s.values).length;
const firstUnanswered = (ctx: WizardContext, s: WizardState) => itemsOf(ctx, s).findIndex((x) => !(x.item.id in s.values));

export const PROFILE_ROWS = ['name', 'program', 'start', 'fixed'] as const;
export type ProfileRow = (typeof PROFILE_ROWS)[number];
/** Review rows: the four profile fields, then every question. */
export const reviewRowCount = (ctx: WizardContext, s: WizardState) => PROFILE_ROWS.length + itemsOf(ctx, s).length;

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
  }
}

// ---------------------------------------------------------------------------------------------
// Assessment and record

export function isProfileComplete(p: ProfileDraft): p is Profile {
  return !!p.name && !!p.programType && !!p.startDate && p.timelineFixed !== undefined;
}

/** The finished assessment, or undefined while anything is unanswered. */
export function toAssessment(ctx: WizardContext, s: WizardState): Assessment | undefined {
  if (!isProfileComplete(s.profile)) return undefined;
  const answers: Record<string, Answer> = {};
  for (const { item } of itemsOf(ctx, s)) {
    const value = s.values[item.id];
    if (value === undefined) return undefined;
    const note = s.notes[item.id];
    answers[item.id] = note ? { value, note } : { value };
  }
  const { name, programType, startDate, timelineFixed } = s.profile;
  return { profile: { name, programType, startDate, timelineFixed }, answers };
}

export function positionOf(screen: Screen): Position | undefined {
  switch (screen.kind) {
    case 'name':
    case 'clash':
      return { step: 'name' };
    case 'program':
    case 'start':
    case 'fixed':
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
  const r: AssessmentRecord = { id: s.id, profile: s.profile, values: s.values, notes: s.notes, position: s.position, status: s.status, total: itemsOf(ctx, s).length };
  return s.files ? { ...r, files: s.files } : r;
}

const statusOf = (ctx: WizardContext, s: WizardState): RecordStatus =>
  s.status === 'saved' ? 'saved' : itemsOf(ctx, s).every((x) => x.item.id in s.values) ? 'complete' : 'in-progress';

// ---------------------------------------------------------------------------------------------
// Entering screens

const blank: Omit<WizardState, 'screen'> = {
  profile: {},
  values: {},
  notes: {},
  status: 'in-progress',
  cursor: 0,
  input: field(),
  help: false,
  position: { step: 'name' },
  fromReview: false,
  reviewCursor: 0,
  resultsPane: 0,
};

export function initialState(ctx: WizardContext, fresh: boolean): WizardState {
  return { ...blank, screen: { kind: !fresh && unfinished(ctx).length > 0 ? 'resume' : 'welcome' } };
}

/** Move to `screen`, setting up its highlight or text field from what is already answered. */
function enter(ctx: WizardContext, s: WizardState, screen: Screen, message?: string): WizardState {
  const next: WizardState = { ...s, screen, cursor: 0, help: false, note: undefined, message };
  switch (screen.kind) {
    case 'review':
      // The questions depend on the program type, so a row may have gone since the cursor was set.
      return { ...next, fromReview: false, reviewCursor: Math.min(s.reviewCursor, reviewRowCount(ctx, s) - 1) };
    case 'name':
      return { ...next, input: field(s.profile.name ?? '') };
    case 'program':
      return { ...next, cursor: Math.max(0, ctx.programs.findIndex((c) => c.value === s.profile.programType)) };
    case 'start':
      return { ...next, input: field(s.profile.startDate ?? ctx.defaultStartDate) };
    case 'fixed':
      return { ...next, cursor: s.profile.timelineFixed ? 1 : 0 };
    case 'question': {
      const { item } = itemsOf(ctx, s)[screen.index]!;
      const value = s.values[item.id];
      if (item.type === 'text') return { ...next, input: field(value ?? '') };
      return { ...next, cursor: Math.max(0, itemChoices(item).findIndex((c) => c.value === value)) };
    }
    case 'paths': {
      const paths = s.paths ?? ctx.defaultPaths(s.profile.name ?? 'organisation');
      return { ...next, paths, input: field(paths[screen.field]) };
    }
    default:
      return next;
  }
}

/** Open a saved assessment where it was left (or at the first thing still missing). */
function openRecord(ctx: WizardContext, r: SavedAssessment): WizardState {
  const known = new Map(itemsOf(ctx, { profile: r.profile }).map((x) => [x.item.id, x.item]));
  const values: Record<string, string> = {};
  for (const [id, v] of Object.entries(r.values)) {
    const item = known.get(id);
    if (item && (item.type === 'text' || allowedValues(item).includes(v))) values[id] = v;
  }
  const notes = Object.fromEntries(Object.entries(r.notes).filter(([id]) => known.has(id)));
  let s: WizardState = { ...blank, screen: { kind: 'name' }, id: r.id, profile: r.profile, values, notes, status: 'in-progress' };
  s = { ...s, status: statusOf(ctx, s) };
  return enter(ctx, s, resumeScreen(ctx, s, r.position));
}

function resumeScreen(ctx: WizardContext, s: WizardState, pos: Position): Screen {
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

// ---------------------------------------------------------------------------------------------
// Where "back" and "next" lead

function previous(ctx: WizardContext, s: WizardState): Screen | undefined {
  const sc = s.screen;
  if (s.fromReview && (sc.kind === 'question' || sc.kind === 'name' || sc.kind === 'program' || sc.kind === 'start' || sc.kind === 'fixed')) {
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
    case 'intro':
      if (sc.index === 0) return { kind: 'fixed' };
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

function afterQuestion(ctx: WizardContext, s: WizardState, index: number): Screen {
  if (s.fromReview || index + 1 >= itemsOf(ctx, s).length) return { kind: 'review' };
  const next = itemsOf(ctx, s)[index + 1]!;
  return next.instrument !== itemsOf(ctx, s)[index]!.instrument ? { kind: 'intro', index: next.instrument } : { kind: 'question', index: index + 1 };
}

function afterProfile(s: WizardState, nextStep: Screen): Screen {
  return s.fromReview ? { kind: 'review' } : nextStep;
}

// ---------------------------------------------------------------------------------------------
// The reducer

export interface Step {
  state: WizardState;
  effects: Effect[];
}

/** Apply one event; adds a `persist` effect whenever what the store keeps has changed. */
export function step(ctx: WizardContext, s: WizardState, event: WizardEvent): Step {
  const r = reduce(ctx, s, event);
  const pos = positionOf(r.state.screen);
  const moved = pos !== undefined && JSON.stringify(pos) !== JSON.stringify(s.position);
  const state = moved ? { ...r.state, position: pos } : r.state;
  const changed =
    state.id !== undefined &&
    (moved ||
      state.id !== s.id ||
      state.values !== s.values ||
      state.notes !== s.notes ||
      state.profile !== s.profile ||
      state.status !== s.status);
  return { state, effects: changed ? [{ type: 'persist' }, ...r.effects] : r.effects };
}

const done = (state: WizardState, ...effects: Effect[]): Step => ({ state, effects });

function reduce(ctx: WizardContext, s0: WizardState, event: WizardEvent): Step {
  switch (event.type) {
    case 'interrupt':
      return done({ ...s0, screen: { kind: 'quit' } }, { type: 'exit', code: EXIT_INTERRUPTED });
    case 'write-conflict':
      return done(enter(ctx, s0, { kind: 'overwrite', files: event.files }));
    case 'write-failed':
      return done(enter(ctx, s0, { kind: 'paths', field: 'plan' }, event.message));
    case 'write-done':
      return done({ ...s0, status: 'saved', files: { plan: event.plan, answers: event.answers }, screen: { kind: 'saved', plan: event.plan, answers: event.answers }, message: undefined });
    case 'key':
      break;
  }
  const key = event.key;
  if (key.ctrl && key.ch === 'c') return reduce(ctx, s0, { type: 'interrupt' });
  const s: WizardState = s0.message ? { ...s0, message: undefined } : s0;
  const sc = s.screen;
  switch (sc.kind) {
    case 'resume':
      return onSelect(ctx, s, key, resumeChoices(ctx).length, (i) => {
        const id = resumeChoices(ctx)[i]!.value;
        const rec = id === null ? undefined : ctx.saved.find((r) => r.id === id);
        return done(rec ? openRecord(ctx, rec) : enter(ctx, { ...blank, screen: sc }, { kind: 'program' }));
      });
    case 'welcome':
      if (key.name === 'return' || key.name === 'right') return done(enter(ctx, s, { kind: 'program' }));
      return back(ctx, s, key);
    case 'name':
      return onText(ctx, s, key, NAME_MAX, (text) => submitName(ctx, s, text));
    case 'clash':
      return onSelect(ctx, s, key, CLASH_CHOICES.length, (i) => {
        const choice = CLASH_CHOICES[i]!.value;
        const rec = ctx.saved.find((r) => r.id === sc.id)!;
        if (choice === 'continue') return done(openRecord(ctx, rec));
        if (choice === 'rename') return done({ ...enter(ctx, s, { kind: 'name' }), input: s.input });
        if (choice === 'reassess') {
          // A new record, so `compare` can set the two side by side; every answer and note carried
          // over, so the consultant changes only what moved. Next: the new start date, then review.
          const taken = new Set(ctx.saved.map((r) => r.id));
          const base = rec.id.replace(/-\d+$/, '');
          let id = `${base}-2`;
          for (let n = 3; taken.has(id); n++) id = `${base}-${n}`;
          const next: WizardState = {
            ...blank,
            screen: sc,
            id,
            profile: { ...rec.profile, name: s.input.text.trim() || rec.profile.name },
            values: { ...rec.values },
            notes: { ...rec.notes },
            fromReview: true,
          };
          return done(enter(ctx, { ...next, status: statusOf(ctx, next) }, { kind: 'start' }));
        }
        const fresh: WizardState = { ...blank, screen: sc, id: rec.id, profile: { programType: s.profile.programType, name: s.input.text.trim() } };
        return done(enter(ctx, fresh, { kind: 'start' }));
      });
    case 'program':
      return onSelect(ctx, s, key, ctx.programs.length, (i) => {
        // The program type decides which role questions are asked, so completeness may change.
        const next: WizardState = { ...s, profile: { ...s.profile, programType: ctx.programs[i]!.value } };
        return done(enter(ctx, { ...next, status: statusOf(ctx, next) }, afterProfile(s, { kind: 'name' })));
      });
    case 'start':
      return onText(ctx, s, key, 10, (text) => {
        const date = text.trim();
        const problem = dateMessage(date);
        if (problem) return done({ ...s, message: `${problem}. Example: ${ctx.defaultStartDate}` });
        return done(enter(ctx, { ...s, profile: { ...s.profile, startDate: date } }, afterProfile(s, { kind: 'fixed' })));
      });
    case 'fixed':
      return onSelect(ctx, s, key, FIXED_CHOICES.length, (i) =>
        done(enter(ctx, { ...s, profile: { ...s.profile, timelineFixed: FIXED_CHOICES[i]!.value } }, afterProfile(s, { kind: 'intro', index: 0 }))),
      );
    case 'intro':
      if (key.name === 'return' || key.name === 'right') {
        return done(enter(ctx, s, { kind: 'question', index: itemsOf(ctx, s).findIndex((x) => x.instrument === sc.index) }));
      }
      if (isReviewKey(key, false)) return done(toReview(ctx, s));
      return back(ctx, s, key);
    case 'question':
      return onQuestion(ctx, s, sc.index, key);
    case 'review':
      return onReview(ctx, s, key);
    case 'results':
      if (key.name === 'tab' || key.name === 'right') return done({ ...s, resultsPane: (s.resultsPane + 1) % RESULTS_PANES.length });
      if (key.name === 'backtab' || key.name === 'left') {
        return done({ ...s, resultsPane: (s.resultsPane + RESULTS_PANES.length - 1) % RESULTS_PANES.length });
      }
      if (key.name === 'return') return done(enter(ctx, s, { kind: 'paths', field: 'plan' }));
      return back(ctx, s, key);
    case 'paths':
      return onText(ctx, s, key, 1000, (text) => submitPath(ctx, s, sc.field, text.trim()));
    case 'overwrite':
      if (key.name === 'char' && !key.ctrl && (key.ch === 'y' || key.ch === 'Y')) return confirmOverwrite(ctx, s, true);
      if (key.name === 'char' && !key.ctrl && (key.ch === 'n' || key.ch === 'N')) return confirmOverwrite(ctx, s, false);
      return onSelect(ctx, s, key, OVERWRITE_CHOICES.length, (i) => confirmOverwrite(ctx, s, OVERWRITE_CHOICES[i]!.value));
    case 'saved':
      if (key.name === 'return' || key.name === 'escape' || (key.name === 'char' && key.ch === 'q')) return done(s, { type: 'exit', code: 0 });
      return done(s);
    case 'saving':
    case 'quit':
      return done(s0);
  }
}

function back(ctx: WizardContext, s: WizardState, key: Key): Step {
  if (key.name !== 'escape' && key.name !== 'left') return done(s);
  const to = previous(ctx, s);
  return done(to ? enter(ctx, s, to) : s);
}

/** ↑/↓ (or k/j), Home/End, a digit to pick directly, Enter to pick the highlighted row; Esc/← go back. */
function onSelect(ctx: WizardContext, s: WizardState, key: Key, count: number, choose: (i: number) => Step): Step {
  const plain = key.name === 'char' && !key.ctrl ? key.ch : undefined;
  if (key.name === 'up' || plain === 'k') return done({ ...s, cursor: Math.max(0, s.cursor - 1) });
  if (key.name === 'down' || plain === 'j') return done({ ...s, cursor: Math.min(count - 1, s.cursor + 1) });
  if (key.name === 'home') return done({ ...s, cursor: 0 });
  if (key.name === 'end') return done({ ...s, cursor: count - 1 });
  if (key.name === 'return') return choose(Math.min(s.cursor, count - 1));
  if (plain && /^[1-9]$/.test(plain) && Number(plain) <= count) return choose(Number(plain) - 1);
  return back(ctx, s, key);
}

/** Typing edits the field, Enter submits it, Esc goes back. */
function onText(ctx: WizardContext, s: WizardState, key: Key, max: number, submit: (text: string) => Step): Step {
  if (key.name === 'return') return submit(s.input.text);
  if (key.name === 'escape') return back(ctx, s, key);
  const input = editField(s.input, key, max);
  return done(input ? { ...s, input } : s);
}

function submitName(ctx: WizardContext, s: WizardState, text: string): Step {
  const name = text.trim();
  if (name === '') return done({ ...s, message: 'Type the name of your organisation.' });
  if (s.id) {
    // Renaming an assessment that is already saved: it keeps its place in the store.
    return done(enter(ctx, { ...s, profile: { ...s.profile, name } }, afterProfile(s, { kind: 'start' })));
  }
  const slug = ctx.slug(name);
  // The most recent assessment of this organisation (a re-assessment is newer than its original).
  const same = ctx.saved
    .filter((r) => ctx.slug(r.profile.name ?? r.id) === slug)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (same) return done({ ...s, input: field(name), screen: { kind: 'clash', id: same.id }, cursor: 0 });
  const taken = new Set(ctx.saved.map((r) => r.id));
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return done(enter(ctx, { ...s, id, profile: { ...s.profile, name } }, { kind: 'start' }));
}

function isReviewKey(key: Key, typing: boolean): boolean {
  return key.name === 'char' && key.ch === 'r' && (key.ctrl === true || !typing);
}
function isNoteKey(key: Key, typing: boolean): boolean {
  return key.name === 'char' && key.ch === 'n' && (key.ctrl === true || !typing);
}

function toReview(ctx: WizardContext, s: WizardState): WizardState {
  const sc = s.screen;
  // The row highlighted: the question it was opened on, or an intro's first question.
  const row = sc.kind === 'question' ? sc.index : sc.kind === 'intro' ? itemsOf(ctx, s).findIndex((x) => x.instrument === sc.index) : -1;
  const reviewCursor = row >= 0 ? PROFILE_ROWS.length + row : s.reviewCursor;
  const reviewReturn = sc.kind === 'question' || sc.kind === 'intro' ? sc : s.reviewReturn;
  return enter(ctx, { ...s, reviewReturn, reviewCursor }, { kind: 'review' });
}

function answer(ctx: WizardContext, s: WizardState, index: number, value: string): Step {
  const id = itemsOf(ctx, s)[index]!.item.id;
  let next: WizardState = { ...s, values: { ...s.values, [id]: value } };
  next = { ...next, status: statusOf(ctx, next) };
  const to = afterQuestion(ctx, s, index);
  const reviewReturn: Screen | undefined = to.kind === 'review' && !s.fromReview ? { kind: 'question', index } : s.reviewReturn;
  return done(enter(ctx, { ...next, reviewReturn }, to));
}

function onQuestion(ctx: WizardContext, s: WizardState, index: number, key: Key): Step {
  const { item } = itemsOf(ctx, s)[index]!;
  const typing = item.type === 'text';

  if (s.note) {
    if (key.name === 'return') {
      const text = s.note.text.trim();
      const notes = { ...s.notes };
      if (text) notes[item.id] = text;
      else delete notes[item.id];
      return done({ ...s, notes, note: undefined, message: text ? 'Note saved.' : 'Note removed.' });
    }
    if (key.name === 'escape') return done({ ...s, note: undefined });
    const note = editField(s.note, key, TEXT_MAX);
    return done(note ? { ...s, note } : s);
  }

  if (key.name === 'tab' || (!typing && key.name === 'char' && key.ch === '?')) return done({ ...s, help: !s.help });
  if (isNoteKey(key, typing)) return done({ ...s, note: field(s.notes[item.id] ?? '') });
  if (isReviewKey(key, typing)) return done(toReview(ctx, s));

  if (typing) return onText(ctx, s, key, TEXT_MAX, (text) => answer(ctx, s, index, text.trim()));

  if (key.name === 'right') {
    if (!(item.id in s.values)) return done({ ...s, message: 'Choose an answer first (or "Not sure").' });
    return done(enter(ctx, s, afterQuestion(ctx, s, index)));
  }
  const choices = itemChoices(item);
  return onSelect(ctx, s, key, choices.length, (i) => answer(ctx, s, index, choices[i]!.value));
}

function onReview(ctx: WizardContext, s: WizardState, key: Key): Step {
  const rows = reviewRowCount(ctx, s);
  const move = (to: number) => done({ ...s, reviewCursor: Math.max(0, Math.min(rows - 1, to)) });
  const plain = key.name === 'char' && !key.ctrl ? key.ch : undefined;
  if (key.name === 'up' || plain === 'k') return move(s.reviewCursor - 1);
  if (key.name === 'down' || plain === 'j') return move(s.reviewCursor + 1);
  if (key.name === 'pageup') return move(s.reviewCursor - 10);
  if (key.name === 'pagedown') return move(s.reviewCursor + 10);
  if (key.name === 'home') return move(0);
  if (key.name === 'end') return move(rows - 1);
  if (key.name === 'return') {
    const row = s.reviewCursor;
    const screen: Screen = row < PROFILE_ROWS.length ? { kind: PROFILE_ROWS[row]! } : { kind: 'question', index: row - PROFILE_ROWS.length };
    return done(enter(ctx, { ...s, fromReview: true }, screen));
  }
  if (plain === 'c' || key.name === 'right') {
    if (!isProfileComplete(s.profile)) return done(enter(ctx, { ...s, fromReview: false }, resumeScreen(ctx, s, { step: 'results' })));
    const missing = itemsOf(ctx, s).length - answeredCount(ctx, s);
    if (missing > 0) {
      return done(
        enter(ctx, { ...s, fromReview: false }, { kind: 'question', index: firstUnanswered(ctx, s) }, `${missing} question${missing === 1 ? ' is' : 's are'} still unanswered; this is the first.`),
      );
    }
    return done(enter(ctx, s, { kind: 'results' }));
  }
  return back(ctx, s, key);
}

function submitPath(ctx: WizardContext, s: WizardState, which: 'plan' | 'answers', path: string): Step {
  if (path === '' || path === '-') return done({ ...s, message: 'Give a file name.' });
  const paths = { ...(s.paths ?? ctx.defaultPaths(s.profile.name ?? 'organisation')), [which]: path };
  if (which === 'plan') return done(enter(ctx, { ...s, paths }, { kind: 'paths', field: 'answers' }));
  if (paths.answers === paths.plan) return done({ ...s, paths, message: 'The answers file needs a different name from the plan.' });
  return done({ ...s, paths, screen: { kind: 'saving' } }, { type: 'write', plan: paths.plan, answers: paths.answers, replace: ctx.force });
}

function confirmOverwrite(ctx: WizardContext, s: WizardState, replace: boolean): Step {
  if (!replace) return done(enter(ctx, s, { kind: 'paths', field: 'plan' }));
  const paths = s.paths!;
  return done({ ...s, screen: { kind: 'saving' } }, { type: 'write', plan: paths.plan, answers: paths.answers, replace: true });
}

/** The 1st of the month after `date` (the proposed plan start). */
export function firstOfNextMonth(date: string): string {
  return addMonths(`${date.slice(0, 8)}01`, 1);
}
