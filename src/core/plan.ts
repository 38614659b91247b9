// The plan model: everything the plan says, computed from the questionnaires, the plan content
// and one assessment. Templates only lay it out; the JSON format is this object.
import type { Assessment } from './answers.js';
import { addMonths, dayBefore, longDate, longRange, monthsBetween, rangeLabel } from './dates.js';
import { STATUS_LABEL } from './labels.js';
import type { BandId, PlanContent } from './plan-content.js';
import type { PlanAction, PlanDeadline, PlanMilestone, PlanModel, PlanMonth, PlanWhy } from './plan-json-schema.js';
import {
  formatCitation,
  isScored,
  PHASES,
  type Citation,
  type Phase,
  type Questionnaire,
  type Status,
} from './questionnaire.js';
import type { Merged } from './merge.js';
import type { RolePack, Toolkit } from './role-pack.js';
import { actionKey, placeTasks, REFLECTION_TASK, type Milestones, type SchedMilestone, type SchedTask } from './schedule.js';
import { citedSources } from './sources.js';
import { counted, itemStatus, reflection, sectionScores, tally, timelineBand } from './score.js';

export interface CitedText {
  text: string;
  cite: Citation;
  source: string;
}

export type { PlanAction, PlanDeadline, PlanMilestone, PlanModel, PlanMonth, PlanWhy } from './plan-json-schema.js';

const DAY = 86_400_000;
const toMs = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
const addDays = (iso: string, n: number) => fromMs(toMs(iso) + n * DAY);

/** "2 months and 10 days", "3 weeks" … between two dates (a before b). */
function spanLabel(a: string, b: string): string {
  const m = monthsBetween(a, b);
  const d = daysBetween(addMonths(a, m), b);
  const parts: string[] = [];
  if (m > 0) parts.push(m === 1 ? '1 month' : `${m} months`);
  if (d > 0) parts.push(d === 1 ? '1 day' : `${d} days`);
  return parts.join(' and ') || 'no time';
}

interface Gap {
  itemId: string;
  question: string;
  status: Status;
  phase: Phase;
  actions: (CitedText & { id?: string; after?: readonly string[] })[];
  note?: string;
  owner?: string;
  /** From a role pack: its wording wins when several gaps share a task. */
  role: boolean;
  /** From the handbook's timeline quiz. */
  timeline: boolean;
}

interface TaskDraft {
  key: string;
  text: string;
  cite: Citation;
  role: boolean;
  phase: Phase;
  after: Set<string>;
  order: number;
  pin?: [number, number];
  why: PlanWhy[];
  gaps: Gap[];
  sources: string[];
  timeline: boolean;
}

