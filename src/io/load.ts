// Loading and checking the data files: questionnaires, plan content and templates.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import type { Catalog } from '../core/format.js';
import { PlanContentSchema } from '../core/plan-content.js';
import { RolePackSchema, ToolkitSchema, type RolePack, type Toolkit } from '../core/role-pack.js';
import type { ProgramType } from '../core/answers.js';
import { QuestionnaireSchema, type Questionnaire } from '../core/questionnaire.js';
import { checkTemplates, type Templates } from '../core/render.js';
import { builtinFiles, type DataFile } from './builtin.js';

export type { Catalog };

export function checkQuestionnaires(files: { file: string; data: unknown }[]): Questionnaire[] {
  const qs: Questionnaire[] = [];
  const seenIds = new Map<string, string>();
  for (const f of files) {
    const r = QuestionnaireSchema.safeParse(f.data);
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

function fromDir(dir: string): DataFile[] {
  if (!existsSync(dir)) throw new UsageError(`--templates: ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`--templates: ${dir} is not a directory`);
  return readdirSync(dir)
    .sort()
    .filter((n) => n.endsWith('.mustache') || n === 'plan.yaml' || n === 'toolkit.yaml')
    .map((n) => ({ file: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
}

/**
 * The built-in catalog, with templates (and plan.yaml) from `templatesDir` taking the place of
 * built-in files of the same name; files it does not provide fall back to the built-in ones.
 */
export async function loadCatalog(templatesDir?: string): Promise<Catalog> {
  const files = builtinFiles();
  const byName = new Map<string, DataFile>();
  for (const f of files) if (f.file.startsWith('templates/')) byName.set(f.file.slice('templates/'.length), f);
  if (templatesDir) {
    for (const f of fromDir(templatesDir)) {
      const name = f.file.slice(templatesDir.length).replace(/^[\\/]+/, '');
      if (name.endsWith('.yaml')) {
        const { parseYamlText } = await import('./yaml.js');
        byName.set(name, { file: f.file, data: parseYamlText(f.text!, f.file) });
      } else byName.set(name, f);
    }
  }
  const questionnaires = checkQuestionnaires(
    files.filter((f) => /^questionnaires\/[^/]+$/.test(f.file)).map((f) => ({ file: f.file, data: f.data })),
  );
  const contentFile = byName.get('plan.yaml');
  if (!contentFile) throw new Error('internal: templates/plan.yaml is missing from the build');
  const content = PlanContentSchema.safeParse(contentFile.data);
  if (!content.success) throw InputError.fromZod(contentFile.file, content.error);
  const roles = checkRoles(files.filter((f) => f.file.startsWith('questionnaires/roles/')), questionnaires);
  const toolkit = checkToolkit(byName.get('toolkit.yaml'), questionnaires);
  const templates: Templates = {};
  for (const [name, f] of byName) {
    if (name.endsWith('.mustache')) templates[name.replace(/\.mustache$/, '')] = { text: f.text!, file: f.file };
  }
  checkTemplates(templates);
  return { questionnaires, content: content.data, templates, roles, ...(toolkit ? { toolkit } : {}) };
}

/** The hiring toolkit appendix; without a toolkit.yaml the plan simply has no appendix. */
function checkToolkit(f: DataFile | undefined, questionnaires: readonly Questionnaire[]): Toolkit | undefined {
  if (!f) return undefined;
  const toolkit = ToolkitSchema.safeParse(f.data);
  if (!toolkit.success) throw InputError.fromZod(f.file, toolkit.error);
  const known = new Set(questionnaires.flatMap((q) => q.sections.flatMap((s) => s.items.map((it) => it.id))));
  for (const [i, m] of toolkit.data.misconceptions.entries()) {
    for (const id of m.relatedItems) {
      if (!known.has(id)) throw new InputError(f.file, `misconceptions[${i}].relatedItems`, `no question has the id "${id}"`);
    }
  }
  return toolkit.data;
}

export function checkRoles(files: readonly DataFile[], questionnaires: readonly Questionnaire[]): Partial<Record<ProgramType, RolePack>> {
  const roles: Partial<Record<ProgramType, RolePack>> = {};
  const ids = new Set(questionnaires.flatMap((q) => q.sections.flatMap((s) => s.items.map((i) => i.id))));
  for (const f of files) {
    const r = RolePackSchema.safeParse(f.data);
    if (!r.success) throw InputError.fromZod(f.file, r.error);
    const pack = r.data;
    if (roles[pack.programType]) throw new InputError(f.file, 'programType', `another role pack is already for "${pack.programType}"`);
    pack.questions.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (ids.has(item.id)) throw new InputError(f.file, `questions[${si}].items[${ii}].id`, `item id "${item.id}" is used elsewhere`);
        ids.add(item.id);
      }),
    );
    roles[pack.programType] = pack;
  }
  return roles;
}
