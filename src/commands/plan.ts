// Scripted mode: answers file in, plan out. Never loads Ink or React.
import { today } from '../core/dates.js';
import { checkDate, defaultOut, slug } from '../core/options.js';
import { formatPlan, questionnairesFor, type Format } from '../core/plan-document.js';
import { readAnswersFile } from '../io/answers-file.js';
import { loadCatalog } from '../io/load.js';
import { checkWritable, writeAtomic } from '../io/output.js';

export interface PlanOptions {
  answers: string;
  out?: string;
  date?: string;
  force: boolean;
  format: Format;
  templates?: string;
}

export { checkDate, defaultOut, slug };

/** Returns the path written ("-" for standard output). */
export async function runPlan(opts: PlanOptions): Promise<string> {
  if (opts.date !== undefined) checkDate(opts.date);
  if (opts.out) checkWritable(opts.out, opts.force, [opts.answers]);
  const catalog = await loadCatalog(opts.templates);
  const assessment = await readAnswersFile(opts.answers, (pt) => questionnairesFor(catalog, pt));
  // The plan's date: --date, else the date the answers were given, else today.
  const date = opts.date ?? assessment.assessedOn ?? today();
  const out = opts.out ?? defaultOut(assessment.profile.name, opts.format);
  checkWritable(out, opts.force, [opts.answers]);
  const text = await formatPlan(catalog, assessment, date, opts.format);
  writeAtomic(out, text, opts.force, { inputs: [opts.answers] });
  return out;
}
