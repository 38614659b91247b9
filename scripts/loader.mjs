// The start of dist/cli.js: a small loader that compiles the two bundles carried at the end of
// the file (see scripts/build.mjs) with node:vm, keeping V8's code cache between runs.

/** Lines the loader's wrapper puts before a bundle's first line (the source map counts from there). */
export const WRAP_LINES = 1;

// Both bundles travel in a comment at the end of the file: the module parser only skims a
// comment, while a string literal of the same size costs several times more to compile.
// A comment cannot contain "*/", so that pair is written "*\x01/" and restored on reading.
const HIDE = '\x01';

export function packBundles(bundles) {
  let out = '/*@@bundles\n';
  for (const [name, code] of Object.entries(bundles)) {
    if (code.includes(HIDE) || code.includes('\n@@')) throw new Error(`${name} bundle contains a reserved sequence`);
    out += `@@${name}\n${code.replaceAll('*/', `*${HIDE}/`)}\n`;
  }
  return `${out}@@end\n*/\n`;
}

/**
 * The first statement of dist/cli.js: on a Node older than `min` ("22.12", from package.json's
 * engines), one clear line and exit 2, before anything an older Node could not load runs.
 * Plain old syntax and globals only: it must run on any Node that can parse an ES module.
 */
export function nodeCheck(min) {
  const [major, minor] = min.split('.').map(Number);
  return `{ const v = process.versions.node.split('.').map(Number);
  if (v[0] < ${major} || (v[0] === ${major} && v[1] < ${minor})) {
    process.stderr.write('peer-ready needs Node.js ${min} or newer; this is Node.js ' + process.version + '.\\n');
    process.exit(2);
  } }`;
}

/** The loader's source. `key` names this build in the code cache; `shared` is the name of the object both bundles receive. */
export function loaderSource({ version, key, shared, encoding, early, minNode }) {
  return `#!/usr/bin/env node
// peer-ready ${version}. Built by scripts/build.mjs, which explains how this file is laid out.
${nodeCheck(minNode)}
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
const SELF = fileURLToPath(import.meta.url);
let self;

function bundle(name) {
  self ??= readFileSync(SELF, '${encoding}');
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
  const dir = CACHE_DIR;
  const file = dir && join(dir, name + '-' + KEY + '.v8');
  let cachedData;
  try { if (file) cachedData = readFileSync(file); } catch {}
  const code = '(function (exports, require, module, ${shared}) {\\n' + bundle(name) + '\\n})';
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

// Only for an internal error: point the stack at src/ lines through dist/cli.js.map. Nothing
// of this runs (or is read) on a normal start. Without the map, the stack stays as it is.
function sourceStack(stack) {
  try {
    const { SourceMap } = require('node:module');
    const maps = JSON.parse(readFileSync(SELF + '.map', 'utf8'));
    const parsed = {};
    return stack.replace(/peer-ready\\/(app|wizard)\\.js:(\\d+):(\\d+)/g, (all, name, line, column) => {
      const e = (parsed[name] ??= new SourceMap(maps[name])).findEntry(Number(line) - 1 - maps.wrapLines, Number(column) - 1);
      return e && e.originalSource ? e.originalSource.replace(/^.*?(?=src\\/)/, '') + ':' + (e.originalLine + 1) + ':' + (e.originalColumn + 1) : all;
    });
  } catch {
    return stack;
  }
}

// The wizard's first screen, if an earlier run kept it and it still holds (src/io/early-frame.ts):
// drawn now, before either bundle is read.
// The cache folder is made and checked once, here; the bundles' code cache uses it too.
const CACHE_DIR = cacheDir();
${early.code}
${early.name}.startEarlyFrame({ dir: CACHE_DIR, build: KEY, argv: process.argv.slice(2), env: process.env });

let wizard;
run('app', { sourceStack, early: ${early.name}, loadWizard: (fromApp) => (wizard ??= run('wizard', { ...fromApp, early: ${early.name} })) });
`;
}
