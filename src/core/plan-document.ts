// Turning an assessment into the plan document, in any of the output formats.
import { UnknownProgram, type Assessment, type ProgramType } from './answers.js';
import { InputError } from './errors.js';
import type { Merged } from './merge.js';
import type { PlanContent } from './plan-content.js';
import { buildPlan, type PlanModel } from './plan.js';
import { applicable, type Questionnaire } from './questionnaire.js';
import { planView } from './plan-summary.js';
import { render, type Templates } from './render.js';
import { toolkitFor, type RolePack, type Toolkit } from './role-pack.js';
import type { Milestones } from './schedule.js';
import type { Work } from './plan/work.js';

export interface Catalog {
  /** The four instruments every assessment has. */
  questionnaires: Questionnaire[];
  content: PlanContent;
  templates: Templates;
  roles: Partial<Record<ProgramType, RolePack>>;
  toolkit: Toolkit;
  /** The hiring milestones and scheduling rule (templates/milestones.yaml). */
  milestones: Milestones;
  /** The work catalogue (templates/work.yaml): each piece of work once. */
  work: Work[];
}

export { FORMATS, type Format } from './output-formats.js';
import type { Format } from './output-formats.js';

/** The order role questions take, after the four instruments. */
const ROLE_ORDER = 100;

/**
 * The instruments for one program type: the four shared ones, then the role pack's own questions,
 * if any; of these, only what is in the program's scope (see `applicable`).
 */
export function questionnairesFor(catalog: Catalog, programType: ProgramType): Questionnaire[] {
  const shared = applicable(catalog.questionnaires, programType);
  const pack = Object.hasOwn(catalog.roles, programType) ? catalog.roles[programType] : undefined;
  if (!pack) throw unknownProgram(catalog, programType);
  if (pack.questions.length === 0) return shared;
  return [
    ...shared,
    {
      id: `role-${programType}`,
      order: ROLE_ORDER,
      title: `Role requirements: ${pack.title}`,
      short: 'Role requirements',
      intro: pack.intro,
      cite: pack.cite,
      scoring: 'readiness',
      sections: pack.questions,
    },
  ];
}

/** The program types, in the wizard's order: one per role pack. */
export function programTypes(catalog: Catalog): { value: ProgramType; label: string }[] {
  return Object.values(catalog.roles).map((r) => ({ value: r!.programType, label: r!.label }));
}

/** An InputError without a file (the caller knows it): validateAnswers adds it. */
export function unknownProgram(catalog: Catalog, programType: string): InputError {
  return new UnknownProgram(Object.keys(catalog.roles), programType);
}

export function planModel(catalog: Catalog, a: Assessment, date: string, opts: { merged?: Merged } = {}): PlanModel {
  const qs = questionnairesFor(catalog, a.profile.programType);
  const pt = a.profile.programType;
  return buildPlan(qs, catalog.content, a, date, { ...opts, role: catalog.roles[pt], toolkit: toolkitFor(catalog.toolkit, pt), milestones: catalog.milestones, work: catalog.work });
}

export function planMarkdown(catalog: Catalog, model: PlanModel): string {
  return tidy(render(catalog.templates, 'plan.md', planView(model)));
}

/** Collapse the blank lines empty sections leave behind, drop trailing spaces, and end with one newline. */
export function tidy(text: string): string {
  let t = text.includes('\n\n\n') ? text.replace(/\n{3,}/g, '\n\n') : text;
  // Two trailing spaces would make a hard line break; none is wanted.
  if (t.includes(' \n') || t.includes('\t\n')) t = t.replace(/[ \t]+$/gm, '');
  return t.trimEnd() + '\n';
}

export async function renderModel(catalog: Catalog, model: PlanModel, format: Format): Promise<string> {
  if (format === 'json') return JSON.stringify(model, null, 2) + '\n';
  // Each export's code is loaded only when it is chosen.
  if (format === 'csv') return (await import('./plan-csv.js')).planCsv(model);
  if (format === 'ics') return (await import('./plan-ics.js')).planIcs(model);
  const md = planMarkdown(catalog, model);
  if (format === 'md') return md;
  const { markdownToHtml } = await import('./html-page.js');
  return markdownToHtml(md, `Peer support readiness plan: ${model.org.name}`);
}

export async function formatPlan(catalog: Catalog, a: Assessment, date: string, format: Format, opts: { merged?: Merged } = {}): Promise<string> {
  return renderModel(catalog, planModel(catalog, a, date, opts), format);
}
