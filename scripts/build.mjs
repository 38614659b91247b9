// Builds dist/cli.js: one ESM file with everything inside it and zero runtime dependencies,
// like create-vite, and dist/cli.js.map, read only to explain an internal error. Inside
// cli.js are two bundles, kept as source text:
//
//   app     the CLI and the scripted path (zod, mustache, the validated catalog embedded)
//   wizard  Ink, React and conf; compiled only when the wizard or --list runs
//
// A small loader compiles each with node:vm and keeps V8's code cache in a per-user cache
// folder, so after the first run neither is compiled again. Without a usable cache folder it
// simply compiles every time; PEER_READY_NO_COMPILE_CACHE=1 turns the cache off. Why this and
// not a plain esbuild build with code splitting (and module.enableCompileCache() on Node 22+):
// see "How the single file is built" in the README, which has the figures.
//
// The patches to upstream code each live in their own plugin in scripts/esbuild-plugins/, which
// says why it exists; test/build-plugins.test.ts fails when an upstream release moves the code.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedCatalog, validatedCatalog } from './esbuild-plugins/embed-catalog.mjs';
import { inkDevtools } from './esbuild-plugins/ink-devtools.mjs';
import { oneStringWidth } from './esbuild-plugins/one-string-width.mjs';
import { sliceAnsiLazySegmenter } from './esbuild-plugins/slice-ansi-lazy-segmenter.mjs';
import { stringWidthLazySegmenter } from './esbuild-plugins/string-width-lazy-segmenter.mjs';
import { yogaNoFetch } from './esbuild-plugins/yoga-no-fetch.mjs';
import { yogaNoTopLevelAwait } from './esbuild-plugins/yoga-no-top-level-await.mjs';
import { loaderSource, packBundles, WRAP_LINES } from './loader.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SHARED = '__peer_ready_shared'; // the loader passes this object to both bundles
// The oldest Node that runs peer-ready, from package.json ("engines": {"node": ">=22.12"}).
const minNode = /^>=\s*(\d+\.\d+)$/.exec(pkg.engines?.node ?? '')?.[1];
if (!minNode) throw new Error(`package.json: engines.node must read ">=MAJOR.MINOR" (got ${JSON.stringify(pkg.engines?.node)})`);

const catalog = await validatedCatalog(root);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  minify: !process.env.PEER_READY_NO_MINIFY,
  charset: 'ascii',
  legalComments: 'none',
  metafile: true,
  write: false,
  // Positions only (no sources inside): the map turns an internal error's stack into src/ lines.
  sourcemap: 'external',
  sourcesContent: false,
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __PEER_READY_VERSION__: JSON.stringify(pkg.version),
    'import.meta.url': 'undefined',
  },
  logLevel: 'warning',
};

// The early frame (src/io/early-frame.ts) runs first thing, from the loader, before either bundle
// is read: it is compiled on its own here and put in the loader, and both bundles receive that
// same instance (the frame it drew, and where to keep the next one).
const EARLY = '__peer_ready_early';
const earlyEntry = join(root, 'src', 'io', 'early-frame.ts');
const earlyFrame = await build({ ...common, entryPoints: [earlyEntry], sourcemap: false, metafile: false });
const earlyCode = `const ${EARLY} = (() => { const module = { exports: {} }, exports = module.exports;\n${earlyFrame.outputFiles[0].text.trim()}\nreturn module.exports; })();`;
// The module's exports, as esbuild reads them (an ES module build lists them in its metafile).
const earlyExports = Object.values((await build({ ...common, entryPoints: [earlyEntry], format: 'esm', sourcemap: false })).metafile.outputs).find((o) => o.entryPoint).exports;
const earlyFromLoader = {
  name: 'early-frame-from-loader',
  setup(b) {
    // Every export of the module, taken from the loader's instance.
    const names = earlyExports;
    b.onLoad({ filter: /[\\/]src[\\/]io[\\/]early-frame\.ts$/ }, () => ({
      contents: names.map((n) => `export const ${n} = ${SHARED}.early.${n};`).join('\n'),
      loader: 'js',
    }));
  },
};

// The stack-mapping module is answered by the loader (it knows where dist/cli.js.map is).
const sourceStack = {
  name: 'source-stack-from-loader',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]source-stack\.ts$/ }, () => ({
      contents: `export const sourceStack = (stack) => ${SHARED}.sourceStack(stack);`,
      loader: 'js',
    }));
  },
};

// The two bundles share every project module they both contain (core, io, commands): the
// app has already loaded them, so the wizard takes the app's instances instead of building its
// own copies. That saves start-up time (zod schemas are built once) and keeps one class per
// error, so `instanceof InputError` holds across the two. Which modules those are comes from
// a first pass over each bundle.
const rel = (path) => relative(root, path).split(sep).join('/');
const srcInputs = (meta) => new Set(Object.keys(meta.inputs).filter((k) => k.startsWith('src/')));

