// The questionnaires, plan content and templates that ship with peer-ready, loaded and
// checked. From a clone (tests, development) they are read from the repository's data
// folders and validated on first use. The build (scripts/build.mjs) runs this same code over
// the same files and embeds the validated result in dist/cli.js, replacing this module, so the
// published file needs nothing beside it and does not redo the work at every start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../core/plan-document.js';
import { checkCatalog, type DataFile } from './check.js';

/** Every data file below questionnaires/ and templates/, in a stable order. */
export function readDataFiles(root: string): DataFile[] {
  const out: DataFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const file = `${dir}/${name}`;
      if (statSync(join(root, file)).isDirectory()) {
        walk(file);
        continue;
      }
      const text = readFileSync(join(root, file), 'utf8');
      if (/\.ya?ml$/.test(name)) out.push({ file, data: parseYaml(text) });
      else if (name.endsWith('.mustache')) out.push({ file, text });
    }
  };
  walk('questionnaires');
  walk('templates');
  return out;
}

let cached: Catalog | undefined;

export function builtinCatalog(root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')): Catalog {
  return (cached ??= checkCatalog(readDataFiles(root)));
}
