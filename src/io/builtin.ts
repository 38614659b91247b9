// The questionnaires, plan content and templates that ship with peer-ready.
// From a clone (tests, `npm run dev`) they are read from the repository's data folders.
// In the published bundle the build replaces this module with the same files, already
// parsed (scripts/build.mjs), so the single dist file needs nothing beside it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export interface DataFile {
  /** Path shown in messages, e.g. "questionnaires/stage1.yaml". */
  file: string;
  /** YAML/JSON files arrive parsed; templates arrive as text. */
  data?: unknown;
  text?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every data file below questionnaires/ and templates/, in a stable order. */
export function builtinFiles(): DataFile[] {
  const out: DataFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const file = `${dir}/${name}`;
      if (statSync(join(root, file)).isDirectory()) {
        walk(file);
        continue;
      }
      if (/\.ya?ml$/.test(name)) out.push({ file, data: parseYaml(readFileSync(join(root, file), 'utf8')) });
      else if (name.endsWith('.mustache')) out.push({ file, text: readFileSync(join(root, file), 'utf8') });
    }
  };
  walk('questionnaires');
  walk('templates');
  return out;
}
