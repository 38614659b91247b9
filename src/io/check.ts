// Checking data files: every questionnaire, role pack, the plan content, the toolkit and the
// templates, against their zod schemas and against each other. A problem names the file and
// the field (or, for a template, the line).
import { DEFAULT_PROGRAM, type ProgramType } from '../core/answers.js';
import { InputError } from '../core/errors.js';
import type { Catalog } from '../core/plan-document.js';
import { PlanContentSchema, QUIZ_STATEMENTS, type PlanContent } from '../core/plan-content.js';
import { QuestionnaireSchema, type Questionnaire } from '../core/questionnaire.js';
import { checkTemplates, type Templates } from '../core/render.js';
import { RolePackSchema, ToolkitSchema, type RolePack, type Toolkit } from '../core/role-pack.js';
import { checkSchedule, MilestonesSchema, REFLECTION_TASK, type Milestones } from '../core/schedule.js';
import { WorkCatalogSchema, type Work } from '../core/plan/work.js';

export interface DataFile {
  /** Path shown in messages, e.g. "questionnaires/stage1.yaml". */
  file: string;
  /** YAML/JSON files arrive parsed; templates arrive as text. */
  data?: unknown;
  text?: string;
}

export function checkQuestionnaires(files: { file: string; data: unknown }[]): Questionnaire[] {
  const qs: Questionnaire[] = [];
  const seenIds = new Map<string, string>();
  for (const f of files) {
    const r = QuestionnaireSchema.safeParse(f.data, { reportInput: true });
    if (!r.success) throw InputError.fromZod(f.file, r.error);
    const q = r.data;
    const sectionIds = new Set<string>();
    q.sections.forEach((s, si) => {
      if (sectionIds.has(s.id)) throw new InputError(f.file, `sections[${si}].id`, `section id "${s.id}" is used twice`);
      sectionIds.add(s.id);
      s.items.forEach((item, ii) => {
        const prev = seenIds.get(item.id);
        if (prev) throw new InputError(f.file, `sections[${si}].items[${ii}].id`, `item id "${item.id}" is also used in ${prev}`);
        seenIds.set(item.id, f.file);
        if (item.type === 'choice') {
          const vals = item.choices.map((c) => c.value);
          const dup = vals.find((v, i) => vals.indexOf(v) !== i);
          if (dup) throw new InputError(f.file, `sections[${si}].items[${ii}].choices`, `choice "${dup}" is listed twice`);
          if (vals.includes('not-sure')) throw new InputError(f.file, `sections[${si}].items[${ii}].choices`, '"not-sure" is added to every question; do not list it');
        }
      });
    });
    qs.push(q);
  }
  const timeline = qs.filter((q) => q.scoring === 'timeline');
  if (timeline.length !== 1) {
    throw new InputError('questionnaires', '', `exactly one questionnaire must have "scoring: timeline" (found ${timeline.length})`);
  }
  return qs.sort((a, b) => a.order - b.order);
}

/** The role packs, by program type, in the wizard's order (their `order`, then their id). */
export function checkRoles(files: readonly DataFile[], questionnaires: readonly Questionnaire[]): Record<ProgramType, RolePack> {
  const roles: Record<ProgramType, RolePack> = {};
  const ids = new Set(questionnaires.flatMap((q) => q.sections.flatMap((s) => s.items.map((i) => i.id))));
  for (const f of files) {
    const r = RolePackSchema.safeParse(f.data, { reportInput: true });
    if (!r.success) throw InputError.fromZod(f.file, r.error);
    const pack = r.data;
    if (Object.hasOwn(roles, pack.programType)) throw new InputError(f.file, 'programType', `another role pack is already for "${pack.programType}"`);
    pack.questions.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (ids.has(item.id)) throw new InputError(f.file, `questions[${si}].items[${ii}].id`, `item id "${item.id}" is used elsewhere`);
        ids.add(item.id);
      }),
    );
    roles[pack.programType] = pack;
  }
  if (!Object.hasOwn(roles, DEFAULT_PROGRAM)) throw new InputError('questionnaires/roles', '', `a role pack for "${DEFAULT_PROGRAM}" is needed (the default program type)`);
  const order = (p: RolePack) => [p.order, p.programType] as const;
  const sorted = Object.values(roles).sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1].localeCompare(order(b)[1]));
  return Object.fromEntries(sorted.map((p) => [p.programType, p]));
}

export function checkPlanContent(f: DataFile): PlanContent {
  const content = PlanContentSchema.safeParse(f.data, { reportInput: true });
  if (!content.success) throw InputError.fromZod(f.file, content.error);
  return content.data;
}

export function checkMilestones(f: DataFile): Milestones {
  const r = MilestonesSchema.safeParse(f.data, { reportInput: true });
  if (!r.success) throw InputError.fromZod(f.file, r.error);
  return r.data;
}

export function checkWork(f: DataFile): Work[] {
  const r = WorkCatalogSchema.safeParse(f.data, { reportInput: true });
  if (!r.success) throw InputError.fromZod(f.file, r.error);
  return r.data.work;
}

