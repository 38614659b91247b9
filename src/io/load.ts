// The catalog a run works with: the built-in one, with the user's own templates (and plan.yaml
// or toolkit.yaml) from --templates DIR in place of built-in files of the same name. Files
// the folder does not provide fall back to the built-in ones; what it provides is checked.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Catalog } from '../core/plan-document.js';
import { checkTemplates } from '../core/render.js';
import { readTextFile } from './answers-file.js';
import { builtinCatalog } from './builtin.js';
import type { DataFile } from './check.js';

export type { Catalog };

export async function loadCatalog(templatesDir?: string): Promise<Catalog> {
  const base = builtinCatalog();
  if (!templatesDir) return base;
  if (!existsSync(templatesDir)) throw new UsageError(`--templates: ${templatesDir} does not exist`);
  if (!statSync(templatesDir).isDirectory()) throw new UsageError(`--templates: ${templatesDir} is not a directory`);
  // The checks (and the zod schemas behind them) load only when there is something to check.
  const { checkPlanContent, checkScopes, checkToolkit, templatesFrom } = await import('./check.js');
  let names: string[];
  try {
    names = readdirSync(templatesDir).sort();
  } catch (e) {
    throw new UsageError(`--templates: cannot read ${templatesDir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const files: DataFile[] = names
    .filter((n) => n.endsWith('.mustache'))
    .map((n) => ({ file: join(templatesDir, n), text: readTextFile(join(templatesDir, n), 'a template') }));
  const yamlFile = async (name: string): Promise<DataFile | undefined> => {
    if (!names.includes(name)) return undefined;
    const file = join(templatesDir, name);
    const { parseYamlText } = await import('./yaml.js');
    return { file, data: parseYamlText(readTextFile(file, 'a YAML file'), file) };
  };
  const own = templatesFrom(files, join(templatesDir, '/'));
  for (const t of Object.values(own)) t.custom = true;
  const templates = { ...base.templates, ...own };
  checkTemplates(templates);
  const contentFile = await yamlFile('plan.yaml');
  const toolkitFile = await yamlFile('toolkit.yaml');
  return {
    ...base,
    templates,
    ...(contentFile ? { content: checkPlanContent(contentFile) } : {}),
    ...(toolkitFile ? { toolkit: (checkScopes(toolkitFile, Object.keys(base.roles)), checkToolkit(toolkitFile, base.questionnaires)) } : {}),
  };
}