export function buildPlan(
  qs: readonly Questionnaire[],
  content: PlanContent,
  a: Assessment,
  date: string,
  opts: { merged?: Merged; role?: RolePack; toolkit?: Toolkit; milestones?: Milestones } = {},
): PlanModel {
  const ordered = [...qs].sort((x, y) => x.order - y.order);
  const { answers, profile } = a;
  const tl = timelineBand(ordered, answers, content);
  const start = profile.startDate;

  // ---- The plan's length: the band's, or fitted to a target date that comes sooner. ----
  const bandMonths = tl.band.months;
  const target = profile.targetDate;
  // The calendar (months, their labels, the phases' months and the milestones' dates) depends
  // only on the band, the start and target dates and the catalog: worked out once, then shared.
  const cal = calendar(content, opts.milestones, tl.bandId, bandMonths, start, target);
  const { bandEnd, compressed, end, monthStarts, months, monthEnds, labels, phaseMonths, msDates, opens } = cal;
  const monthStart = (m: number) => monthStarts[m - 1]!;
  const monthEnd = (m: number) => monthEnds[m - 1]!;
  const monthLabel = (m: number) => labels[m - 1]!;

  // ---- Gaps, strengths and follow-ups, in questionnaire order. ----
  const gaps: Gap[] = [];
  const strengths: PlanModel['strengths'] = [];
  const followUps: PlanModel['followUps'] = [];
  const notes: PlanModel['notes'] = [];
  const allStatuses: Status[] = [];
  for (const q of ordered) {
    for (const section of q.sections) {
      for (const item of section.items) {
        const ans = answers[item.id]!;
        if (ans.note) notes.push({ itemId: item.id, question: item.text, note: ans.note });
        if (!counted(item, answers)) continue; // free text, or "not applicable yet": no status
        const status = itemStatus(item, ans.value);
        if (q.scoring === 'readiness') allStatuses.push(status);
        if (status === 'met') {
          strengths.push({ itemId: item.id, text: item.strength ?? item.text, source: formatCitation(item.cite), note: ans.note });
          continue;
        }
        if (status === 'not-sure') followUps.push({ itemId: item.id, question: item.text, statement: item.type === 'true-false', source: formatCitation(item.cite), note: ans.note });
        gaps.push({
          itemId: item.id,
          question: item.text,
          status,
          phase: item.phase,
          actions: item.actions.map((x) => ({ text: x.text, cite: x.cite, source: formatCitation(x.cite), id: x.id, after: x.after })),
          note: ans.note,
          owner: ans.owner,
          role: q.id.startsWith('role-'),
          timeline: q.scoring === 'timeline',
        });
      }
    }
  }

  // ---- Tasks: one per piece of work. ----
  // What a piece of work follows is declared on any of its actions, and holds wherever it appears.
  const afterByKey = mergedOrder(ordered);
  const drafts = new Map<string, TaskDraft>();
  const phaseRank = (p: Phase) => PHASES.indexOf(p);
  let order = 0;
  const addTask = (key: string, t: { text: string; cite: Citation; phase: Phase; after?: readonly string[]; pin?: [number, number]; order?: number; role?: boolean; why: PlanWhy; gap?: Gap }) => {
    const source = formatCitation(t.cite);
    let d = drafts.get(key);
    if (!d) {
      d = { key, text: t.text, cite: t.cite, role: !!t.role, phase: t.phase, after: new Set(), order: t.order ?? order++, why: [], gaps: [], sources: [], timeline: false };
      drafts.set(key, d);
    } else {
      if (t.role && !d.role) Object.assign(d, { text: t.text, cite: t.cite, role: true });
      if (phaseRank(t.phase) < phaseRank(d.phase)) d.phase = t.phase;
      if (t.pin) d.pin = t.pin;
      if (t.order !== undefined) d.order = Math.min(d.order, t.order);
    }
    for (const x of t.after ?? afterByKey.get(key) ?? []) d.after.add(x);
    if (!d.why.some((w) => w.itemId === t.why.itemId)) d.why.push(t.why);
    if (!d.sources.includes(source)) d.sources.push(source);
    if (t.gap) {
      d.gaps.push(t.gap);
      if (t.gap.timeline) d.timeline = true;
    }
  };
  const pinnedWhy = (itemId: string, question: string, cite: Citation): PlanWhy => ({ itemId, question, statusLabel: '', source: formatCitation(cite) });
  if (tl.band.firstTask) {
    const f = tl.band.firstTask;
    addTask(f.id, {
      ...f,
      phase: 'foundation',
      pin: [1, 1],
      order: -30,
      why: pinnedWhy('timeline', `You marked ${tl.trueCount} of the ${tl.total} timeline statements true, and the handbook gives no length of time for this band`, tl.band.cite),
    });
  }
  const refl = reflection(ordered, answers, content.reflection.wordRatio);
  if (refl?.flagged) {
    // The handbook's rule: evaluate further before going on. It leads the plan.
    addTask(REFLECTION_TASK, {
      text: content.reflection.flagged,
      cite: content.reflection.cite,
      phase: 'foundation',
      pin: [1, 1],
      order: -20,
      why: pinnedWhy('reflection', 'Motivation self-assessment', content.reflection.cite),
    });
  }
  const speedKeys = new Set<string>();
  if (compressed) {
    // The handbook's three ways to get ready faster, as tasks in the first months.
    content.speedUps.options.forEach((o, i) => {
      const key = o.id ?? `speed-up-${i + 1}`;
      speedKeys.add(key);
      addTask(key, {
        text: `${o.title} (one of the handbook's three ways to get ready faster). ${o.text}`,
        cite: o.cite,
        phase: 'foundation',
        pin: [1, Math.min(2, months)],
        order: -10 + i,
        why: pinnedWhy('deadline', content.speedUps.why ?? content.speedUps.intro, o.cite),
      });
    });
  }
  for (const gap of gaps) {
    gap.actions.forEach((act, i) => {
      addTask(actionKey(gap.itemId, i, act.id), {
        text: act.text,
        cite: act.cite,
        phase: gap.phase,
        role: gap.role,
        why: { itemId: gap.itemId, question: gap.question, statusLabel: STATUS_LABEL[gap.status], source: act.source, ...(gap.note ? { note: gap.note } : {}) },
        gap,
      });
    });
  }

  const milestones: PlanMilestone[] = msDates.map((x) => ({
    id: x.m.id,
    title: x.m.title,
    date: x.date,
    dateLabel: x.dateLabel,
    month: x.month,
    source: x.source,
    atRisk: false,
  }));
  const schedTasks: SchedTask[] = [...drafts.values()].map((d) => ({
    key: d.key,
    phase: d.phase,
    after: [...d.after, ...(opens.get(d.phase) ?? [])],
    order: d.order,
    ...(d.pin ? { pin: d.pin } : {}),
  }));
  const placed = placeTasks(
    schedTasks,
    cal.schedMilestones,
    months,
    phaseMonths,
  );

  // ---- What is at risk, when the deadline is shorter than the handbook advises. ----
  const risks: PlanDeadline['atRisk'] = [];
  if (compressed) {
    milestones.forEach((m, i) => {
      const prev = milestones[i - 1];
      if (prev && daysBetween(prev.date, m.date) < 14) {
        m.atRisk = true;
        m.risk = `only ${daysBetween(prev.date, m.date)} days after "${prev.title}"`;
        risks.push({ kind: 'milestone', id: m.id, title: m.title, month: m.month, reason: m.risk });
      }
    });
  }

  const phaseTitle = new Map(content.phases.map((p) => [p.id, p.title]));
  const msTitle = new Map(milestones.map((m) => [m.id, m.title]));
  const tasks = new Map<string, PlanAction>();
  for (const d of drafts.values()) {
    const month = placed.month.get(d.key)!;
    const first = d.gaps[0];
    const late = placed.late.has(d.key);
    const risk = compressed && ((d.timeline && !speedKeys.has(d.key)) || late)
      ? late
        ? 'the deadline leaves no month for it before the milestone that waits for it'
        : 'it answers a timeline statement you could not yet mark true'
      : undefined;
    const withNotes = d.why.filter((w) => w.note);
    const notesHere = withNotes.map((w) => (withNotes.length > 1 ? `${w.question} ${w.note}` : w.note!));
    const mv = placed.moved.get(d.key);
    const boundTitle = (k: string) => (msTitle.has(k) ? `the milestone "${msTitle.get(k)}"` : 'a task it depends on');
    const placedNote = mv?.after
      ? `; placed after ${boundTitle(mv.after)}`
      : mv?.before
        ? `; placed before ${boundTitle(mv.before)}`
        : mv?.even
          ? '; moved out of its phase to keep the months even'
          : '';
    const task: PlanAction = {
      id: d.key,
      itemId: first?.itemId ?? d.why[0]!.itemId,
      question: first?.question ?? d.why[0]!.question,
      status: first?.status ?? 'not-met',
      statusLabel: first ? STATUS_LABEL[first.status] : '',
      why: d.why,
      whyText: whyText(d.why),
      text: d.text,
      cite: d.cite,
      source: d.sources.join('; '),
      sources: d.sources,
      phase: d.phase,
      phaseTitle: phaseTitle.get(d.phase)!,
      placement: placedNote,
      month,
      monthLabel: monthLabel(month),
      start: monthStart(month),
      due: monthEnd(month),
      owner: d.gaps.find((g) => g.owner)?.owner ?? '',
      hasOwner: d.gaps.some((g) => g.owner),
      ...(notesHere.length ? { note: notesHere.join('; ') } : {}),
      atRisk: !!risk,
      ...(risk ? { risk } : {}),
    };
    tasks.set(d.key, task);
    if (risk) risks.push({ kind: 'task', id: d.key, title: firstSentence(d.text), month, reason: risk });
  }
  const msById = new Map(milestones.map((m) => [m.id, m]));
  const actions: PlanAction[] = [];
  const monthList: PlanMonth[] = monthStarts.map((_, i) => ({
    month: i + 1,
    label: monthLabel(i + 1),
    start: monthStart(i + 1),
    end: monthEnd(i + 1),
    items: [],
    taskCount: 0,
    empty: true,
  }));
  for (const key of placed.sequence) {
    const t = tasks.get(key);
    if (t) {
      actions.push(t);
      const mo = monthList[t.month - 1]!;
      mo.items.push({ task: t });
      mo.taskCount++;
      mo.empty = false;
    } else {
      const m = msById.get(key)!;
      monthList[m.month - 1]!.items.push({ milestone: m });
    }
  }
  risks.sort((x, y) => x.month - y.month);

  const phases: PlanModel['phases'] = PHASES.map((phaseId) => {
    const p = content.phases.find((x) => x.id === phaseId)!;
    const [first, last] = phaseMonths[phaseId];
    return {
      id: phaseId,
      title: p.title,
      summary: p.summary,
      firstMonth: first,
      lastMonth: last,
      monthsLabel: first === last ? `month ${first}` : `months ${first}–${last}`,
      startDate: monthStart(first),
      endDate: monthEnd(last),
      dateRange: longRange(monthStart(first), monthEnd(last)),
      actionCount: actions.filter((x) => x.phase === phaseId).length,
    };
  });

  let deadline: PlanDeadline | undefined;
  if (target) {
    const handbook = tl.band.decision ? `this plan's ${bandMonths}-month floor (peer-ready's choice; the handbook gives no length for this band)` : `the handbook's minimum of ${bandMonths} months`;
    const shortBy = compressed ? spanLabel(target, bandEnd) : undefined;
    deadline = {
      targetDate: target,
      targetLabel: longDate(target),
      fits: !compressed,
      handbookMonths: bandMonths,
      handbookEndDate: bandEnd,
      handbookEndLabel: longDate(bandEnd),
      planMonths: months,
      ...(compressed ? { shortBy, shortByDays: daysBetween(target, bandEnd) } : {}),
      statement: compressed
        ? `Your target date, ${longDate(target)}, is ${shortBy} shorter than the handbook advises: ${handbook} would run to ${longDate(bandEnd)}. ` +
          `This plan is compressed to end on your target date (${months} month${months === 1 ? '' : 's'} instead of ${bandMonths}): every date moves closer together, ` +
          `the handbook's three ways to get ready faster are scheduled as tasks in the first months, and what is at risk is marked.`
        : `Your target date, ${longDate(target)}, leaves room for ${handbook}, which runs to ${longDate(bandEnd)}` +
          `${target > bandEnd ? `, ${spanLabel(bandEnd, target)} before your target` : ''}. The plan keeps that length.`,
      ...(compressed ? { riskRule: opts.milestones?.risk ?? '' } : {}),
      atRisk: risks,
    };
  }

  const overall = sectionScores(ordered, answers, content);
  const all = tally(allStatuses, content);

  const model: Omit<PlanModel, 'sources'> = {
    schemaVersion: 1,
    org: {
      name: profile.name,
      programType: profile.programType,
      programLabel: opts.role?.label ?? profile.programType,
      startDate: profile.startDate,
      startLabel: longDate(profile.startDate),
      ...(profile.respondent ? { respondent: profile.respondent } : {}),
    },
    date,
    dateLabel: longDate(date),
    timeline: {
      bandId: tl.bandId,
      label: tl.band.label,
      months: bandMonths,
      minimum: tl.band.minimum,
      trueCount: tl.trueCount,
      total: tl.total,
      notSure: tl.notSure,
      why: tl.band.why,
      ...(tl.band.decision ? { decision: tl.band.decision } : {}),
      source: formatCitation(tl.band.cite),
      fixed: profile.timelineFixed,
      endDate: end,
      endLabel: longDate(end),
      lengthLabel: compressed ? `${months} month${months === 1 ? '' : 's'}, fitted to your target date; the handbook advises ${tl.band.label.toLowerCase()}` : tl.band.label,
    },
    ...(deadline ? { deadline } : {}),
    overall: all,
    sections: overall.map((s) => ({
      instrument: s.questionnaire.short,
      title: s.section.title,
      source: formatCitation(s.section.cite),
      tally: s.tally,
    })),
    phases,
    months: monthList,
    actions,
    milestones,
    strengths,
    followUps,
    ...(profile.timelineFixed && !compressed
      ? {
          speedUps: {
            intro: content.speedUps.intro,
            options: content.speedUps.options.map((o) => ({ title: o.title, text: o.text, source: formatCitation(o.cite) })),
          },
        }
      : {}),
    ...(refl
      ? {
          reflection: {
            flagged: refl.flagged,
            rule: content.reflection.rule,
            verdict: refl.flagged ? content.reflection.flagged : content.reflection.clear,
            motivationWords: refl.motivationWords,
            challengeWords: refl.challengeWords,
            source: formatCitation(content.reflection.cite),
            answers: ordered.flatMap((q) =>
              q.sections.flatMap((s) =>
                s.items
                  .filter((i) => i.type === 'text' && i.reflect)
                  .map((i) => {
                    const v = answers[i.id]?.value.trim() ?? '';
                    return {
                      question: i.text,
                      side: i.type === 'text' && i.reflect === 'motivation' ? 'Motivation' : 'Challenge',
                      answer: v,
                      blank: refl.blank.includes(i.id),
                    };
                  }),
              ),
            ),
          },
        }
      : {}),
    readinessRule: content.readiness.rule,
    notes,
    schedule: {
      rule: opts.milestones?.rule ?? '',
      dates: opts.milestones?.dates ?? '',
      gantt: gantt(phases, milestones),
      phases: phases.map((p) => ({
        title: p.title,
        monthsLabel: p.monthsLabel,
        start: longDate(p.startDate),
        end: longDate(p.endDate),
        actionCount: p.actionCount,
      })),
      loadLimit: placed.loadLimit,
      averageLoad: Math.round(placed.average * 10) / 10,
    },
    ...(opts.role
      ? {
          role: {
            title: opts.role.title,
            intro: opts.role.intro,
            source: formatCitation(opts.role.cite),
            requirements: opts.role.requirements.map((r) => ({
              topic: r.topic,
              points: r.points.map((p) => ({ text: p.text, source: formatCitation(p.cite) })),
            })),
          },
        }
      : {}),
    ...(opts.toolkit ? { toolkit: toolkitView(opts.toolkit, opts.role, profile, gaps) } : {}),
    ...(opts.merged ? { merge: mergeView(qs, opts.merged, content.merge.rule) } : {}),
  };
  // The months repeat the tasks and milestones listed above, and each task's sources are those of
  // its "Why" entries: the sources are the same from this smaller object, which is quicker to walk.
  return { ...model, sources: citedSources({ ...model, months: [], actions: model.actions.map((a) => ({ why: a.why })) }) };
}

