// Plan content that is not tied to one question: the timeline bands, how phases are laid
// out for each plan length, and the handbook's ways to speed up. Data (templates/plan.yaml),
// checked here when loaded.
import * as z from 'zod';
import { CitationSchema, PHASES, PhaseSchema } from './questionnaire.js';

export const BAND_IDS = ['six-months', 'one-year', 'foundation-first'] as const;
/** The handbook's timeline quiz has ten statements; the bands share out 0 to 10 of them true. */
export const QUIZ_STATEMENTS = 10;
export type BandId = (typeof BAND_IDS)[number];

const Range = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([a, b]) => a <= b, 'a month range is [first, last] with first <= last');

export const BandSchema = z.strictObject({
  label: z.string().min(1),
  /** The band applies when the number of "true" answers lies in [min, max]. */
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  months: z.number().int().positive(),
  /** True when the duration is a floor, not a target ("at least …"). */
  minimum: z.boolean(),
  /** What the band means, for the manager. */
  why: z.string().min(1),
  /** Set when the source gives no duration and peer-ready decided one; shown in the plan. */
  decision: z.string().min(1).optional(),
  cite: CitationSchema,
  /** A task this band always starts with (month 1, before anything else). */
  firstTask: z.strictObject({ id: z.string().min(1), text: z.string().min(1), cite: CitationSchema }).optional(),
});
export type Band = z.infer<typeof BandSchema>;

export const PlanContentSchema = z
  .strictObject({
    bands: z.strictObject({
      'six-months': BandSchema,
      'one-year': BandSchema,
      'foundation-first': BandSchema,
    }),
    phases: z
      .array(
        z.strictObject({
          id: PhaseSchema,
          title: z.string().min(1),
          summary: z.string().min(1),
          months: z.strictObject({ 'six-months': Range, 'one-year': Range, 'foundation-first': Range }),
        }),
      )
      .length(PHASES.length),
    speedUps: z.strictObject({
      intro: z.string().min(1),
      options: z
        .array(z.strictObject({ title: z.string().min(1), text: z.string().min(1), cite: CitationSchema, id: z.string().min(1).optional() }))
        .min(1),
      /** Said of the speed-up tasks when the deadline is shorter than the handbook advises. */
      why: z.string().min(1).optional(),
    }),
    reflection: z.strictObject({
      rule: z.string().min(1),
      /** peer-ready's threshold: the check flags when the challenge answers have more than this many times the motivation answers' words. */
      wordRatio: z.number().min(1),
      flagged: z.string().min(1),
      clear: z.string().min(1),
      cite: CitationSchema,
    }),
    readiness: z.strictObject({
      /** How a section's percentage is computed and labelled; shown in the plan. */
      rule: z.string().min(1),
      labels: z
        .array(z.strictObject({ atLeast: z.number().min(0).max(100), label: z.string().min(1) }))
        .min(1)
        .refine((ls) => ls.some((l) => l.atLeast === 0), 'one label must start at 0'),
    }),
    merge: z.strictObject({
      /** How several respondents' answers are combined (peer-ready merge, combineStatuses in merge.ts); shown in the plan. */
      rule: z.string().min(1),
    }),
  })
  .superRefine((c, ctx) => {
    const seen = new Set(c.phases.map((p) => p.id));
    for (const p of PHASES) if (!seen.has(p)) ctx.addIssue({ code: 'custom', path: ['phases'], message: `phase "${p}" is missing` });
    for (const id of BAND_IDS) {
      const b = c.bands[id];
      if (b.min > b.max) ctx.addIssue({ code: 'custom', path: ['bands', id], message: 'min is greater than max' });
      for (const p of c.phases) {
        if (p.months[id][1] > b.months)
          ctx.addIssue({ code: 'custom', path: ['phases', p.id, 'months', id], message: `ends after month ${b.months}` });
      }
    }
    // Every possible quiz score (0 to 10 statements true) falls in exactly one band.
    for (let n = 0; n <= QUIZ_STATEMENTS; n++) {
      const in_ = BAND_IDS.filter((id) => c.bands[id].min <= n && n <= c.bands[id].max);
      if (in_.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['bands'],
          message: in_.length === 0 ? `no band covers ${n} statements true` : `${n} statements true falls in more than one band (${in_.join(', ')})`,
        });
    }
    for (const id of BAND_IDS) {
      if (c.bands[id].max > QUIZ_STATEMENTS) ctx.addIssue({ code: 'custom', path: ['bands', id, 'max'], message: `the quiz has ${QUIZ_STATEMENTS} statements` });
    }
  });
export type PlanContent = z.infer<typeof PlanContentSchema>;
