// Re-assessment: what moved between two assessments of the same organisation.
import type { Assessment } from './answers.js';
import { longDate, monthsBetween } from './dates.js';
import { InputError } from './errors.js';
import { STATUS_LABEL } from './labels.js';
import type { PlanContent } from './plan-content.js';
import { formatCitation, isNotApplicable, isScored, workLink, type Questionnaire, type Status } from './questionnaire.js';
import { workById, type Work } from './plan/work.js';
import { itemStatus, timelineBand } from './score.js';

const RANK: Record<Status, number> = { met: 2, partly: 1, 'not-met': 0, 'not-sure': 0 };

export interface ChangeRow {
  itemId: string;
  instrument: string;
  question: string;
  before: string;
  after: string;
  actions: { text: string; source: string }[];
}

export interface CompareModel {
  org: { name: string };
  before: { date: string; label: string; band: string; trueCount: number; total: number };
  after: { date: string; label: string; band: string; trueCount: number; total: number };
  monthsElapsed: number;
  monthsLabel: string;
  bandChanged: boolean;
  newlyMet: ChangeRow[];
  improved: ChangeRow[];
  slipped: ChangeRow[];
  stillOpen: ChangeRow[];
  counts: { newlyMet: number; improved: number; slipped: number; stillOpen: number };
}

export function compareAssessments(
  qs: readonly Questionnaire[],
  content: PlanContent,
  before: { file: string; a: Assessment },
  after: { file: string; a: Assessment },
  catalogue: readonly Work[] = [],
): CompareModel {
  const work = workById(catalogue);
  for (const x of [before, after]) {
    if (!x.a.assessedOn) {
      throw new InputError(x.file, 'assessedOn', 'missing: compare needs the date each assessment was made (add "assessedOn": "YYYY-MM-DD")');
    }
  }
  if (before.a.profile.name.trim().toLowerCase() !== after.a.profile.name.trim().toLowerCase()) {
    throw new InputError(after.file, 'profile.name', `is "${after.a.profile.name}", but the earlier assessment is of "${before.a.profile.name}"`);
  }
  const d0 = before.a.assessedOn!;
  const d1 = after.a.assessedOn!;
  if (d1 < d0) throw new InputError(after.file, 'assessedOn', `${d1} is before the first assessment (${d0}); give the earlier file first`);

  const newlyMet: ChangeRow[] = [];
  const improved: ChangeRow[] = [];
  const slipped: ChangeRow[] = [];
  const stillOpen: ChangeRow[] = [];
  for (const q of qs) {
    for (const s of q.sections) {
      for (const item of s.items) {
        if (!isScored(item)) continue;
        // An item "not applicable yet" on either date has nothing to compare.
        if (isNotApplicable(before.a.answers[item.id]?.value) || isNotApplicable(after.a.answers[item.id]?.value)) continue;
        const b = itemStatus(item, before.a.answers[item.id]!.value);
        const n = itemStatus(item, after.a.answers[item.id]!.value);
        const row: ChangeRow = {
          itemId: item.id,
          instrument: q.short,
          question: item.text,
          before: STATUS_LABEL[b].toLowerCase(),
          after: STATUS_LABEL[n].toLowerCase(),
          actions: item.work.flatMap((r) => {
            const w = work.get(workLink(r).id);
            return w ? [{ text: w.title, source: formatCitation(w.cite) }] : [];
          }),
        };
        if (n === 'met' && b !== 'met') newlyMet.push(row);
        else if (RANK[n] < RANK[b]) slipped.push(row);
        else if (RANK[n] > RANK[b]) improved.push(row);
        else if (n !== 'met') stillOpen.push(row);
      }
    }
  }
  const t0 = timelineBand(qs, before.a.answers, content);
  const t1 = timelineBand(qs, after.a.answers, content);
  const months = monthsBetween(d0, d1);
  return {
    org: { name: after.a.profile.name },
    before: { date: d0, label: longDate(d0), band: t0.band.label, trueCount: t0.trueCount, total: t0.total },
    after: { date: d1, label: longDate(d1), band: t1.band.label, trueCount: t1.trueCount, total: t1.total },
    monthsElapsed: months,
    monthsLabel: months === 1 ? '1 month' : `${months} months`,
    bandChanged: t0.bandId !== t1.bandId,
    newlyMet,
    improved,
    slipped,
    stillOpen,
    counts: { newlyMet: newlyMet.length, improved: improved.length, slipped: slipped.length, stillOpen: stillOpen.length },
  };
}