interface Calendar {
  bandEnd: string;
  compressed: boolean;
  end: string;
  monthStarts: string[];
  months: number;
  monthEnds: string[];
  labels: string[];
  phaseMonths: Record<Phase, [number, number]>;
  msDates: { m: Milestones['milestones'][number]; i: number; date: string; dateLabel: string; month: number; source: string }[];
  schedMilestones: SchedMilestone[];
  /** A milestone may open phases: none of their tasks starts before it (leadership decides first). */
  opens: Map<Phase, string[]>;
}

const calendars = new WeakMap<PlanContent, WeakMap<object, Map<string, Calendar>>>();
const NO_MILESTONES = {};

/** The plan's calendar for a band, a start date and a target date (remembered per catalog; read-only). */
function calendar(content: PlanContent, ms: Milestones | undefined, bandId: BandId, bandMonths: number, start: string, target: string | undefined): Calendar {
  let byMs = calendars.get(content);
  if (!byMs) calendars.set(content, (byMs = new WeakMap()));
  let byKey = byMs.get(ms ?? NO_MILESTONES);
  if (!byKey) byMs.set(ms ?? NO_MILESTONES, (byKey = new Map()));
  const key = `${bandId}|${bandMonths}|${start}|${target ?? ''}`;
  let cal = byKey.get(key);
  if (cal) return cal;
  // The first day of each month of the band's plan, and of the month after it, worked out once.
  const bandStarts = Array.from({ length: bandMonths + 1 }, (_, i) => addMonths(start, i));
  const bandEnd = dayBefore(bandStarts[bandMonths]!);
  const compressed = target !== undefined && target < bandEnd;
  const end = compressed ? target : bandEnd;
  const monthStarts = bandStarts.filter((s) => s <= end);
  const months = monthStarts.length;
  const monthEnds = monthStarts.map((_, i) => (i + 1 < months ? dayBefore(monthStarts[i + 1]!) : end));
  const monthStart = (m: number) => monthStarts[m - 1]!;
  const monthEnd = (m: number) => monthEnds[m - 1]!;
  const monthOf = (iso: string) => {
    let m = 1;
    while (m < months && monthStarts[m]! <= iso) m++;
    return m;
  };
  const labels = monthStarts.map((_, i) => rangeLabel(monthStart(i + 1), monthEnd(i + 1)));
  // A date of the band's plan, moved in proportion when the plan is compressed.
  const ratio = (daysBetween(start, end) + 1) / (daysBetween(start, bandEnd) + 1);
  const fit = (iso: string) => (compressed ? addDays(start, Math.min(daysBetween(start, end), Math.max(0, Math.round((daysBetween(start, iso) + 1) * ratio) - 1))) : iso);
  /** The date `p` months into the band's plan (2.5: the middle of month 3), fitted. */
  const position = (p: number) => {
    const k = Math.floor(p);
    const f = p - k;
    const base = bandStarts[k]!;
    const d = f === 0 ? dayBefore(base) : addDays(base, Math.round(f * daysBetween(base, bandStarts[k + 1]!)) - 1);
    return fit(d);
  };

  const phaseMonths = {} as Record<Phase, [number, number]>;
  for (const p of content.phases) {
    const [f, l] = p.months[bandId];
    if (!compressed) {
      phaseMonths[p.id] = [Math.min(f, months), Math.min(l, months)];
      continue;
    }
    const first = monthOf(fit(bandStarts[f - 1]!));
    phaseMonths[p.id] = [first, Math.max(first, monthOf(fit(dayBefore(bandStarts[l]!))))];
  }
  const msData = ms?.milestones ?? [];
  const msDates = msData
    .map((m, i) => ({ m, i, date: position(Math.min(m.at[bandId], bandMonths)) }))
    .sort((x, y) => x.m.at[bandId] - y.m.at[bandId] || x.i - y.i)
    .map((x) => ({ ...x, dateLabel: longDate(x.date), month: monthOf(x.date), source: formatCitation(x.m.cite) }));
  const opens = new Map<Phase, string[]>();
  for (const m of msData) for (const ph of m.opens) opens.set(ph, [...(opens.get(ph) ?? []), m.id]);
  cal = {
    bandEnd,
    compressed,
    end,
    monthStarts,
    months,
    monthEnds,
    labels,
    phaseMonths,
    msDates,
    schedMilestones: msDates.map(({ m, month }, r) => ({ id: m.id, month, rank: r, after: m.after })),
    opens,
  };
  if (byKey.size < 1000) byKey.set(key, cal);
  return cal;
}

