// The plan model's one declaration, and the documented shape of `--format json`: the types
// PlanModel, PlanAction, PlanMilestone… (re-exported by src/core/plan.ts) are inferred from
// this schema. `peer-ready schema --plan` prints it as JSON Schema; docs/plan-json.md describes
// it. Every object is strict, so buildPlan cannot add a field without adding it here.
// The scripted path imports only the types (erased), so zod is loaded here only by `schema --plan`.
import * as z from 'zod';
import { BAND_IDS } from './plan-content.js';
import { CitationSchema, PhaseSchema, StatusSchema } from './questionnaire.js';

export const PLAN_SCHEMA_ID = 'https://peer-ready.dev/schema/plan-v1.json';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: 'date' }).describe('A date, YYYY-MM-DD');
const Source = z.string().min(1).describe('The citation in words: document, section and lines');

const TallySchema = z.strictObject({
  met: z.number().int().min(0),
  partly: z.number().int().min(0),
  notMet: z.number().int().min(0),
  notSure: z.number().int().min(0),
  total: z.number().int().min(0),
  percent: z.number().int().min(0).max(100).describe('(met + half of partly) / total, rounded'),
  label: z.string().describe('The readiness band for the percentage, e.g. "Nearly ready"'),
});

const WhySchema = z.strictObject({
  itemId: z.string().describe('The question ("reflection", "timeline" or "deadline" for the gaps the plan itself adds)'),
  question: z.string(),
  statusLabel: z.string().describe('How it was answered, e.g. "Not met"; "" for the gaps the plan adds'),
  source: Source,
  note: z.string().optional(),
});

const ActionSchema = z.strictObject({
  id: z.string().describe('The piece of work: the action\'s id in the data, or "item-id#n"'),
  itemId: z.string().describe('The first gap this task answers (all are in why)'),
  question: z.string(),
  status: StatusSchema,
  statusLabel: z.string(),
  why: z.array(WhySchema).min(1).describe('Every gap this one task answers, each with its source'),
  whyText: z.string(),
  text: z.string().describe('What to do'),
  cite: CitationSchema.describe('Where the task comes from: doc key, section, and line or line range'),
  source: Source.describe('Every source of the task, joined by "; "'),
  sources: z.array(Source),
  phase: PhaseSchema,
  phaseTitle: z.string(),
  placement: z.string().describe('"; placed after the milestone …" when the order keeps the task out of its phase\'s months, else ""'),
  month: z.number().int().positive().describe('Month of the plan, 1-based'),
  monthLabel: z.string().describe('The days the month covers, e.g. "Jan 31 – Feb 27, 2027"'),
  start: IsoDate.describe("The first day of the task's month"),
  due: IsoDate.describe("The last day of the task's month"),
  after: z.array(z.string()).describe('Ids of the tasks and milestones in this plan that it follows'),
  weeks: z.number().positive().describe('Its usual length in weeks, lead time included (templates/work.yaml)'),
  weeksLabel: z.string().describe('"3 weeks"'),
  checklist: z.array(z.string()).describe('Details the gaps that opened it add to it'),
  owner: z.string().describe("Who owns it: the answers file's owner, else the catalogue's default role"),
  hasOwner: z.boolean(),
  ownerSuggested: z.boolean().describe("True when the owner is the catalogue's suggestion, not named in the answers"),
  note: z.string().optional(),
  atRisk: z.boolean().describe('Set in a plan compressed to a deadline shorter than the handbook advises'),
  risk: z.string().optional(),
});

const MilestoneSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  date: IsoDate,
  dateLabel: z.string(),
  month: z.number().int().positive(),
  source: Source,
  after: z.array(z.string()).describe('Ids of the milestones and tasks it follows'),
  atRisk: z.boolean(),
  risk: z.string().optional(),
});

const PointSchema = z.strictObject({ text: z.string(), source: Source });

