// Builds dist/cli.js: one ESM file with everything inside it and zero runtime dependencies,
// like create-vite. Inside it are two bundles, kept as source text:
//
//   app     the CLI and the scripted path (zod, mustache, the embedded questionnaires)
//   wizard  Ink, React and conf; compiled only when the wizard or --list runs
//
// A small loader compiles each with node:vm and keeps V8's code cache in a per-user cache
// folder, so after the first run neither is compiled again (Node 20 has no
// module.enableCompileCache; this is the same idea). Without a usable cache folder it simply
// compiles every time. PEER_READY_NO_COMPILE_CACHE=1 turns the cache off.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SHARED = '__peer_ready_shared'; // the loader passes this object to both bundles

// The built-in catalog, loaded and validated by the project's own code (src/io/builtin.ts,
// bundled for the purpose), exactly as a clone loads it. A broken data file fails the build
// with the same message a user would see. The validated result is what gets embedded.
async function validatedCatalog() {
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

// The validated catalog, embedded as one JSON string: JSON.parse is much cheaper at start-up
// than an object literal of the same size.
const catalogJson = JSON.stringify(await validatedCatalog());
const embedData = {
  name: 'embed-builtin-catalog',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]io[\\/]builtin\.ts$/ }, () => ({
      contents: `let catalog;\nexport function builtinCatalog() { return (catalog ??= JSON.parse(${JSON.stringify(catalogJson)})); }\n`,
      loader: 'js',
    }));
  },
};

// Ink connects to React devtools only when DEV=true; never ship them. Its reconciler reaches
// them (and its package.json) with top-level awaits, which a script cannot have: both are
// dev-only branches, so they go.
const patch = (path, pairs) => {
  let src = readFileSync(path, 'utf8');
  for (const [from, to] of pairs) {
    if (!src.includes(from)) throw new Error(`${path} changed: "${from}" is gone; review scripts/build.mjs`);
    src = src.replace(from, to);
  }
  return src;
};
const devtoolsStub = {
  name: 'stub-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
    b.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, (args) => ({
      contents: patch(args.path, [
        ["await import('./devtools.js');", 'void 0;'],
        ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
      ]),
      loader: 'js',
    }));
  },
};