const declared = new WeakMap<object, Map<string, readonly string[]>>();
const sectionIds = new WeakMap<object, number>();
let nextSectionId = 0;
const merged = new Map<string, Map<string, readonly string[]>>();

/**
 * The `after` lists of all the questionnaires' actions, merged by action key. It depends only
 * on the questionnaires, which the plans of a batch share: worked out once per list of them.
 */
function mergedOrder(ordered: readonly Questionnaire[]): Map<string, readonly string[]> {
  const ids = ordered.map((q) => {
    let id = sectionIds.get(q.sections);
    if (id === undefined) sectionIds.set(q.sections, (id = nextSectionId++));
    return id;
  });
  const key = ids.join(',');
  let out = merged.get(key);
  if (!out) {
    out = new Map<string, readonly string[]>();
    for (const q of ordered) for (const [k, xs] of declaredOrder(q.sections)) out.set(k, [...(out.get(k) ?? []), ...xs]);
    if (merged.size < 100) merged.set(key, out);
  }
  return out;
}

/** The `after` lists of a questionnaire's actions, by action key (worked out once per section list). */
function declaredOrder(sections: Questionnaire['sections']): Map<string, readonly string[]> {
  let out = declared.get(sections);
  if (!out) {
    out = new Map();
    for (const s of sections)
      for (const item of s.items) {
        if (!isScored(item)) continue;
        item.actions.forEach((x, i) => {
          if (!x.after) return;
          const k = actionKey(item.id, i, x.id);
          out!.set(k, [...(out!.get(k) ?? []), ...x.after]);
        });
      }
    declared.set(sections, out);
  }
  return out;
}