export const PlanJsonSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    org: z.strictObject({
      name: z.string(),
      programType: z.string().min(1).describe('The program type: a role pack\'s programType'),
      programLabel: z.string(),
      startDate: IsoDate,
      startLabel: z.string(),
      respondent: z.string().optional(),
    }),
    date: IsoDate.describe("The plan's date (--date, the answers file's assessedOn, or today)"),
    dateLabel: z.string(),
    timeline: z.strictObject({
      bandId: z.enum(BAND_IDS),
      label: z.string(),
      months: z.number().int().positive(),
      minimum: z.boolean().describe('True when the length is a floor ("at least"), not a target'),
      trueCount: z.number().int().min(0),
      total: z.number().int().min(0),
      notSure: z.number().int().min(0),
      why: z.string(),
      decision: z.string().optional().describe("Set where the source gives no duration and peer-ready chose one"),
      source: Source,
      fixed: z.boolean().describe('True when an outside party sets the deadline'),
      endDate: IsoDate.describe('The last day of the plan'),
      endLabel: z.string(),
      lengthLabel: z.string().describe("The band's label, or the compressed length when fitted to a target date"),
    }),
    deadline: z
      .strictObject({
        targetDate: IsoDate,
        targetLabel: z.string(),
        fits: z.boolean().describe("True when the band's minimum length fits before the target date"),
        handbookMonths: z.number().int().positive(),
        handbookEndDate: IsoDate,
        handbookEndLabel: z.string(),
        planMonths: z.number().int().positive(),
        shortBy: z.string().optional(),
        shortByDays: z.number().int().positive().optional(),
        statement: z.string(),
        riskRule: z.string().optional(),
        atRisk: z.array(
          z.strictObject({ kind: z.enum(['task', 'milestone']), id: z.string(), title: z.string(), month: z.number().int().positive(), reason: z.string() }),
        ),
      })
      .optional()
      .describe('Present when the profile gives a target date'),
    overall: TallySchema,
    sections: z.array(z.strictObject({ instrument: z.string(), title: z.string(), source: Source, tally: TallySchema })),
    phases: z.array(
      z.strictObject({
        id: PhaseSchema,
        title: z.string(),
        summary: z.string(),
        firstMonth: z.number().int().positive(),
        lastMonth: z.number().int().positive(),
        monthsLabel: z.string(),
        startDate: IsoDate,
        endDate: IsoDate,
        dateRange: z.string(),
        actionCount: z.number().int().min(0),
      }),
    ),
    months: z
      .array(
        z.strictObject({
          month: z.number().int().positive(),
          label: z.string().describe('The days the month covers'),
          start: IsoDate,
          end: IsoDate,
          items: z.array(z.union([z.strictObject({ task: ActionSchema }), z.strictObject({ milestone: MilestoneSchema })])),
          taskCount: z.number().int().min(0),
          empty: z.boolean(),
        }),
      )
      .describe('One entry per calendar month: its tasks and milestones, in order'),
    milestones: z.array(MilestoneSchema).describe('The hiring milestones, always present, in date order'),
    actions: z.array(ActionSchema).describe('Every task, in plan order (month by month)'),
    strengths: z.array(z.strictObject({ itemId: z.string(), text: z.string(), source: Source, note: z.string().optional() })),
    followUps: z.array(z.strictObject({ itemId: z.string(), question: z.string(), statement: z.boolean(), source: Source, note: z.string().optional() })),
    speedUps: z
      .strictObject({
        intro: z.string(),
        options: z.array(z.strictObject({ title: z.string(), text: z.string(), source: Source })),
      })
      .optional()
      .describe('Present only when the deadline is set from outside'),
    reflection: z
      .strictObject({
        flagged: z.boolean(),
        rule: z.string(),
        verdict: z.string(),
        motivationWords: z.number().int().min(0),
        challengeWords: z.number().int().min(0),
        source: Source,
        answers: z.array(z.strictObject({ question: z.string(), side: z.string(), answer: z.string(), blank: z.boolean() })),
      })
      .optional(),
    readinessRule: z.string(),
    notes: z.array(z.strictObject({ itemId: z.string(), question: z.string(), note: z.string() })),
    schedule: z.strictObject({
      rule: z.string().describe('How tasks are placed'),
      dates: z.string().describe('Where the milestone dates come from'),
      gantt: z.string().describe('A Mermaid gantt chart of the phases and milestones'),
      phases: z.array(
        z.strictObject({ title: z.string(), monthsLabel: z.string(), start: z.string(), end: z.string(), actionCount: z.number().int().min(0) }),
      ),
      loadLimit: z.number().int().positive().describe('No month holds more tasks than this'),
      averageLoad: z.number().min(0),
    }),
    role: z
      .strictObject({
        title: z.string(),
        intro: z.string(),
        source: Source,
        requirements: z.array(z.strictObject({ topic: z.string(), points: z.array(PointSchema) })),
      })
      .optional(),
    toolkit: z
      .strictObject({
        jobDescription: z.strictObject({
          intro: z.string(),
          components: z.array(z.strictObject({ name: z.string(), text: z.string(), source: Source })),
          outOfRole: z.strictObject({ intro: z.string(), duties: z.array(PointSchema) }),
          templateFields: z.array(z.strictObject({ field: z.string(), guidance: z.string(), source: Source })),
        }),
        interview: z
          .strictObject({
            role: z.string(),
            areas: z.array(z.strictObject({ area: z.string(), questions: z.array(z.string()), source: Source })),
          })
          .optional(),
        interviewLimits: z.strictObject({ intro: z.string(), neverAsk: z.array(PointSchema), mayAsk: z.array(PointSchema) }),
        payModels: z.array(z.strictObject({ name: z.string(), text: z.string(), tradeOffs: z.string(), source: Source })),
        misconceptions: z.array(
          z.strictObject({
            myth: z.string(),
            answer: z.string(),
            source: Source,
            gaps: z.array(z.strictObject({ itemId: z.string(), question: z.string() })),
          }),
        ),
      })
      .optional(),
    sources: z
      .array(z.strictObject({ short: z.string(), title: z.string(), author: z.string(), date: z.string(), where: z.string().optional() }))
      .describe('Every document the plan cites, in full'),
    merge: z
      .strictObject({
        respondents: z.array(z.string()),
        respondentList: z.string(),
        rule: z.string(),
        agreed: z.number().int().min(0),
        disagreements: z.array(
          z.strictObject({
            itemId: z.string(),
            question: z.string(),
            combined: z.string(),
            views: z.array(z.strictObject({ role: z.string(), answer: z.string() })),
            viewList: z.string(),
          }),
        ),
        items: z.array(z.strictObject({ itemId: z.string(), question: z.string(), combined: z.string(), agree: z.boolean(), summary: z.string() })),
        unanswered: z.array(z.strictObject({ itemId: z.string(), question: z.string() })),
      })
      .optional()
      .describe('Present when several respondents were combined (peer-ready merge)'),
  })
  .describe('A peer-ready implementation plan (--format json)');

/** Everything the plan says (src/core/plan.ts builds it; the JSON format is this object). */
export type PlanModel = z.infer<typeof PlanJsonSchema>;
/** A task: one piece of work, answering one or more gaps. */
export type PlanAction = z.infer<typeof ActionSchema>;
/** One gap a task answers: the question, how it was answered, and the source of the action. */
export type PlanWhy = z.infer<typeof WhySchema>;
export type PlanMilestone = z.infer<typeof MilestoneSchema>;
/** One calendar month of the plan: its tasks and milestones, in order. */
export type PlanMonth = PlanModel['months'][number];
/** Present when the profile gives a target date. */
export type PlanDeadline = NonNullable<PlanModel['deadline']>;

/** The JSON Schema printed by `peer-ready schema --plan`. */
export function planJsonSchema(): Record<string, unknown> {
  const base = z.toJSONSchema(PlanJsonSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return { $id: PLAN_SCHEMA_ID, title: 'peer-ready plan (--format json)', ...base };
}
