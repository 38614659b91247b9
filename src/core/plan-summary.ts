// The executive summary that opens every plan: one printed page for the leadership team. It is
// worked out from the plan model only (nothing here scores or schedules), and the templates
// see it as `summary` beside the model's own fields.
import { longDate } from './dates.js';
import type { PlanAction, PlanModel } from './plan.js';

/** How many gaps and first tasks the page lists, so that it stays one page. */
export const SUMMARY_GAPS = 5;
export const SUMMARY_FIRST_TASKS = 4;

export interface PlanSummary {
  timeline: { label: string; runs: string };
  deadline: { text: string; fits?: boolean; late: boolean };
  /** The sections with the most left to do, largest first. */
  gaps: { rank: number; title: string; instrument: string; percent: number; label: string; open: number; ofTotal: string }[];
  gapRule: string;
  milestones: { dateLabel: string; title: string; source?: string; hasSource: boolean }[];
  /** The tasks that start within 30 days of the plan's start. */
  first30: { window: string; tasks: { text: string; owner: string; hasOwner: boolean }[]; more: number; moreLabel: string; total: number };
}

/** Points still missing in a section: an item not met (or not sure) counts 1, partly met ½. */
const missing = (t: PlanModel['overall']) => t.notMet + t.notSure + t.partly / 2;

export interface Milestone {
  date: string;
  dateLabel: string;
  title: string;
  source: string;
  atRisk: boolean;
  risk?: string;
  /** The phase whose months hold the date (the later one where two overlap), and the plan's month. */
  phase: string;
  month: number;
}

/** The plan's milestones (the scheduler's), in date order, each with the phase it falls in. */
export function planMilestones(model: PlanModel): Milestone[] {
  return model.milestones.map((m) => ({
    date: m.date,
    dateLabel: m.dateLabel,
    title: m.title,
    source: m.source,
    atRisk: m.atRisk,
    ...(m.risk ? { risk: m.risk } : {}),
    phase: [...model.phases].reverse().find((p) => p.startDate <= m.date && m.date <= p.endDate)?.title ?? '',
    month: m.month,
  }));
}

export function planSummary(model: PlanModel): PlanSummary {
  const gaps = model.sections
    .map((s, i) => ({ s, i, miss: missing(s.tally) }))
    .filter((x) => x.miss > 0)
    .sort((a, b) => b.miss - a.miss || a.s.tally.percent - b.s.tally.percent || a.i - b.i)
    .slice(0, SUMMARY_GAPS)
    .map(({ s }, i) => ({
      rank: i + 1,
      title: s.title,
      instrument: s.instrument,
      percent: s.tally.percent,
      label: s.tally.label,
      open: s.tally.total - s.tally.met,
      ofTotal: `${s.tally.total - s.tally.met} of ${s.tally.total}`,
    }));

  // The first 30 days: from the start date up to the day before start + 30 days.
  const start = model.org.startDate;
  const end = addDays(start, 29);
  const first = model.actions.filter((a) => a.start >= start && a.start <= end);
  const tasks = first.slice(0, SUMMARY_FIRST_TASKS).map((a: PlanAction) => ({ text: a.text, owner: a.owner, hasOwner: a.hasOwner }));

  const milestones: PlanSummary['milestones'] = model.milestones.map((m) => ({
    dateLabel: m.dateLabel,
    title: m.atRisk ? `${m.title} (at risk)` : m.title,
    source: m.source,
    hasSource: !!m.source,
  }));

  return {
    timeline: { label: model.timeline.label, runs: `${model.org.startLabel} to ${model.timeline.endLabel}` },
    deadline: deadlineCheck(model),
    gaps,
    gapRule:
      'Sections are ranked by how much is still missing: an item not met or not sure counts 1, ' +
      'an item partly met counts one half.',
    milestones,
    first30: {
      window: `${longDate(start)} to ${longDate(end)}`,
      tasks,
      more: first.length - tasks.length,
      moreLabel: first.length - tasks.length === 1 ? '1 more task' : `${first.length - tasks.length} more tasks`,
      total: first.length,
    },
  };
}

function deadlineCheck(model: PlanModel): PlanSummary['deadline'] {
  const d = model.deadline;
  if (d) {
    const n = d.atRisk.length;
    const risk = n ? ` ${n === 1 ? 'One task or milestone is' : `${n} tasks and milestones are`} at risk: see "Your target date".` : '';
    return { text: d.statement + risk, fits: d.fits, late: !d.fits };
  }
  const endLabel = model.timeline.endLabel;
  if (model.timeline.fixed) {
    return {
      text:
        `An outside party sets your deadline. Working at the pace this plan assumes, you are ready by ${endLabel}. ` +
        'If the deadline comes sooner, the ways to speed up in this plan say where time can be saved.',
      late: false,
    };
  }
  return { text: `No outside deadline was given. The plan runs to ${endLabel}, ${model.timeline.months} months from its start.`, late: false };
}

/** `iso` plus `n` days. */
function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/**
 * What the plan templates see: the model, its executive summary, and the gantt chart as
 * Mermaid should draw it (no "today" line, which would date the printed plan).
 */
export function planView(model: PlanModel): PlanModel & { summary: PlanSummary; ganttChart: string } {
  return { ...model, summary: planSummary(model), ganttChart: model.schedule.gantt.replace(/^gantt\n/, 'gantt\n  todayMarker off\n') };
}
