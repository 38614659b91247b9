// The answers file: who the organisation is, and what it answered.
// Shape is checked by zod (AnswersFileSchema); values are then checked against the
// questionnaires (validateAnswers), because which ids and values exist is data.
import * as z from 'zod';
import { allItems, allowedValues, ProgramTypeSchema, type Item, type Program, type Questionnaire } from './questionnaire.js';
import { dateProblem, isRealDate } from './dates.js';
import { InputError, MAX_PROBLEMS, nearest, quoted, zodProblems, type Problem } from './errors.js';

/**
 * The program types are the role packs (questionnaires/roles/*.yaml): each pack's programType is
 * one, with its label and its place in the wizard's list. Adding a role pack file adds a program
 * type; no code lists them. Answers files are checked against the loaded packs (questionnairesFor).
 */
export { ProgramTypeSchema };
export type ProgramType = Program;
/** The program type assumed until one is chosen, and the default of `answers-template --program`. */
export const DEFAULT_PROGRAM: ProgramType = 'general';

/** A program type with no role pack; `known` lists those there are. (No file: validateAnswers adds it.) */
export class UnknownProgram extends InputError {
  constructor(
    readonly known: readonly ProgramType[],
    got: string,
  ) {
    super('', 'profile.programType', `must be one of: ${known.join(', ')} (got "${got}")`);
  }
}

