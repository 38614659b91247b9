// The answers file: who the organisation is, and what it answered.
// Shape is checked by zod (AnswersFileSchema); values are then checked against the
// questionnaires (validateAnswers), because which ids and values exist is data.
import * as z from 'zod';
import { allItems, allowedValues, type Item, type Questionnaire } from './questionnaire.js';
import { InputError, nearest } from './errors.js';

export const PROGRAM_TYPES = {
  general: 'General / other state',
  'wi-cps': 'Wisconsin Certified Peer Specialist (CPS)',
  'wi-cpps': 'Wisconsin Certified Parent Peer Specialist (CPPS)',
  'ca-cmpss': 'California Certified Medi-Cal Peer Support Specialist (CMPSS)',
  'child-welfare': 'Child-welfare parent peer program',
} as const;
export type ProgramType = keyof typeof PROGRAM_TYPES;
const programKeys = Object.keys(PROGRAM_TYPES) as [ProgramType, ...ProgramType[]];

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date written YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'not a real calendar date');

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const ProfileSchema = z.strictObject({
  name: z.string().trim().min(1, 'the organisation name is empty').max(200),
  programType: z.enum(programKeys).describe(`One of: ${programKeys.join(', ')}`),
  startDate: IsoDate.describe('When the plan starts (month 1), YYYY-MM-DD'),
  timelineFixed: z.boolean().describe('True when a funder or other outside party sets the deadline'),
  targetDate: IsoDate.optional().describe('Optional, with a deadline set from outside: when peers must be in post, or the funder\'s date (YYYY-MM-DD)'),
  respondent: z.string().trim().min(1).max(80).optional().describe('Who answered, by role (e.g. "HR director")'),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const AnswerValueSchema = z.union([z.string(), z.boolean()]);
export const AnswerEntrySchema = z.union([
  AnswerValueSchema,
  z.strictObject({
    value: AnswerValueSchema,
    note: z.string().max(4000).optional(),
    owner: z.string().max(200).optional(),
    /** Written by `answers-template --json` as a reminder; ignored. */
    question: z.string().optional(),
    allowed: z.array(z.string()).optional(),
  }),
]);
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

/**
 * Check parsed data against the answers schema and the questionnaires.
 * Throws InputError naming the file and the path inside it; never returns partial data.
 */
export function validateAnswers(
  data: unknown,
  questionnaires: readonly Questionnaire[] | ((programType: ProgramType) => readonly Questionnaire[]),
  file: string,
  opts: { allowMissing?: boolean } = {},
): Assessment {
  const parsed = AnswersFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw InputError.fromZod(file, parsed.error);
  const { profile, answers: raw, assessedOn } = parsed.data;
  // Which questions exist can depend on the role (role packs add their own).
  const qs = typeof questionnaires === 'function' ? questionnaires(profile.programType) : questionnaires;
  const items = new Map<string, Item>(allItems(qs).map(({ item }) => [item.id, item]));
  const answers: Record<string, Answer> = {};
  for (const [id, entry] of Object.entries(raw)) {
    const item = items.get(id);
    if (!item) {
      const near = nearest(id, [...items.keys()]);
      throw new InputError(file, `answers.${id}`, `unknown question id "${id}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    const a = normalise(entry);
    if (item.type !== 'text' && a.value.trim() === '') continue; // left blank: reported as missing below
    if (item.type !== 'text') {
      const allowed = allowedValues(item);
      if (!allowed.includes(a.value)) {
        throw new InputError(
          file,
          `answers.${id}`,
          `"${a.value}" is not an answer to this question; use one of: ${allowed.join(', ')}`,
        );
      }
    } else if (typeof (typeof entry === 'object' ? entry.value : entry) !== 'string') {
      throw new InputError(file, `answers.${id}`, 'this question takes free text (a string)');
    }
    answers[id] = a;
  }
  const missing = [...items.keys()].filter((id) => !(id in answers));
  if (missing.length > 0 && !opts.allowMissing) {
    const shown = missing.slice(0, 12).join(', ');
    throw new InputError(
      file,
      'answers',
      `${missing.length} question${missing.length === 1 ? ' is' : 's are'} not answered: ${shown}${missing.length > 12 ? `, and ${missing.length - 12} more` : ''}. ` +
        'Answer "not-sure" where you do not know; run `peer-ready answers-template` for a complete file.',
    );
  }
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