/** The order data across all files: `after` ids that exist, no cycle, windows that can be met. */
export function checkOrder(
  questionnaireFiles: readonly { file: string; data: Questionnaire }[],
  roleFiles: readonly { file: string; data: RolePack }[],
  milestones: Milestones,
  milestonesFile: string,
  content: PlanContent,
  contentFile: string,
  work: readonly Work[] = [],
  workFile = 'templates/work.yaml',
): void {
  const extra = [
    { key: REFLECTION_TASK, file: contentFile, where: 'reflection' },
    ...Object.entries(content.bands).flatMap(([id, b]) => (b.firstTask ? [{ key: b.firstTask.id, file: contentFile, where: `bands.${id}.firstTask` }] : [])),
    ...content.speedUps.options.flatMap((o, i) => (o.id ? [{ key: o.id, file: contentFile, where: `speedUps.options[${i}]` }] : [])),
  ];
  checkSchedule(
    [
      ...questionnaireFiles.map((f) => ({ file: f.file, questionnaire: f.data, where: 'sections' })),
      ...roleFiles.map((f) => ({ file: f.file, questionnaire: { sections: f.data.questions }, where: 'questions' })),
    ],
    work.map((w, i) => ({ file: workFile, where: `work[${i}]`, work: w })),
    milestones,
    milestonesFile,
    content,
    extra,
  );
}

/** The hiring toolkit appendix; its misconceptions must point at questions that exist. */
export function checkToolkit(f: DataFile, questionnaires: readonly Questionnaire[]): Toolkit {
  const toolkit = ToolkitSchema.safeParse(f.data, { reportInput: true });
  if (!toolkit.success) throw InputError.fromZod(f.file, toolkit.error);
  const known = new Set(questionnaires.flatMap((q) => q.sections.flatMap((s) => s.items.map((it) => it.id))));
  for (const [i, m] of toolkit.data.misconceptions.entries()) {
    for (const id of m.relatedItems) {
      if (!known.has(id)) throw new InputError(f.file, `misconceptions[${i}].relatedItems`, `no question has the id "${id}"`);
    }
  }
  return toolkit.data;
}

/** Mustache files, by name without ".mustache" ("plan.md.mustache" is the template "plan.md"). */
export function templatesFrom(files: readonly DataFile[], prefix = ''): Templates {
  const templates: Templates = {};
  for (const f of files) {
    const name = f.file.slice(prefix.length);
    if (name.endsWith('.mustache') && f.text !== undefined) templates[name.replace(/\.mustache$/, '')] = { text: f.text, file: f.file };
  }
  return templates;
}

/**
 * Every `scope` in a data file names program types that exist. The program types are the role
 * packs, so this is checked against the loaded packs rather than a list in the schema.
 */
export function checkScopes(f: DataFile, programs: readonly string[]): void {
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const here = path ? `${path}.${k}` : k;
        if (k === 'scope' && Array.isArray(x)) {
          x.forEach((p, i) => {
            if (!programs.includes(p)) throw new InputError(f.file, `${here}[${i}]`, `must be one of: ${programs.join(', ')} (got "${String(p)}")`);
          });
        } else walk(x, here);
      }
    }
  };
  walk(f.data, '');
}

/** The whole built-in catalog from its data files. */
export function checkCatalog(files: readonly DataFile[]): Catalog {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const need = (file: string) => {
    const f = byFile.get(file);
    if (!f) throw new InputError(file, '', 'is missing');
    return f;
  };
  const questionnaires = checkQuestionnaires(files.filter((f) => /^questionnaires\/[^/]+$/.test(f.file)).map((f) => ({ file: f.file, data: f.data })));
  const roleFiles = files.filter((f) => f.file.startsWith('questionnaires/roles/'));
  const roles = checkRoles(roleFiles, questionnaires);
  for (const f of files) if (f.data !== undefined) checkScopes(f, Object.keys(roles));
  const content = checkPlanContent(need('templates/plan.yaml'));
  const quiz = questionnaires.find((q) => q.scoring === 'timeline')!;
  const statements = quiz.sections.reduce((n, s) => n + s.items.length, 0);
  if (statements !== QUIZ_STATEMENTS) {
    throw new InputError(`questionnaires (${quiz.id})`, 'sections', `the timeline quiz has ${statements} statements; the bands in templates/plan.yaml are for ${QUIZ_STATEMENTS}`);
  }
  const milestones = checkMilestones(need('templates/milestones.yaml'));
  const work = checkWork(need('templates/work.yaml'));
  checkOrder(
    questionnaires.map((q) => ({ file: files.find((f) => f.data !== undefined && (f.data as { id?: unknown }).id === q.id && /^questionnaires\/[^/]+$/.test(f.file))?.file ?? 'questionnaires', data: q })),
    Object.values(roles).map((r) => ({ file: roleFiles.find((f) => (f.data as { programType?: unknown }).programType === r.programType)?.file ?? 'questionnaires/roles', data: r })),
    milestones,
    'templates/milestones.yaml',
    content,
    'templates/plan.yaml',
    work,
  );
  const toolkit = checkToolkit(need('templates/toolkit.yaml'), questionnaires);
  const templates = templatesFrom(files.filter((f) => f.file.startsWith('templates/')), 'templates/');
  checkTemplates(templates);
  return { questionnaires, content, templates, roles, toolkit, milestones, work };
}