/** The text up to its first full stop (or semicolon), for lists that name a task. */
function firstSentence(text: string): string {
  const m = /^(.+?[.;])(\s|$)/.exec(text);
  return (m ? m[1]! : text).replace(/[;.]$/, '');
}

function whyText(why: readonly PlanWhy[]): string {
  // A reason written as a sentence loses its full stop: the template ends the line with one, and
  // inside the list it would read "faster.; (2) …".
  const one = (w: PlanWhy) => {
    const q = w.question.replace(/\.$/, '');
    return w.statusLabel ? `${q} (${w.statusLabel})` : q;
  };
  if (why.length === 1) return one(why[0]!);
  return `this one task answers ${why.length} gaps: ${why.map((w, i) => `(${i + 1}) ${one(w)}`).join('; ')}`;
}

function mergeView(qs: readonly Questionnaire[], m: Merged, rule: string): NonNullable<PlanModel['merge']> {
  const text = new Map(qs.flatMap((q) => q.sections.flatMap((s) => s.items.map((i) => [i.id, i.text] as const))));
  return {
    respondents: m.respondents,
    respondentList: m.respondents.join(', '),
    rule,
    agreed: m.agreed,
    disagreements: m.disagreements.map((d) => ({
      ...d,
      combined: STATUS_LABEL[d.combined],
      viewList: d.views.map((v) => `${v.role}: ${v.answer}`).join('; '),
    })),
    items: m.items.map((i) => ({
      itemId: i.itemId,
      question: i.question,
      combined: STATUS_LABEL[i.combined],
      agree: i.agree,
      summary: i.agree
        ? `${i.views.length === m.respondents.length ? 'All' : `All ${i.views.length} who answered`}: ${i.views[0]!.answer}`
        : i.views.map((v) => `${v.role}: ${v.answer}`).join('; '),
    })),
    unanswered: m.unanswered.map((id) => ({ itemId: id, question: text.get(id) ?? id })),
  };
}