// yoga-layout (Ink's layout engine) is Emscripten output with its wasm inlined. Two fixes:
// - it asks `typeof fetch` although the wasm never needs fetching; in Node 20 that first touch
//   of the global loads undici (~77 ms), so the question is answered at build time;
// - it awaits the wasm at top level, which only ES modules allow; the wizard bundle is a
//   script (so that it can be code-cached), so the wait moves to `yogaReady`, which the
//   wizard entry awaits before anything renders.
const yoga = {
  name: 'yoga',
  setup(b) {
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/typeof fetch\b/g, '"undefined"'),
      loader: 'js',
    }));
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) => {
      // `export { Yoga as default }` is a live binding; `export default Yoga` would copy undefined.
      const contents = patch(args.path, [
        ['const Yoga = wrapAssembly(await loadYoga());', 'let Yoga;\nexport const yogaReady = loadYoga().then((m) => { Yoga = wrapAssembly(m); });'],
        ['export default Yoga;', 'export { Yoga as default };'],
      ]);
      return { contents, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !process.env.PEER_READY_NO_MINIFY,
  charset: 'ascii',
  legalComments: 'none',
  metafile: true,
  write: false,
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __PEER_READY_VERSION__: JSON.stringify(pkg.version),
    'import.meta.url': 'undefined',
  },
  logLevel: 'warning',
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
// wrap-ansi carries its own older string-width; one copy (and one Intl.Segmenter) is enough.
const oneStringWidth = {
  name: 'one-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes(`${sep}wrap-ansi${sep}`) ? b.resolve('string-width', { resolveDir: root, kind: args.kind }) : undefined,
    );
  },
};
// string-width and slice-ansi each build an Intl.Segmenter (about 11 ms: it loads ICU data) when
// they are loaded, though plain ASCII text never needs one. Build it on first use instead.
const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(b) {
    const lazy = (name, args) =>
      `let ${name}_;\nconst ${name} = { segment: (s) => (${name}_ ??= new Intl.Segmenter(${args})).segment(s) };`;
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => ({
      contents: patch(args.path, [['const segmenter = new Intl.Segmenter();', lazy('segmenter', '')]]),
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/ }, (args) => ({
      contents: patch(args.path, [
        ["const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", lazy('GRAPHEME_SEGMENTER', "undefined, {granularity: 'grapheme'}")],
      ]),
      loader: 'js',
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
    plugins: [wizardEntry, fromApp(shared), oneStringWidth, lazySegmenter, devtoolsStub, yoga],
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
    plugins: [embedData, lazyWizard(shared)],
  });

const firstApp = await buildApp(new Set());
const firstWizard = await buildWizard(new Set());
const appModules = srcInputs(firstApp.metafile);
// Handing a module over means the app loads it before the wizard starts, so modules the wizard
// needs only on some paths stay out: the wizard keeps its own copy and loads it when needed.
// (html-page, gantt-svg, plan-csv, plan-ics: those formats; yaml: YAML files; check and role-pack: the zod checks of --templates.)
const LOAD_WHEN_NEEDED = new Set(['src/core/html-page.ts', 'src/core/gantt-svg.ts', 'src/core/plan-csv.ts', 'src/core/plan-ics.ts', 'src/io/yaml.ts', 'src/io/check.ts', 'src/core/role-pack.ts']);
const shared = new Set(
  [...srcInputs(firstWizard.metafile)].filter((k) => appModules.has(k) && k !== 'src/wizard-entry.ts' && !LOAD_WHEN_NEEDED.has(k)),
);
const app = await buildApp(shared);
const wizard = await buildWizard(shared);

// 3. dist/cli.js: the loader, with both bundles inside it as text.
const appCode = app.outputFiles[0].text.replace(/^#!.*\n/, '');
const wizardCode = wizard.outputFiles[0].text;
const key = createHash('sha256').update(appCode).update(wizardCode).digest('hex').slice(0, 16);

// Both bundles travel in a comment at the end of the file: the module parser only skims a
// comment, while a string literal of the same size costs several times more to compile.
// A comment cannot contain "*/", so that pair is written "*\x01/" and restored on reading.
const HIDE = '\x01';
for (const [name, code] of [['app', appCode], ['wizard', wizardCode]]) {
  if (code.includes(HIDE) || code.includes('\n@@')) throw new Error(`${name} bundle contains a reserved sequence`);
}
const hide = (code) => code.replaceAll('*/', `*${HIDE}/`);
// A minified build is pure ASCII (charset: 'ascii'), and ASCII reads fastest as latin1.
const ascii = !/[^\x00-\x7f]/.test(appCode + wizardCode);
const loader = `#!/usr/bin/env node
// peer-ready ${pkg.version}. Built by scripts/build.mjs, which explains how this file is laid out.
import { createRequire } from 'node:module';
// Built-ins come through require: an ES import of node:fs builds a namespace of all its exports,
// and its lazy getters (fs.promises, the streams) load a dozen internal modules we never use.
const require = createRequire(import.meta.url);
const { Script } = require('node:vm');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { fileURLToPath } = require('node:url');
const KEY = '${key}-' + process.version + '-' + process.arch;
let self;

function bundle(name) {
  self ??= readFileSync(fileURLToPath(import.meta.url), '${ascii ? 'latin1' : 'utf8'}');
  const start = self.indexOf('\\n@@' + name + '\\n') + name.length + 4;
  return self.slice(start, self.indexOf('\\n@@', start)).replaceAll('*${HIDE}/', '*/');
}

function cacheDir() {
  if (process.env.PEER_READY_NO_COMPILE_CACHE) return undefined;
  try {
    const uid = process.getuid ? process.getuid() : 0;
    const dir = process.env.PEER_READY_CACHE_DIR || join(tmpdir(), 'peer-ready-' + uid);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    // Only a folder of our own that nobody else can write to.
    if (process.getuid && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

function run(name, shared) {
  const dir = cacheDir();
  const file = dir && join(dir, name + '-' + KEY + '.v8');
  let cachedData;
  try { if (file) cachedData = readFileSync(file); } catch {}
  const code = '(function (exports, require, module, ${SHARED}) {' + bundle(name) + '\\n})';
  const script = new Script(code, { filename: 'peer-ready/' + name + '.js', cachedData });
  if (file && (!cachedData || script.cachedDataRejected)) {
    // Written at exit, once the functions this run used have been compiled too.
    process.once('exit', () => {
      try {
        const tmp = file + '.' + process.pid + '.tmp';
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, file);
        // Caches of other builds of peer-ready are of no further use.
        for (const old of readdirSync(dir)) if (old.startsWith(name + '-') && !file.endsWith(old)) rmSync(join(dir, old), { force: true });
      } catch {}
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, shared);
  return module.exports;
}

let wizard;
run('app', { loadWizard: (fromApp) => (wizard ??= run('wizard', { ...fromApp })) });
/*@@bundles
@@app
${hide(appCode)}
@@wizard
${hide(wizardCode)}
@@end
*/
`;
mkdirSync(join(root, 'dist'), { recursive: true });
const outfile = join(root, 'dist', 'cli.js');
// Written whole and renamed into place: a test running the CLI meanwhile never sees half a file.
const tmpOut = `${outfile}.${process.pid}.tmp`;
writeFileSync(tmpOut, loader);
chmodSync(tmpOut, 0o755);
renameSync(tmpOut, outfile);

if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log('--- app (the scripted path)\n' + (await analyzeMetafile(app.metafile)));
  console.log('--- wizard\n' + (await analyzeMetafile(wizard.metafile)));
}
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`dist/cli.js ${kib(loader.length)}: app ${kib(appCode.length)}, wizard ${kib(wizardCode.length)} (compiled only when used)`);
