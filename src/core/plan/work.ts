// The work catalogue (templates/work.yaml): every piece of work a plan can ask for, written
// once, with what it follows, how long it takes, who usually owns it and the milestone that
// waits for it. Questions point to it (`work:`); they carry no action text. Pure; checked here.
import * as z from 'zod';
import { CitationSchema, PhaseSchema, ScopeSchema, WorkId } from '../questionnaire.js';

export const WorkSchema = z
  .strictObject({
    id: WorkId,
    /** What to do, in the imperative. */
    title: z.string().min(1),
    phase: PhaseSchema,
    /** Work or milestones this follows. Required: an empty list needs a reason. */
    after: z.array(WorkId),
    /** Why nothing comes before it (required when `after` is empty). */
    reason: z.string().min(1).optional(),
    /** Its usual length in weeks, lead time included (a course, a posting period …). */
    weeks: z.number().positive().max(52),
    /** The role that usually owns it; shown as "suggested" unless the answers name an owner. */
    owner: z.string().min(1),
    /** The milestone that waits for it. */
    feeds: WorkId.optional(),
    cite: CitationSchema,
    /** The programs it applies to; absent: every program. */
    scope: ScopeSchema,
  })
  .superRefine((w, ctx) => {
    if (w.after.length === 0 && !w.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `"${w.id}" follows nothing: say why in \`reason\`, or list what it follows in \`after\`` });
    if (w.after.includes(w.id)) ctx.addIssue({ code: 'custom', path: ['after'], message: `"${w.id}" cannot come after itself` });
  });
export type Work = z.infer<typeof WorkSchema>;

export const WorkCatalogSchema = z.strictObject({
  work: z.array(WorkSchema).min(1),
});
export type WorkCatalog = z.infer<typeof WorkCatalogSchema>;

/** The catalogue by id (built once per catalogue). */
const byIdCache = new WeakMap<readonly Work[], Map<string, Work>>();
export function workById(work: readonly Work[]): Map<string, Work> {
  let m = byIdCache.get(work);
  if (!m) byIdCache.set(work, (m = new Map(work.map((w) => [w.id, w]))));
  return m;
}
