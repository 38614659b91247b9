// Batch mode's cohort summary: written beside the plans once every answers file is done.
import { join } from 'node:path';
import { buildCohort, cohortAgenciesCsv, cohortEntry, cohortGapsCsv, cohortMarkdown, type CohortEntry } from '../core/cohort.js';
import { longDate, today } from '../core/dates.js';
import type { PlanModel } from '../core/plan.js';
import { writeAtomic } from '../io/output.js';

export const COHORT_FILES = ['cohort-summary.md', 'cohort-summary-agencies.csv', 'cohort-summary-gaps.csv'] as const;

/** Collects what the summary needs from each plan, then writes the three files. */
export class CohortWriter {
  private entries: CohortEntry[] = [];

  add(file: string, model: PlanModel): void {
    this.entries.push(cohortEntry(file, model));
  }

  /** Writes the files into `outDir` (none when no plan was made); returns their paths. */
  write(outDir: string, force: boolean, date = today()): string[] {
    if (this.entries.length === 0) return [];
    const c = buildCohort(this.entries);
    const texts = [cohortMarkdown(c, longDate(date)), cohortAgenciesCsv(c), cohortGapsCsv(c)];
    const paths = COHORT_FILES.map((f) => join(outDir, f));
    paths.forEach((p, i) => writeAtomic(p, texts[i]!, force));
    return paths;
  }
}
