// The plan model: everything the plan says, computed from the questionnaires, the plan content
// and one assessment. Templates only lay it out; the JSON format is this object.
import { PROGRAM_TYPES, type Assessment } from './answers.js';
import { addMonths, dayBefore, longDate, monthYear } from './dates.js';
import type { BandId, PlanContent } from './plan-content.js';
import {
  formatCitation,
  type Citation,
  type Phase,
  type Questionnaire,
  type Status,
} from './questionnaire.js';
import { MERGE_RULE, type Merged } from './merge.js';
import type { RolePack, Toolkit } from './role-pack.js';
import { citedSources, type SourceEntry } from './sources.js';
import { counted, itemStatus, reflection, sectionScores, tally, timelineBand, type Tally } from './score.js';

export interface CitedText {
  text: string;
  cite: Citation;
  source: string;
}

export interface PlanAction {
  /** The question this action answers, with its id. */
  itemId: string;
  question: string;
  status: Status;
  statusLabel: string;
  text: string;
  cite: Citation;
  source: string;
  phase: Phase;
  /** Month of the plan (1-based) and the date that month starts. */
  month: number;
  monthLabel: string;
  due: string;
  owner: string;
  hasOwner: boolean;
  note?: string;
}

export interface PlanModel {
  schemaVersion: 1;
  org: { name: string; programType: string; programLabel: string; startDate: string; startLabel: string; respondent?: string };
  date: string;
  dateLabel: string;
  timeline: {
    bandId: BandId;
    label: string;
    months: number;
    minimum: boolean;
    trueCount: number;
    total: number;
    notSure: number;
    why: string;
    decision?: string;
    source: string;
    fixed: boolean;
    endDate: string;
    endLabel: string;
  };
  overall: Tally;
  sections: { instrument: string; title: string; source: string; tally: Tally }[];
  phases: {
    id: Phase;
    title: string;
    summary: string;
    firstMonth: number;
    lastMonth: number;
    monthsLabel: string;
    startDate: string;
    endDate: string;
    dateRange: string;
    actionCount: number;
    months: { month: number; label: string; date: string; actions: PlanAction[]; empty: boolean }[];
  }[];
  actions: PlanAction[];
  strengths: { itemId: string; text: string; source: string; note?: string }[];
  /** `statement` is set for a true/false statement, which the plan asks about rather than quotes as a question. */
  followUps: { itemId: string; question: string; statement: boolean; source: string; note?: string }[];
  speedUps?: { intro: string; options: { title: string; text: string; source: string }[] };
  reflection?: {
    flagged: boolean;
    rule: string;
    verdict: string;
    /** Word counts of the two sides, shown so that the check explains itself. */
    motivationWords: number;
    challengeWords: number;
    source: string;
    answers: { question: string; side: string; answer: string; blank: boolean }[];
  };
  readinessRule: string;
  notes: { itemId: string; question: string; note: string }[];
  /** Milestones: each phase's dates, and a Mermaid gantt chart of them. */
  schedule: {
    gantt: string;
    milestones: { title: string; monthsLabel: string; start: string; end: string; actionCount: number }[];
  };
  /** "Requirements for this role", from the role pack for the program type. */
  role?: {
    title: string;
    intro: string;
    source: string;
    requirements: { topic: string; points: { text: string; source: string }[] }[];
  };
  toolkit?: {
    jobDescription: {
      intro: string;
      components: { name: string; text: string; source: string }[];
      outOfRole: { intro: string; duties: { text: string; source: string }[] };
      templateFields: { field: string; guidance: string; source: string }[];
    };
    interview?: { role: string; areas: { area: string; questions: string[]; source: string }[] };
    interviewLimits: { intro: string; neverAsk: { text: string; source: string }[]; mayAsk: { text: string; source: string }[] };
    payModels: { name: string; text: string; tradeOffs: string; source: string }[];
    /** Misconceptions worth raising with staff, each with the gaps that make it relevant. */
    misconceptions: { myth: string; answer: string; source: string; gaps: { itemId: string; question: string }[] }[];
  };
  /** Every document the plan cites, in full, for the Sources list at its end. */
  sources: SourceEntry[];
  /** Present when several respondents' answers were combined (peer-ready merge). */
  merge?: {
    respondents: string[];
    respondentList: string;
    rule: string;
    agreed: number;
    disagreements: { itemId: string; question: string; combined: string; views: { role: string; answer: string }[]; viewList: string }[];
    /** Every item, agreed or not: "All 3: yes" or who said what. */
    items: { itemId: string; question: string; combined: string; agree: boolean; summary: string }[];
    unanswered: { itemId: string; question: string }[];
  };
}

