// Role packs (questionnaires/roles/*.yaml): what a plan adds for one kind of peer role —
// its requirements, cited figure by figure, optional extra questions, and the hiring toolkit
// material specific to it. Data, checked here when loaded.
import * as z from 'zod';
import { CitationSchema, inScope, ProgramTypeSchema, ScopeSchema, SectionSchema, type Program } from './questionnaire.js';

const Point = z.strictObject({
  text: z.string().min(1),
  cite: CitationSchema,
  scope: ScopeSchema,
});

export const RolePackSchema = z.strictObject({
  $schema: z.string().optional(),
  /** The profile's programType this pack applies to. */
  programType: ProgramTypeSchema,
  /** The program type's short name, in the wizard's list, the answers template and the plan. */
  label: z.string().min(1),
  /** Its place in the wizard's list of program types (lowest first). */
  order: z.number().int(),
  title: z.string().min(1),
  intro: z.string().min(1),
  cite: CitationSchema,
  /** "Requirements for this role": topics, each a list of cited points. */
  requirements: z
    .array(z.strictObject({ topic: z.string().min(1), points: z.array(Point).min(1) }))
    .min(1),
  /** Extra questions for this role, asked after the four instruments and scored like them. */
  questions: z.array(SectionSchema).default([]),
  /** The role's own wording of a piece of work (templates/work.yaml), by work id. */
  wording: z.record(z.string(), z.string().min(1)).default({}),
  /** Interview questions for this role (own words), grouped by area. */
  interview: z
    .array(z.strictObject({ area: z.string().min(1), questions: z.array(z.string().min(1)).min(1), cite: CitationSchema }))
    .min(1),
});
export type RolePack = z.infer<typeof RolePackSchema>;

/** The hiring toolkit appendix shared by all roles (templates/toolkit.yaml). */
export const ToolkitSchema = z.strictObject({
  jobDescription: z.strictObject({
    intro: z.string().min(1),
    components: z
      .array(z.strictObject({ name: z.string().min(1), text: z.string().min(1), cite: CitationSchema, scope: ScopeSchema }))
      .min(1),
    outOfRole: z.strictObject({ intro: z.string().min(1), duties: z.array(Point).min(1) }),
    /** Job description template fields (after the CMPSS template); {organisation}/{program} are filled from the profile. */
    templateFields: z
      .array(z.strictObject({ field: z.string().min(1), guidance: z.string().min(1), cite: CitationSchema, scope: ScopeSchema }))
      .min(1),
  }),
  interviewLimits: z.strictObject({
    intro: z.string().min(1),
    neverAsk: z.array(Point).min(1),
    mayAsk: z.array(Point).min(1),
  }),
  payModels: z
    .array(z.strictObject({ name: z.string().min(1), text: z.string().min(1), tradeOffs: z.string().min(1), cite: CitationSchema, scope: ScopeSchema }))
    .min(1),
  misconceptions: z
    .array(
      z.strictObject({
        myth: z.string().min(1),
        answer: z.string().min(1),
        cite: CitationSchema,
        scope: ScopeSchema,
        /** Item ids whose gap makes this misconception worth raising with staff. */
        relatedItems: z.array(z.string()).min(1),
      }),
    )
    .min(1),
});
export type Toolkit = z.infer<typeof ToolkitSchema>;

/** The toolkit as a profile of this program type sees it: only the entries in its scope. */
export function toolkitFor(t: Toolkit, program: Program): Toolkit {
  const only = <T extends { scope?: Program[] | undefined }>(list: T[]) => list.filter((x) => inScope(x.scope, program));
  return {
    jobDescription: {
      intro: t.jobDescription.intro,
      components: only(t.jobDescription.components),
      outOfRole: { intro: t.jobDescription.outOfRole.intro, duties: only(t.jobDescription.outOfRole.duties) },
      templateFields: only(t.jobDescription.templateFields),
    },
    interviewLimits: { intro: t.interviewLimits.intro, neverAsk: only(t.interviewLimits.neverAsk), mayAsk: only(t.interviewLimits.mayAsk) },
    payModels: only(t.payModels),
    misconceptions: only(t.misconceptions),
  };
}
