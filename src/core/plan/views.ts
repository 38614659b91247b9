// Parts of the plan model that only lay out data the plan already has: the merge view, the
// Mermaid gantt chart and the hiring toolkit appendix.
import type { Assessment } from '../answers.js';
import { STATUS_LABEL } from '../labels.js';
import type { Merged } from '../merge.js';
import type { PlanMilestone, PlanModel } from '../plan-json-schema.js';
import { formatCitation, type Questionnaire } from '../questionnaire.js';
import type { RolePack, Toolkit } from '../role-pack.js';

export function mergeView(qs: readonly Questionnaire[], m: Merged, rule: string): NonNullable<PlanModel['merge']> {
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
export function gantt(phases: PlanModel['phases'], milestones: readonly PlanMilestone[]): string {
  const lines = ['gantt', '  title Readiness plan', '  dateFormat YYYY-MM-DD', '  axisFormat %b %-d, %Y'];
  phases.forEach((p, i) => {
    lines.push(`  section ${safe(p.title)}`, `  ${safe(p.title)} (${p.actionCount} tasks) :p${i + 1}, ${p.startDate}, ${p.endDate}`);
  });
  if (milestones.length) lines.push('  section Milestones');
  milestones.forEach((m, i) => lines.push(`  ${safe(m.title)} :milestone, m${i + 1}, ${m.date}, 0d`));
  return lines.join('\n');
}

export function toolkitView(
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
