// Builds dist/cli.js: one minified ESM file with everything inside it (zero runtime
// dependencies), like create-vite. The questionnaires and templates are embedded, parsed,
// in place of src/io/builtin.ts, so the file needs nothing beside it.
import { build } from 'esbuild';
import { readdirSync, readFileSync, chmodSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// The same walk as src/io/builtin.ts, done at build time.
function embeddedData() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const file = `${dir}/${name}`;
      if (statSync(join(root, file)).isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(name)) files.push({ file, data: parseYaml(readFileSync(join(root, file), 'utf8')) });
      else if (name.endsWith('.mustache')) files.push({ file, text: readFileSync(join(root, file), 'utf8') });
    }
  };
  walk('questionnaires');
  walk('templates');
  return files;
}

const embedPlugin = {
  name: 'embed-builtin-data',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]io[\\/]builtin\.ts$/ }, () => ({
      contents: `const FILES = ${JSON.stringify(embeddedData())};\nexport function builtinFiles() { return FILES; }\n`,
      loader: 'js',
    }));
  },
};

// Ink imports react-devtools-core only when DEV is set; never ship it.
const devtoolsStub = {
  name: 'stub-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };', loader: 'js' }));
  },
};

mkdirSync(join(root, 'dist'), { recursive: true });
const outfile = join(root, 'dist', 'cli.js');
const result = await build({
  entryPoints: [join(root, 'src', 'bin.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __PEER_READY_VERSION__: JSON.stringify(pkg.version),
  },
  banner: {
    js: "#!/usr/bin/env node\nimport{createRequire as __pr_cr}from'node:module';const require=__pr_cr(import.meta.url);",
  },
  plugins: [embedPlugin, devtoolsStub],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
if (process.argv.includes('--analyze')) {
  const { analyzeMetafile } = await import('esbuild');
  console.log(await analyzeMetafile(result.metafile));
}
const bytes = readFileSync(outfile).length;
console.log(`dist/cli.js ${(bytes / 1024).toFixed(0)} KiB`);
