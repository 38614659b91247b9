// The questionnaire model. Questionnaires are data files (questionnaires/*.yaml);
// this schema is what they are checked against when they are loaded.
import * as z from 'zod';
import { citationLabel, citationProblem, DOC_KEYS } from './sources.js';

// The source documents (titles, authors, headings and pages) are defined in ./sources.ts.
export { DOC_KEYS, SOURCES, type DocKey } from './sources.js';
/**
 * A program type: the programType of a role pack (questionnaires/roles/*.yaml). The packs are
 * the list; no code keeps one. Which ids exist is checked when the catalog loads (src/io/check.ts).
 */
export const ProgramTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'use lower-case letters and digits in words joined by hyphens, like "wi-cps"');
export type Program = string;

/**
 * Jurisdiction: which programs an entry applies to. Absent means good practice for any program.
 * A state's law, certification or billing rule is scoped to that state's programs, so it is
 * never asked about or planned for anywhere else.
 */
export const ScopeSchema = z.array(ProgramTypeSchema).min(1).optional();
export type Scope = z.infer<typeof ScopeSchema>;
export const inScope = (scope: Scope, program: Program): boolean => !scope || scope.includes(program);

const lineRef = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+(-\d+)?$/, 'use a line number or a range such as "338-342"'),
]);

/**
 * A citation: a document, one of its headings (exactly as listed in ./sources.ts) and, for
 * checking, the lines of the text conversion it rests on, which must lie under that heading.
 */
export const CitationSchema = z
  .strictObject({
    doc: z.enum(DOC_KEYS),
    section: z.string().min(1),
    lines: lineRef.optional(),
  })
  .superRefine((c, ctx) => {
    const problem = citationProblem(c.doc, c.section, c.lines);
    if (problem) ctx.addIssue({ code: 'custom', path: ['section'], message: problem });
  });
export type Citation = z.infer<typeof CitationSchema>;

export const WorkId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'work ids are lower-case words joined by hyphens, e.g. "train-supervisors"');

/** One line a question adds to a piece of work's checklist when it opens it. */
export const WorkDetailSchema = z.strictObject({
  text: z.string().min(1),
  cite: CitationSchema,
  scope: ScopeSchema,
});
export type WorkDetail = z.infer<typeof WorkDetailSchema>;

/**
 * A question's pointer to a piece of work in templates/work.yaml: its id, or the id with the
 * programs it applies to and the details it adds. The question carries no action text of its own.
 */
export const WorkRefSchema = z.union([
  WorkId,
  z.strictObject({ id: WorkId, scope: ScopeSchema, details: z.array(WorkDetailSchema).min(1).optional() }),
]);
export type WorkRef = z.infer<typeof WorkRefSchema>;
export interface WorkLink {
  id: string;
  scope?: string[] | undefined;
  details: WorkDetail[];
}
/** A work reference in its long form. */
export const workLink = (r: WorkRef): WorkLink => (typeof r === 'string' ? { id: r, details: [] } : { id: r.id, scope: r.scope, details: r.details ?? [] });

/** Item outcome once an answer is scored. `info` items (free text) carry no score. */
export const StatusSchema = z.enum(['met', 'partly', 'not-met', 'not-sure']);
export type Status = z.infer<typeof StatusSchema>;

export const ChoiceSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'choice values are lower-case words joined by hyphens'),
  label: z.string().min(1),
  status: StatusSchema.exclude(['not-sure']),
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const PHASES = ['foundation', 'policy', 'hiring', 'support'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

const ItemId = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'ids are lower-case words joined by dots or hyphens, e.g. "s1.buy-in.board"');

const itemBase = {
  id: ItemId,
  text: z.string().min(1),
  help: z.string().min(1).optional(),
  cite: CitationSchema,
  /** The programs the question (with its help and strength) applies to; absent: every program. */
  scope: ScopeSchema,
};

/** A scored item: not meeting it produces actions in the plan. */
const scoredBase = {
  ...itemBase,
  phase: PhaseSchema,
  /** The work (templates/work.yaml) the plan schedules when the item is not met (or only partly met). */
  work: z.array(WorkRefSchema).min(1),
  /** Short phrase for the strengths list when the item is met: exactly what a "yes" said. */
  strength: z.string().min(1).optional(),
  /**
   * When set, the item also accepts "not-applicable" (shown with this label), for something that
   * cannot be answered yet, such as a question about peer staff when none are hired. Scoring
   * leaves such an answer out: it is neither met nor a gap.
   */
  notApplicable: z.string().min(1).optional(),
};

export const ItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...scoredBase, type: z.literal('true-false') }),
  z.strictObject({
    ...scoredBase,
    type: z.literal('yes-partly-no'),
    /** A plain fact ("Do you plan to hire more than one CPS?"): answered yes or no, so "partly" is not offered. */
    fact: z.boolean().optional(),
  }),
  z.strictObject({ ...scoredBase, type: z.literal('choice'), choices: z.array(ChoiceSchema).min(2) }),
  z.strictObject({
    ...itemBase,
    type: z.literal('text'),
    /** For the handbook's motivation self-assessment: which side of the reflection this is. */
    reflect: z.enum(['motivation', 'challenge']).optional(),
  }),
]);
export type Item = z.infer<typeof ItemSchema>;
export type ScoredItem = Exclude<Item, { type: 'text' }>;
export type TextItem = Extract<Item, { type: 'text' }>;
export const isScored = (item: Item): item is ScoredItem => item.type !== 'text';