// 1. The wizard: Ink, React, conf and the screens, behind src/wizard-entry.ts.
const wizardEntry = {
  name: 'wizard-entry',
  setup(b) {
    b.onResolve({ filter: /^peer-ready:wizard$/ }, () => ({ path: 'wizard', namespace: 'wizard-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'wizard-entry' }, () => ({
      resolveDir: join(root, 'src'),
      loader: 'js',
      contents: `
import { yogaReady } from 'yoga-layout';
import * as entry from './wizard-entry.ts';
module.exports = yogaReady.then(() => entry);
`,
    }));
  },
};
const fromApp = (shared) => ({
  name: 'modules-from-app',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.namespace === 'modules-from-app' || args.pluginData === 'inner') return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'inner' });
      const key = r.path && rel(r.path);
      return key && shared.has(key) ? { path: key, namespace: 'modules-from-app' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'modules-from-app' }, (args) => ({
      contents: `module.exports = ${SHARED}.modules[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
});
const buildWizard = (shared) =>
  build({
    ...common,
    entryPoints: ['peer-ready:wizard'],
    outfile: join(root, 'dist', 'wizard.js'),
    plugins: [
      wizardEntry,
      fromApp(shared),
      // (Handed over from the app in the end; in the first pass it keeps the checks out of the graph.)
      embedCatalog(catalog),
      sourceStack,
      earlyFromLoader,
      oneStringWidth(root),
      stringWidthLazySegmenter(),
      sliceAnsiLazySegmenter(),
      inkDevtools(),
      yogaNoFetch(),
      yogaNoTopLevelAwait(),
    ],
  });

// 2. The app: the CLI, with `import('./wizard-entry.js')` answered by the loader, handing over
//    the modules the wizard shares.
const lazyWizard = (shared) => ({
  name: 'lazy-wizard',
  setup(b) {
    b.onResolve({ filter: /^\.\/wizard-entry\.js$/ }, () => ({ path: 'wizard-entry', namespace: 'lazy-wizard' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-wizard' }, () => {
      const list = [...shared].sort();
      return {
        resolveDir: root,
        loader: 'js',
        contents: `
${list.map((k, i) => `import * as m${i} from './${k}';`).join('\n')}
const modules = { ${list.map((k, i) => `${JSON.stringify(k)}: m${i}`).join(', ')} };
const load = () => ${SHARED}.loadWizard({ modules });
export async function runWizard(opts) { return (await load()).runWizard(opts); }
export async function listCommand() { return (await load()).listCommand(); }
`,
      };
    });
  },
});
const buildApp = (shared) =>
  build({
    ...common,
    entryPoints: [join(root, 'src', 'bin.ts')],
    outfile: join(root, 'dist', 'app.js'),
    plugins: [embedCatalog(catalog), sourceStack, earlyFromLoader, lazyWizard(shared)],
  });

const firstApp = await buildApp(new Set());
const firstWizard = await buildWizard(new Set());
const appModules = srcInputs(firstApp.metafile);
// Handing a module over means the app loads it before the wizard starts, so only modules the
// wizard loads on every start are handed over: those reached from its entry through static
// imports and through the dynamic imports of src/ui/ (its start-up). A module that core or io
// imports dynamically (html for --format html, yaml for YAML files, the --templates checks)
// stays out: the wizard keeps its own copy and loads it only when needed.
function everyStart(meta) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of meta.inputs[path]?.imports ?? []) {
      if (i.external) continue;
      if (i.kind === 'dynamic-import' && path.startsWith('src/') && !path.startsWith('src/ui/')) continue;
      visit(i.path);
    }
  };
  visit('wizard-entry:wizard');
  return seen;
}
const wizardEveryStart = everyStart(firstWizard.metafile);
const shared = new Set(
  [...srcInputs(firstWizard.metafile)].filter(
    (k) => appModules.has(k) && wizardEveryStart.has(k) && k !== 'src/wizard-entry.ts' && k !== 'src/source-stack.ts' && k !== 'src/io/early-frame.ts',
  ),
);
if (process.env.PEER_READY_BUILD_DEBUG) console.log('handed over to the wizard:', [...shared].sort().join(' '));
const app = await buildApp(shared);
const wizard = await buildWizard(shared);

// 3. dist/cli.js: the loader, with both bundles inside it as text; dist/cli.js.map beside it.
const output = (result, ext) => result.outputFiles.find((f) => f.path.endsWith(ext)).text;
// The shebang line becomes an empty line, so that line numbers still match the source map.
const appCode = output(app, '.js').replace(/^#!.*\n/, '\n');
const wizardCode = output(wizard, '.js');
const key = createHash('sha256').update(appCode).update(wizardCode).digest('hex').slice(0, 16);
// A minified build is pure ASCII (charset: 'ascii'), and ASCII reads fastest as latin1; an
// unminified one (PEER_READY_NO_MINIFY=1) keeps comments that may not be ASCII.
const ascii = !/[^\x00-\x7f]/.test(appCode + wizardCode);
const loader = loaderSource({ version: pkg.version, key, shared: SHARED, encoding: ascii ? 'latin1' : 'utf8', minNode, early: { name: EARLY, code: earlyCode } }) + packBundles({ app: appCode, wizard: wizardCode });

/** A bundle's map with its sources named from the repository root ("src/cli.ts"). */
const mapOf = (result, outName) => {
  const map = JSON.parse(output(result, '.map'));
  map.sources = map.sources.map((s) => rel(resolve(root, 'dist', s)));
  map.file = outName;
  return map;
};
const maps = { wrapLines: WRAP_LINES, app: mapOf(app, 'app.js'), wizard: mapOf(wizard, 'wizard.js') };

mkdirSync(join(root, 'dist'), { recursive: true });
const outfile = join(root, 'dist', 'cli.js');
// Written whole and renamed into place: a test running the CLI meanwhile never sees half a file.
const writeWhole = (file, text, mode) => {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  if (mode) chmodSync(tmp, mode);
  renameSync(tmp, file);
};
writeWhole(`${outfile}.map`, JSON.stringify(maps));
writeWhole(outfile, loader, 0o755);

if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log('--- app (the scripted path)\n' + (await analyzeMetafile(app.metafile)));
  console.log('--- wizard\n' + (await analyzeMetafile(wizard.metafile)));
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`dist/cli.js ${kib(loader.length)}: app ${kib(appCode.length)}, wizard ${kib(wizardCode.length)} (compiled only when used)`);
