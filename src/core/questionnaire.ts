// The questionnaire model. Questionnaires are data files (questionnaires/*.yaml);
// this schema is what they are checked against when they are loaded.
import * as z from 'zod';

/** The source documents, by the short key used in citations. */
export const DOCS = {
  handbook: "Provider's Handbook on Developing & Implementing Peer Roles",
  cmpss: '2024 Best Practice Guidelines for Employing Certified Medi-Cal Peer Support Specialists',
  'wi-cps': 'Certified Peer Specialists (CPS) in the Workplace (Wisconsin)',
  'wi-cpps': 'Certified Parent Peer Specialists (CPPS) in the Workplace (Wisconsin)',
  'cw-m4': 'Peer Support Specialist Programs for Families, Module 4: Workforce (Child Welfare Toolkit)',
} as const;
export const DOC_SHORT: Record<DocKey, string> = {
  handbook: "Provider's Handbook",
  cmpss: 'CMPSS Guidelines',
  'wi-cps': 'Wisconsin CPS Guide',
  'wi-cpps': 'Wisconsin CPPS Guide',
  'cw-m4': 'Child Welfare Toolkit M4',
};
export type DocKey = keyof typeof DOCS;
const docKeys = Object.keys(DOCS) as [DocKey, ...DocKey[]];

const lineRef = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+(-\d+)?$/, 'use a line number or a range such as "338-342"'),
]);

export const CitationSchema = z.strictObject({
  doc: z.enum(docKeys),
  section: z.string().min(1),
  lines: lineRef.optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const ActionSchema = z.strictObject({
  text: z.string().min(1),
  cite: CitationSchema,
});
export type Action = z.infer<typeof ActionSchema>;

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
};

/** A scored item: not meeting it produces actions in the plan. */
const scoredBase = {
  ...itemBase,
  phase: PhaseSchema,
  /** What the plan recommends when the item is not met (or only partly met). */
  actions: z.array(ActionSchema).min(1),
  /** Short phrase for the strengths list when the item is met. */
  strength: z.string().min(1).optional(),
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

/** The values an answer to this item may take; every item also accepts "not-sure" except free text. */
export function allowedValues(item: Item): string[] {
  switch (item.type) {
    case 'true-false':
      return ['true', 'false', 'not-sure'];
    case 'yes-partly-no':
      return item.fact ? ['yes', 'no', 'not-sure'] : ['yes', 'partly', 'no', 'not-sure'];
    case 'choice':
      return [...item.choices.map((c) => c.value), 'not-sure'];
    case 'text':
      return [];
  }
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
  const lines = c.lines === undefined ? '' : `, ${String(c.lines).includes('-') ? 'lines' : 'line'} ${c.lines}`;
  return `${DOC_SHORT[c.doc]}, ${c.section}${lines}`;
}
