// The wizard's model: what it knows from outside (WizardContext), where it is (Screen), what it
// holds (WizardState), what it asks the outside world to do (Effect), and what happens to it
// (WizardEvent). Plus the questions an assessment asks, in order, which depend on its program type.
import type * as z from 'zod';
import type { PositionSchema, RecordSchema } from '../wizard-record.js';
import type { Profile, ProgramType } from '../answers.js';
import { EXIT } from '../exit-codes.js';
import type { Item, Questionnaire, Section } from '../questionnaire.js';
import type { Key } from './keys.js';
import { field, type TextField } from './text.js';

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
  /** The program types to choose from, in order: one per role pack (questionnairesFor's catalog). */
  programs: readonly { value: ProgramType; label: string }[];
  /** The instruments asked for a program type: the shared ones, then its role questions, if any. */
  questionnaires: (programType: ProgramType) => readonly Questionnaire[];
  /** Assessments found in the store when the wizard started. */
  saved: readonly SavedAssessment[];
  /** Proposed plan start date (see proposedStartDate). */
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
  /** The optional target date, asked only when the deadline is set from outside. */
  | { kind: 'target' }
  | { kind: 'intro'; index: number }
  | { kind: 'question'; index: number }
  | { kind: 'review' }
  | { kind: 'results' }
  | { kind: 'paths'; field: 'plan' | 'answers' }
  | { kind: 'overwrite'; files: string[] }
  | { kind: 'saving' }
  | { kind: 'saved'; plan: string; answers: string }
  | { kind: 'quit' };

/** The owner editor: a text field, and the highlighted suggestion (-1: the field itself). */
export interface OwnerEditor {
  input: TextField;
  cursor: number;
}

export interface WizardState {
  screen: Screen;
  /** Store id; set once the organization is named. Nothing is saved before that. */
  id?: string;
  profile: ProfileDraft;
  values: Record<string, string>;
  notes: Record<string, string>;
  /** Who owns the work on an item (by role), keyed by item id. */
  owners: Record<string, string>;
  status: RecordStatus;
  /** Highlighted row of the current list. */
  cursor: number;
  /** The text being typed on text screens. */
  input: TextField;
  /** The note editor, while open. */
  note?: TextField;
  /** The owner editor, while open. */
  owner?: OwnerEditor;
  help: boolean;
  /** Where the assessment stands, for the store (the last screen that has a position). */
  position: Position;
  /** Set when a question or profile field was opened from the review screen. */
  fromReview: boolean;
  /** Where Esc on the review screen leads: the question or intro it was opened from. */
  reviewReturn?: Screen;
  /** The highlighted review row (an index into all rows, filtered or not). */
  reviewCursor: number;
  /** The review's filter text; `filtering` while it is being typed. */
  reviewFilter: TextField;
  filtering: boolean;
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

export interface Step {
  state: WizardState;
  effects: Effect[];
}

export const EXIT_INTERRUPTED = EXIT.interrupted;
export const RESULTS_PANES = ['Timeline', 'Sections', 'Top gaps'] as const;
export const NAME_MAX = 200;
export const TEXT_MAX = 4000;
export const OWNER_MAX = 200;

/** Until a program type is chosen, the questions are those of the general role. */
export const DEFAULT_PROGRAM: ProgramType = 'general';

export const blank: Omit<WizardState, 'screen'> = {
  profile: {},
  values: {},
  notes: {},
  owners: {},
  status: 'in-progress',
  cursor: 0,
  input: field(),
  help: false,
  position: { step: 'name' },
  fromReview: false,
  reviewCursor: 0,
  reviewFilter: field(),
  filtering: false,
  resultsPane: 0,
};

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

export const answeredCount = (ctx: WizardContext, s: WizardState) => itemsOf(ctx, s).filter((x) => x.item.id in s.values).length;
export const firstUnanswered = (ctx: WizardContext, s: WizardState) => itemsOf(ctx, s).findIndex((x) => !(x.item.id in s.values));

export function isProfileComplete(p: ProfileDraft): p is Profile {
  return !!p.name && !!p.programType && !!p.startDate && p.timelineFixed !== undefined;
}

export const statusOf = (ctx: WizardContext, s: WizardState): RecordStatus =>
  s.status === 'saved' ? 'saved' : itemsOf(ctx, s).every((x) => x.item.id in s.values) ? 'complete' : 'in-progress';