const STATUS_LABEL: Record<Status, string> = {
  met: 'Met',
  partly: 'Partly met',
  'not-met': 'Not met',
  'not-sure': 'Not sure',
};

const PHASE_ORDER: Phase[] = ['foundation', 'policy', 'hiring', 'support'];

export function buildPlan(
  qs: readonly Questionnaire[],
  content: PlanContent,
  a: Assessment,
  date: string,
  opts: { merged?: Merged; role?: RolePack; toolkit?: Toolkit } = {},
): PlanModel {
  const ordered = [...qs].sort((x, y) => x.order - y.order);
  const { answers, profile } = a;
  const tl = timelineBand(ordered, answers, content);
  const months = tl.band.months;
  // The first day of each month of the plan (and of the month after it), worked out once.
  const starts = Array.from({ length: months + 2 }, (_, i) => (i === 0 ? '' : addMonths(profile.startDate, i - 1)));
  const monthStart = (m: number) => starts[m] ?? addMonths(profile.startDate, m - 1);
  const labels = starts.map((d) => (d ? monthYear(d) : ''));
  const monthLabel = (m: number) => labels[m] ?? monthYear(monthStart(m));

  // Gaps, strengths and follow-ups, in questionnaire order.
  const gaps: { itemId: string; question: string; status: Status; phase: Phase; actions: CitedText[]; note?: string; owner?: string }[] = [];
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
          actions: item.actions.map((x) => ({ text: x.text, cite: x.cite, source: formatCitation(x.cite) })),
          note: ans.note,
          owner: ans.owner,
        });
      }
    }
  }

  const refl = reflection(ordered, answers, content.reflection.wordRatio);
  if (refl?.flagged) {
    // The handbook's rule: evaluate further first. It leads the foundation phase.
    gaps.unshift({
      itemId: 'reflection',
      question: 'Motivation self-assessment',
      status: 'not-met',
      phase: 'foundation',
      actions: [{ text: content.reflection.flagged, cite: content.reflection.cite, source: formatCitation(content.reflection.cite) }],
    });
  }

  // Lay each phase's actions over its months, in turn, so no month carries the whole phase.
  const actions: PlanAction[] = [];
  const phases: PlanModel['phases'] = [];
  for (const phaseId of PHASE_ORDER) {
    const p = content.phases.find((x) => x.id === phaseId)!;
    const [first, last] = p.months[tl.bandId];
    const span = last - first + 1;
    const phaseActions: PlanAction[] = [];
    let k = 0;
    for (const gap of gaps.filter((g) => g.phase === phaseId)) {
      for (const act of gap.actions) {
        const month = first + (k++ % span);
        phaseActions.push({
          itemId: gap.itemId,
          question: gap.question,
          status: gap.status,
          statusLabel: STATUS_LABEL[gap.status],
          text: act.text,
          cite: act.cite,
          source: act.source,
          phase: phaseId,
          month,
          monthLabel: monthLabel(month),
          due: monthStart(month),
          owner: gap.owner ?? '',
          hasOwner: !!gap.owner,
          ...(gap.note ? { note: gap.note } : {}),
        });
      }
    }
    phaseActions.sort((x, y) => x.month - y.month);
    actions.push(...phaseActions);
    const end = dayBefore(monthStart(last + 1));
    phases.push({
      id: phaseId,
      title: p.title,
      summary: p.summary,
      firstMonth: first,
      lastMonth: last,
      monthsLabel: first === last ? `month ${first}` : `months ${first}–${last}`,
      startDate: monthStart(first),
      endDate: end,
      dateRange: `${longDate(monthStart(first))} – ${longDate(end)}`,
      actionCount: phaseActions.length,
      months: Array.from({ length: span }, (_, i) => {
        const m = first + i;
        const acts = phaseActions.filter((x) => x.month === m);
        return { month: m, label: monthLabel(m), date: monthStart(m), actions: acts, empty: acts.length === 0 };
      }),
    });
  }

  const endDate = dayBefore(monthStart(months + 1));
  const overall = sectionScores(ordered, answers, content);
  const all = tally(allStatuses, content);

  const model: Omit<PlanModel, 'sources'> = {
    schemaVersion: 1,
    org: {
      name: profile.name,
      programType: profile.programType,
      programLabel: PROGRAM_TYPES[profile.programType],
      startDate: profile.startDate,
      startLabel: longDate(profile.startDate),
      ...(profile.respondent ? { respondent: profile.respondent } : {}),
    },
    date,
    dateLabel: longDate(date),
    timeline: {
      bandId: tl.bandId,
      label: tl.band.label,
      months,
      minimum: tl.band.minimum,
      trueCount: tl.trueCount,
      total: tl.total,
      notSure: tl.notSure,
      why: tl.band.why,
      ...(tl.band.decision ? { decision: tl.band.decision } : {}),
      source: formatCitation(tl.band.cite),
      fixed: profile.timelineFixed,
      endDate,
      endLabel: longDate(endDate),
    },
    overall: all,
    sections: overall.map((s) => ({
      instrument: s.questionnaire.short,
      title: s.section.title,
      source: formatCitation(s.section.cite),
      tally: s.tally,
    })),
    phases,
    actions,
    strengths,
    followUps,
    ...(profile.timelineFixed
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
      gantt: gantt(phases),
      milestones: phases.map((p) => ({
        title: p.title,
        monthsLabel: p.monthsLabel,
        start: longDate(p.startDate),
        end: longDate(p.endDate),
        actionCount: p.actionCount,
      })),
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
    ...(opts.merged ? { merge: mergeView(qs, opts.merged) } : {}),
  };
  return { ...model, sources: citedSources(model) };
}

