// The executive summary that opens every plan: one printed page for the leadership team. It is
// worked out from the plan model only (nothing here scores or schedules), and the templates
// see it as `summary` beside the model's own fields.
import { longDate } from './dates.js';
import type { PlanAction, PlanModel } from './plan.js';

/** How many gaps and first tasks the page lists, so that it stays one page. */
export const SUMMARY_GAPS = 5;
export const SUMMARY_FIRST_TASKS = 6;

/** A milestone as the plan model may carry it (the scheduler's own, when it has them). */
interface ModelMilestone {
  id?: string;
  title: string;
  date: string;
  dateLabel?: string;
  source?: string;
}

/** The deadline check as the plan model may carry it. */
interface ModelDeadline {
  date?: string;
  dateLabel?: string;
  fits?: boolean;
  text?: string;
  verdict?: string;
}

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
  source?: string;
  /** The phase the milestone ends, or else the (later) phase its date falls in; the plan's month. */
  phase: string;
  month: number;
}

/**
 * The plan's milestones, in date order: the scheduler's own when the model has them, else the
 * end of each phase.
 */
export function planMilestones(model: PlanModel): Milestone[] {
  const own = (model as PlanModel & { milestones?: ModelMilestone[] }).milestones;
  const list = own
    ? own.map((m) => ({ date: m.date, dateLabel: m.dateLabel ?? longDate(m.date), title: m.title, ...(m.source ? { source: m.source } : {}) }))
    : model.phases.map((p) => ({ date: p.endDate, dateLabel: longDate(p.endDate), title: `${p.title}: done` }));
  const months = model.phases.flatMap((p) => p.months.map((m) => ({ month: m.month, date: m.date, phase: p.title })));
  return list
    .map((m) => {
      const at = months.filter((x) => x.date <= m.date).sort((a, b) => a.month - b.month).at(-1) ?? months[0];
      const phase =
        (model.phases.find((p) => p.endDate === m.date) ?? [...model.phases].reverse().find((p) => p.startDate <= m.date && m.date <= p.endDate))?.title ??
        at?.phase ??
        '';
      return { ...m, phase, month: at?.month ?? 1 };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function planSummary(model: PlanModel): PlanSummary {
  const extra = model as PlanModel & { deadline?: ModelDeadline };
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
  const first = model.actions.filter((a) => a.due >= start && a.due <= end);
  const tasks = first.slice(0, SUMMARY_FIRST_TASKS).map((a: PlanAction) => ({ text: a.text, owner: a.owner, hasOwner: a.hasOwner }));

  const milestones: PlanSummary['milestones'] = planMilestones(model).map((m) => ({
    dateLabel: m.dateLabel,
    title: m.title,
    ...(m.source ? { source: m.source } : {}),
    hasSource: !!m.source,
  }));

  return {
    timeline: { label: model.timeline.label, runs: `${model.org.startLabel} to ${model.timeline.endLabel}` },
    deadline: deadlineCheck(model, extra.deadline),
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

function deadlineCheck(model: PlanModel, d: ModelDeadline | undefined): PlanSummary['deadline'] {
  const text = d?.text ?? d?.verdict;
  if (d && text) return { text, ...(d.fits === undefined ? {} : { fits: d.fits }), late: d.fits === false };
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