const safeTitles = new Map<string, string>();
/** A title with Mermaid's syntax characters taken out (the same titles recur in every plan: remembered). */
function safe(t: string): string {
  let s = safeTitles.get(t);
  if (s === undefined) {
    s = t.replace(/[:;#`\n\r{}[\]<>]/g, ' ').replace(/\s+/g, ' ').trim();
    if (safeTitles.size < 1000) safeTitles.set(t, s);
  }
  return s;
}

/** A Mermaid gantt chart of the phases and milestones. Built from our own titles, stripped of Mermaid syntax. */
function gantt(phases: PlanModel['phases'], milestones: readonly PlanMilestone[]): string {
  const lines = ['gantt', '  title Readiness plan', '  dateFormat YYYY-MM-DD', '  axisFormat %b %-d, %Y'];
  phases.forEach((p, i) => {
    lines.push(`  section ${safe(p.title)}`, `  ${safe(p.title)} (${p.actionCount} tasks) :p${i + 1}, ${p.startDate}, ${p.endDate}`);
  });
  if (milestones.length) lines.push('  section Milestones');
  milestones.forEach((m, i) => lines.push(`  ${safe(m.title)} :milestone, m${i + 1}, ${m.date}, 0d`));
  return lines.join('\n');
}

function toolkitView(
  t: Toolkit,
  role: RolePack | undefined,
  profile: Assessment['profile'],
  gaps: readonly { itemId: string; question: string }[],
): NonNullable<PlanModel['toolkit']> {
  const fill = (s: string) => s.replaceAll('{organisation}', profile.name).replaceAll('{program}', role?.label ?? profile.programType);
  const gapQuestion = new Map(gaps.map((g) => [g.itemId, g.question]));
  return {
    jobDescription: {
      intro: t.jobDescription.intro,
      components: t.jobDescription.components.map((c) => ({ name: c.name, text: c.text, source: formatCitation(c.cite) })),
      outOfRole: {
        intro: t.jobDescription.outOfRole.intro,
        duties: t.jobDescription.outOfRole.duties.map((d) => ({ text: d.text, source: formatCitation(d.cite) })),
      },
      templateFields: t.jobDescription.templateFields.map((f) => ({ field: f.field, guidance: fill(f.guidance), source: formatCitation(f.cite) })),
    },
    ...(role
      ? { interview: { role: role.title, areas: role.interview.map((a) => ({ area: a.area, questions: a.questions, source: formatCitation(a.cite) })) } }
      : {}),
    interviewLimits: {
      intro: t.interviewLimits.intro,
      neverAsk: t.interviewLimits.neverAsk.map((p) => ({ text: p.text, source: formatCitation(p.cite) })),
      mayAsk: t.interviewLimits.mayAsk.map((p) => ({ text: p.text, source: formatCitation(p.cite) })),
    },
    payModels: t.payModels.map((m) => ({ name: m.name, text: m.text, tradeOffs: m.tradeOffs, source: formatCitation(m.cite) })),
    misconceptions: t.misconceptions
      .map((m) => ({
        myth: m.myth,
        answer: m.answer,
        source: formatCitation(m.cite),
        gaps: m.relatedItems.filter((id) => gapQuestion.has(id)).map((id) => ({ itemId: id, question: gapQuestion.get(id)! })),
      }))
      .filter((m) => m.gaps.length > 0),
  };
}
