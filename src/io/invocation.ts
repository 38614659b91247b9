// How the user started peer-ready, so that a command we show them ("write the plan again") is one
// they can paste: `peer-ready` when it is installed on the PATH, `npx peer-ready` when npx ran it,
// `node dist/cli.js` (the path as typed from the current folder) from a clone.
import { basename, isAbsolute, relative } from 'node:path';

export function invocation(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const script = argv[1] ?? '';
  // npx (npm exec) runs the package's bin from its cache, or from a node_modules/.bin.
  if (/[\\/](_npx|node_modules)[\\/]/.test(script)) return 'npx peer-ready';
  // From a clone (`npm start`, or node dist/cli.js): the script as a path from the current folder.
  if (/\.(c|m)?js$/.test(script)) {
    const rel = isAbsolute(script) ? relative(cwd, script) : script;
    const shown = rel.startsWith('..') || isAbsolute(rel) ? script : rel;
    return `node ${/^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`}`;
  }
  // A bin link on the PATH (npm install -g, or npm link), unless npx put it there.
  return basename(script) === 'peer-ready' && env.npm_command !== 'exec' ? 'peer-ready' : 'npx peer-ready';
}
