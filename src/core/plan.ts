// The plan model: everything the plan says, computed from the questionnaires, the plan content
// and one assessment. Templates only lay it out; the JSON format is this object.
import type { Assessment } from './answers.js';
import { addMonths, longDate, longRange, monthsBetween } from './dates.js';
import { STATUS_LABEL } from './labels.js';
import type { PlanContent } from './plan-content.js';
import type { PlanAction, PlanDeadline, PlanMilestone, PlanModel, PlanMonth, PlanWhy } from './plan-json-schema.js';
import { formatCitation, PHASES, workLink, type Citation, type Phase, type Questionnaire, type Status } from './questionnaire.js';
import type { Merged } from './merge.js';
import type { RolePack, Toolkit } from './role-pack.js';
import { REFLECTION_TASK, type Milestones } from './schedule.js';
import { calendar } from './plan/calendar.js';
import { placeTasks, type SchedTask } from './plan/place.js';
import { gantt, mergeView, toolkitView } from './plan/views.js';
import { workById, type Work } from './plan/work.js';
import { citedSources } from './sources.js';
import { counted, itemStatus, reflection, sectionScores, tally, timelineBand } from './score.js';

export interface CitedText {
  text: string;
  cite: Citation;
  source: string;
}

export type { PlanAction, PlanDeadline, PlanMilestone, PlanModel, PlanMonth, PlanWhy } from './plan-json-schema.js';

import { daysBetween } from './plan/calendar.js';

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
  work: ReturnType<typeof workLink>[];
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
  /** The checklist: the details the gaps that opened it add. */
  details: string[];
  weeks?: number;
  owner?: string;
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
  opts: { merged?: Merged; role?: RolePack; toolkit?: Toolkit; milestones?: Milestones; work?: readonly Work[] } = {},
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
          work: item.work.map(workLink),
          note: ans.note,
          owner: ans.owner,
          role: q.id.startsWith('role-'),
          timeline: q.scoring === 'timeline',
        });
      }
    }
  }

  // ---- Tasks: one per piece of work. ----
  // Every piece of work is written once in the catalogue (templates/work.yaml), with what it follows.
  const catalogue = workById(opts.work ?? []);
  const drafts = new Map<string, TaskDraft>();
  const phaseRank = (p: Phase) => PHASES.indexOf(p);
  let order = 0;
  const addTask = (
    key: string,
    t: { text: string; cite: Citation; phase: Phase; after?: readonly string[]; pin?: [number, number]; order?: number; role?: boolean; why: PlanWhy; gap?: Gap; weeks?: number; owner?: string; details?: readonly CitedText[] },
  ) => {
    const source = formatCitation(t.cite);
    let d = drafts.get(key);
    if (!d) {
      d = { key, text: t.text, details: [], cite: t.cite, role: !!t.role, phase: t.phase, after: new Set(), order: t.order ?? order++, why: [], gaps: [], sources: [], timeline: false, ...(t.weeks ? { weeks: t.weeks } : {}), ...(t.owner ? { owner: t.owner } : {}) };
      drafts.set(key, d);
    } else {
      if (t.role && !d.role) Object.assign(d, { text: t.text, cite: t.cite, role: true });
      if (phaseRank(t.phase) < phaseRank(d.phase)) d.phase = t.phase;
      if (t.pin) d.pin = t.pin;
      if (t.order !== undefined) d.order = Math.min(d.order, t.order);
    }
    for (const x of t.after ?? []) d.after.add(x);
    for (const x of t.details ?? []) {
      if (!d.details.includes(x.text)) d.details.push(x.text);
      if (!d.sources.includes(x.source)) d.sources.push(x.source);
    }
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
    for (const link of gap.work) {
      const w = catalogue.get(link.id);
      if (!w) throw new Error(`internal: "${link.id}" is not in the work catalogue`);
      const source = formatCitation(w.cite);
      addTask(w.id, {
        text: opts.role?.wording[w.id] ?? w.title,
        cite: w.cite,
        phase: w.phase,
        after: w.after,
        weeks: w.weeks,
        owner: w.owner,
        details: link.details.map((x) => ({ text: x.text, cite: x.cite, source: formatCitation(x.cite) })),
        why: { itemId: gap.itemId, question: gap.question, statusLabel: STATUS_LABEL[gap.status], source, ...(gap.note ? { note: gap.note } : {}) },
        gap,
      });
    }
  }

  const milestones: PlanMilestone[] = msDates.map((x) => ({
    id: x.m.id,
    title: x.m.title,
    date: x.date,
    dateLabel: x.dateLabel,
    month: x.month,
    source: x.source,
    after: [] as string[],
    atRisk: false,
  }));
  // What a task follows, through work this plan leaves out (met): its own prerequisites count.
  const msIds = new Set(msDates.map((x) => x.m.id));
  const resolved = new Map<string, string[]>();
  const resolve = (id: string, seen: Set<string>): string[] => {
    if (drafts.has(id) || msIds.has(id)) return [id];
    const w = catalogue.get(id);
    if (!w || seen.has(id)) return [];
    seen.add(id);
    return w.after.flatMap((x) => resolve(x, seen));
  };
  for (const d of drafts.values()) resolved.set(d.key, [...new Set([...d.after].flatMap((x) => resolve(x, new Set())))]);
  const feeding = (mId: string) => [...drafts.keys()].filter((k) => catalogue.get(k)?.feeds === mId);
  const schedMilestones = msDates.map(({ m, month }, r) => ({ id: m.id, month, rank: r, after: [...m.after, ...feeding(m.id)] }));
  const schedTasks: SchedTask[] = [...drafts.values()].map((d) => ({
    key: d.key,
    phase: d.phase,
    after: [...resolved.get(d.key)!, ...(opens.get(d.phase) ?? [])],
    order: d.order,
    ...(d.pin ? { pin: d.pin } : {}),
  }));
  const afterOf = new Map(schedMilestones.map((m) => [m.id, m.after]));
  for (const m of milestones) m.after = afterOf.get(m.id) ?? [];
  const placed = placeTasks(
    schedTasks,
    schedMilestones,
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
      after: resolved.get(d.key) ?? [],
      weeks: d.weeks ?? 2,
      weeksLabel: (d.weeks ?? 2) === 1 ? '1 week' : `${d.weeks ?? 2} weeks`,
      checklist: d.details,
      ...ownerOf(d),
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

/** The text up to its first full stop (or semicolon), for lists that name a task. */
function firstSentence(text: string): string {
  const m = /^(.+?[.;])(\s|$)/.exec(text);
  return (m ? m[1]! : text).replace(/[;.]$/, '');
}

/** The manager's owner from the answers, else the catalogue's default role, marked as suggested. */
function ownerOf(d: TaskDraft): { owner: string; hasOwner: boolean; ownerSuggested: boolean } {
  const named = d.gaps.find((g) => g.owner)?.owner;
  if (named) return { owner: named, hasOwner: true, ownerSuggested: false };
  return { owner: d.owner ?? 'Executive director', hasOwner: true, ownerSuggested: true };
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

