// The built-in catalog (questionnaires, role packs, plan content, toolkit, templates), loaded
// and validated by the project's own code (src/io/builtin.ts, bundled for the purpose) exactly
// as a clone loads it. A broken data file fails the build with the message a user would see.
// The validated result replaces src/io/builtin.ts in the bundle, as one JSON string:
// JSON.parse is much cheaper at start-up than an object literal of the same size.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function validatedCatalog(root) {
  const check = await build({
    entryPoints: [join(root, 'src', 'io', 'builtin.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    external: ['yaml'],
    logLevel: 'warning',
  });
  const tmp = join(root, 'node_modules', '.cache', 'peer-ready');
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, `catalog-check-${process.pid}.mjs`);
  writeFileSync(file, check.outputFiles[0].text);
  try {
    const { builtinCatalog } = await import(pathToFileURL(file).href);
    return builtinCatalog(root);
  } catch (e) {
    console.error(`build: the data files do not check out: ${e.message}`);
    process.exit(1);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Replaces src/io/builtin.ts with the validated catalog. */
export function embedCatalog(catalog) {
  const json = JSON.stringify(catalog);
  return {
    name: 'embed-catalog',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]io[\\/]builtin\.ts$/ }, () => ({
        contents: `let catalog;\nexport function builtinCatalog() { return (catalog ??= JSON.parse(${JSON.stringify(json)})); }\n`,
        loader: 'js',
      }));
    },
  };
}