function mergeView(qs: readonly Questionnaire[], m: Merged): NonNullable<PlanModel['merge']> {
  const text = new Map(qs.flatMap((q) => q.sections.flatMap((s) => s.items.map((i) => [i.id, i.text] as const))));
  return {
    respondents: m.respondents,
    respondentList: m.respondents.join(', '),
    rule: MERGE_RULE,
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

/** A Mermaid gantt chart of the phases. Built from our own phase titles, stripped of Mermaid syntax. */
function gantt(phases: PlanModel['phases']): string {
  const safe = (t: string) => t.replace(/[:;#`\n\r{}[\]<>]/g, ' ').replace(/\s+/g, ' ').trim();
  const lines = ['gantt', '  title Readiness plan phases', '  dateFormat YYYY-MM-DD', '  axisFormat %b %Y'];
  phases.forEach((p, i) => {
    lines.push(`  section ${safe(p.title)}`, `  ${safe(p.title)} (${p.actionCount} tasks) :p${i + 1}, ${p.startDate}, ${p.endDate}`);
  });
  return lines.join('\n');
}

function toolkitView(
  t: Toolkit,
  role: RolePack | undefined,
  profile: Assessment['profile'],
  gaps: { itemId: string; question: string }[],
): NonNullable<PlanModel['toolkit']> {
  const fill = (s: string) => s.replaceAll('{organisation}', profile.name).replaceAll('{program}', PROGRAM_TYPES[profile.programType]);
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