/** A date written YYYY-MM-DD, a real one, within DATE_RANGE; the JSON Schema says `format: "date"`. */
export const IsoDate = z
  .string({ error: 'a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'use a date written YYYY-MM-DD', abort: true })
  .superRefine((s, ctx) => {
    const problem = dateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
  })
  .meta({ format: 'date' });

export { isRealDate };

export const ProfileSchema = z.strictObject({
  name: z.string().trim().min(1, 'the organisation name is empty').max(200),
  programType: z.string().describe('The kind of peer role: the programType of one of the role packs (see peer-ready schema)'),
  startDate: IsoDate.describe('When the plan starts (month 1), YYYY-MM-DD'),
  timelineFixed: z.boolean().describe('True when a funder or other outside party sets the deadline'),
  targetDate: IsoDate.optional().describe('Optional: when peer staff must be in post, or the funder\'s date (YYYY-MM-DD); the plan is fitted to it'),
  respondent: z.string().trim().min(1).max(80).optional().describe('Who answered, by role (e.g. "HR director")'),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const AnswerValueSchema = z.union([z.string(), z.boolean()], {
  error: 'expected an answer: text such as "yes" or "not-sure", or true or false',
});
export const AnswerEntrySchema = z.union(
  [
    AnswerValueSchema,
    z.strictObject({
      value: AnswerValueSchema,
      note: z.string().max(4000).optional(),
      owner: z.string().max(200).optional(),
      /** Written by `answers-template --json` as a reminder; ignored. */
      question: z.string().optional(),
      allowed: z.array(z.string()).optional(),
    }),
  ],
  { error: 'expected an answer ("yes", "not-sure", true, …) or an object with "value" and optionally "note" and "owner"' },
);
export type AnswerEntry = z.infer<typeof AnswerEntrySchema>;

export const AnswersFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).optional(),
  /** When the answers were given; the plan's date when --date is not given, and what `compare` measures between. */
  assessedOn: IsoDate.optional(),
  profile: ProfileSchema,
  answers: z.record(z.string(), AnswerEntrySchema),
});
export type AnswersFile = z.infer<typeof AnswersFileSchema>;

/** One answer after checking: value normalised to a string. */
export interface Answer {
  value: string;
  note?: string;
  owner?: string;
}
export interface Assessment {
  profile: Profile;
  answers: Record<string, Answer>;
  assessedOn?: string;
}

function normalise(entry: AnswerEntry): Answer {
  if (typeof entry === 'object') {
    const a: Answer = { value: String(entry.value) };
    if (entry.note?.trim()) a.note = entry.note.trim();
    if (entry.owner?.trim()) a.owner = entry.owner.trim();
    return a;
  }
  return { value: String(entry) };
}

/** A spelling of an answer value for comparing: any case, spaces or underscores for hyphens. */
const loose = (v: string) => v.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The allowed value `value` stands for ("Yes" is "yes", "Not sure" is "not-sure"), if any. */
export function canonicalValue(value: string, allowed: readonly string[]): string | undefined {
  if (allowed.includes(value)) return value;
  const l = loose(value);
  return allowed.find((a) => loose(a) === l);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Check parsed data against the answers schema and the questionnaires.
 * Throws one InputError naming the file and listing every problem found, each with its path
 * inside the file; never returns partial data.
 */
export function validateAnswers(
  data: unknown,
  questionnaires: readonly Questionnaire[] | ((programType: ProgramType) => readonly Questionnaire[]),
  file: string,
  opts: { allowMissing?: boolean } = {},
): Assessment {
  const problems: Problem[] = [];
  const parsed = AnswersFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) problems.push(...zodProblems(parsed.error));
  else if (parsed.data.profile.targetDate !== undefined && parsed.data.profile.targetDate <= parsed.data.profile.startDate) {
    const { targetDate, startDate } = parsed.data.profile;
    problems.push({ where: 'profile.targetDate', detail: `${targetDate} is not after the plan's start (${startDate}); give a later date or leave targetDate out` });
  }
  // A missing program type: say which there are (the role packs), as for any other choice.
  if (typeof questionnaires === 'function') {
    const at = problems.find((p) => p.where === 'profile.programType' && p.detail.startsWith('missing'));
    if (at) {
      try {
        questionnaires('');
      } catch (e) {
        if (!(e instanceof UnknownProgram)) throw e;
        at.detail = `missing: expected one of ${e.known.join(', ')}`;
      }
    }
  }
  // The answers are checked against the questions even when the shape has problems, so that
  // one run lists every mistake. The raw object's own keys are read, not zod's copy: a key
  // such as "__proto__" is an own key of what JSON.parse returns but is lost on copying.
  const raw = isRecord(data) ? data : {};
  const programType = ProfileSchema.shape.programType.safeParse(isRecord(raw.profile) ? raw.profile.programType : undefined);
  const rawAnswers = isRecord(raw.answers) ? raw.answers : undefined;
  const answers: Record<string, Answer> = {};
  // Which questions exist can depend on the role (role packs add their own). The program types
  // are the role packs: an unknown one is reported by the function, as an InputError without a file.
  let qs: readonly Questionnaire[] | undefined;
  if (programType.success) {
    try {
      qs = typeof questionnaires === 'function' ? questionnaires(programType.data) : questionnaires;
    } catch (e) {
      if (!(e instanceof InputError && e.file === '')) throw e;
      problems.push({ where: e.where, detail: e.detail });
    }
  }
  if (qs && rawAnswers) {
    const items = new Map<string, Item>(allItems(qs).map(({ item }) => [item.id, item]));
    const reported = new Set<string>();
    for (const id of Object.keys(rawAnswers)) {
      const where = `answers.${id}`;
      const item = items.get(id);
      if (!item) {
        // Suggestions only for the problems that will be shown: a file of 100,000 unknown ids
        // costs one edit-distance search per shown line, not one per id.
        const near = problems.length < MAX_PROBLEMS ? nearest(id, [...items.keys()]) : undefined;
        problems.push({ where: `answers.${quoted(id).slice(1, -1)}`, detail: `unknown question id ${quoted(id)}${near ? ` (did you mean "${near}"?)` : ''}` });
        continue;
      }
      const entry = AnswerEntrySchema.safeParse(rawAnswers[id]);
      if (!entry.success) {
        reported.add(id); // its shape is already reported
        continue;
      }
      const a = normalise(entry.data);
      const given = typeof entry.data === 'object' ? entry.data.value : entry.data;
      if (item.type === 'text') {
        if (typeof given !== 'string') {
          problems.push({ where, detail: `this question takes free text (a string), got ${String(given)}` });
          reported.add(id);
          continue;
        }
      } else {
        if (a.value.trim() === '') continue; // left blank: reported as missing below
        const allowed = allowedValues(item);
        const value = canonicalValue(a.value, allowed);
        if (value === undefined) {
          const near = problems.length < MAX_PROBLEMS ? nearest(loose(a.value), allowed) : undefined;
          problems.push({
            where,
            detail: `${quoted(a.value)} is not an answer to this question; use one of: ${allowed.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`,
          });
          reported.add(id);
          continue;
        }
        a.value = value;
      }
      answers[id] = a;
    }
    const missing = [...items.keys()].filter((id) => !Object.hasOwn(answers, id) && !reported.has(id));
    if (missing.length > 0 && !opts.allowMissing) {
      const shown = missing.slice(0, 12).join(', ');
      problems.push({
        where: 'answers',
        detail:
          `${missing.length} question${missing.length === 1 ? ' is' : 's are'} not answered: ${shown}${missing.length > 12 ? `, and ${missing.length - 12} more` : ''}. ` +
          'Answer "not-sure" where you do not know; run `peer-ready answers-template` for a complete file.',
      });
    }
  }
  if (problems.length > 0 || !parsed.success) throw InputError.all(file, problems);
  const { profile, assessedOn } = parsed.data;
  return { profile, answers, ...(assessedOn ? { assessedOn } : {}) };
}

/** The answers file for an assessment (what the wizard saves; scripted mode reproduces the same plan from it). */
export function toAnswersFile(a: Assessment, qs: readonly Questionnaire[], schemaRef?: string): AnswersFile {
  const answers: Record<string, AnswerEntry> = {};
  for (const { item } of allItems(qs)) {
    const ans = a.answers[item.id];
    if (!ans) continue;
    answers[item.id] = ans.note || ans.owner ? { ...ans } : ans.value;
  }
  return {
    ...(schemaRef ? { $schema: schemaRef } : {}),
    version: 1,
    ...(a.assessedOn ? { assessedOn: a.assessedOn } : {}),
    profile: a.profile,
    answers,
  };
}
