// The shape of saved wizard progress, as checked when it is read back from the store.
// (Kept apart from src/io/store.ts so the store can load it, and zod, only when it is opened.)
import * as z from 'zod';
import { ProfileSchema } from './answers.js';

export const PositionSchema = z.union([
  z.strictObject({ step: z.enum(['name', 'program', 'start', 'fixed', 'target', 'review', 'results']) }),
  z.strictObject({ step: z.enum(['intro', 'question']), index: z.number().int().min(0) }),
]);

export const RecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  profile: ProfileSchema.partial(),
  values: z.record(z.string(), z.string()),
  notes: z.record(z.string(), z.string()),
  /** Who owns each item's work, by role (added after the first release, so optional). */
  owners: z.record(z.string(), z.string()).optional(),
  position: PositionSchema,
  status: z.enum(['in-progress', 'complete', 'saved']),
  total: z.number().int().min(0),
  files: z.strictObject({ plan: z.string(), answers: z.string() }).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** The store file as a whole; records are checked one by one, so one bad record loses only itself. */
export const StoreFileSchema = z.object({
  version: z.literal(1).optional(),
  assessments: z.record(z.string(), z.unknown()).optional(),
});