export const SectionSchema = z.strictObject({
  id: ItemId,
  title: z.string().min(1),
  scope: ScopeSchema,
  intro: z.string().min(1).optional(),
  cite: CitationSchema,
  items: z.array(ItemSchema).min(1),
});
export type Section = z.infer<typeof SectionSchema>;

export const QuestionnaireSchema = z.strictObject({
  $schema: z.string().optional(),
  id: ItemId,
  /** Order in the wizard and in the plan. */
  order: z.number().int(),
  title: z.string().min(1),
  /** A short name for progress lines and tables. */
  short: z.string().min(1).max(24),
  /** What this instrument is and where it comes from, in a sentence or three. */
  intro: z.string().min(1),
  cite: CitationSchema,
  /** `timeline` is the handbook's true/false quiz that sets the plan length; `readiness` is scored per section. */
  scoring: z.enum(['readiness', 'timeline']),
  sections: z.array(SectionSchema).min(1),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/** The answer to an item that cannot be answered yet (only where the item allows it). */
export const NOT_APPLICABLE = 'not-applicable';

/** True when this answer is "not applicable yet", which scoring leaves out. */
export const isNotApplicable = (value: string | undefined): boolean => value === NOT_APPLICABLE;

/** The values an answer to this item may take; every item also accepts "not-sure" except free text. */
export function allowedValues(item: Item): string[] {
  const na = item.type !== 'text' && item.notApplicable ? [NOT_APPLICABLE] : [];
  switch (item.type) {
    case 'true-false':
      return ['true', 'false', 'not-sure', ...na];
    case 'yes-partly-no':
      return item.fact ? ['yes', 'no', 'not-sure', ...na] : ['yes', 'partly', 'no', 'not-sure', ...na];
    case 'choice':
      return [...item.choices.map((c) => c.value), 'not-sure', ...na];
    case 'text':
      return [];
  }
}

/**
 * The questionnaires as a profile of this program type sees them: only the sections, questions
 * and actions in its scope (see ScopeSchema). Sections and questionnaires left empty are dropped.
 * Everything that asks, scores or plans (the wizard, scripted plans, merge, compare) goes
 * through this, so an out-of-scope rule can never be asked about or become a task.
 */
export function applicable(qs: readonly Questionnaire[], program: Program): Questionnaire[] {
  let byProgram = scoped.get(qs);
  if (!byProgram) scoped.set(qs, (byProgram = new Map()));
  let out = byProgram.get(program);
  if (!out) byProgram.set(program, (out = scopeAll(qs, program)));
  return out;
}

const scoped = new WeakMap<readonly Questionnaire[], Map<Program, Questionnaire[]>>();

/** Keeps the original objects wherever nothing was left out. */
function scopeAll(qs: readonly Questionnaire[], program: Program): Questionnaire[] {
  const keep = <T>(list: readonly T[], next: T[]) => (next.length === list.length && next.every((x, i) => x === list[i]) ? (list as T[]) : next);
  const out: Questionnaire[] = [];
  for (const q of qs) {
    const sections: Section[] = [];
    for (const s of q.sections) {
      if (!inScope(s.scope, program)) continue;
      const items = keep(
        s.items,
        s.items
          .filter((i) => inScope(i.scope, program))
          .map((i) => {
            if (!isScored(i)) return i;
            const work = keep(i.work, i.work.flatMap((r) => scopeRef(r, program)));
            return work === i.work ? i : { ...i, work };
          }),
      );
      if (items.length > 0) sections.push(items === s.items ? s : { ...s, items });
    }
    const kept = keep(q.sections, sections);
    if (kept.length > 0) out.push(kept === q.sections ? q : { ...q, sections: kept });
  }
  return keep(qs, out);
}

/** A work reference as a program sees it: gone when out of scope, with only its details in scope. */
function scopeRef(r: WorkRef, program: Program): WorkRef[] {
  if (typeof r === 'string') return [r];
  if (!inScope(r.scope, program)) return [];
  if (!r.details) return [r];
  const details = r.details.filter((d) => inScope(d.scope, program));
  if (details.length === r.details.length) return [r];
  return [details.length ? { ...r, details } : { id: r.id, scope: r.scope }];
}

export function allItems(qs: readonly Questionnaire[]): { q: Questionnaire; section: Section; item: Item }[] {
  const out: { q: Questionnaire; section: Section; item: Item }[] = [];
  for (const q of qs) for (const section of q.sections) for (const item of section.items) out.push({ q, section, item });
  return out;
}

const citations = new WeakMap<Citation, string>();

export function formatCitation(c: Citation): string {
  let text = citations.get(c);
  if (text === undefined) citations.set(c, (text = citationText(c)));
  return text;
}

function citationText(c: Citation): string {
  return citationLabel(c.doc, c.section);
}
