// How the user started peer-ready, so that a command we show them ("write the plan again") is one
// they can paste: `peer-ready` when it is installed on the PATH, `npx peer-ready` when npx ran it,
// `node dist/cli.js` (the path as typed from the current folder) from a clone.
import { basename, isAbsolute, relative } from 'node:path';

export function invocation(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string {
  const script = argv[1] ?? '';
  // npx (npm exec) runs the package's bin from its cache, or from node_modules/.bin.
  if (env.npm_command === 'exec' || /[\\/]_npx[\\/]/.test(script)) return 'npx peer-ready';
  // `npm start` in a clone: the script is dist/cli.js (or dist/bin.js) in the repository.
  if (env.npm_lifecycle_event === 'start' || /\.(c|m)?js$/.test(script)) {
    if (!script) return 'node dist/cli.js';
    const rel = isAbsolute(script) ? relative(cwd, script) : script;
    const shown = rel.startsWith('..') || isAbsolute(rel) ? script : rel;
    return `node ${/^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`}`;
  }
  // A bin link on the PATH (npm install -g, or a linked package).
  return basename(script) === 'peer-ready' ? 'peer-ready' : 'npx peer-ready';
}
