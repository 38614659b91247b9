// Ink connects to React devtools only when DEV=true, so they are never shipped:
// `react-devtools-core` resolves to an empty stub (it is an optional peer of Ink, not installed).
// Ink's reconciler also reaches the devtools and its own package.json through top-level
// awaits inside dev-only branches; both branches go, so nothing dev-only is bundled or read.
import { patchPlugin } from './patch.mjs';

export const reconcilerPatch = {
  name: 'ink-reconciler-no-devtools',
  module: 'ink/build/reconciler.js',
  filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/,
  edits: [
    { find: "await import('./devtools.js');", replace: 'void 0;' },
    { find: 'const loaded = await loadPackageJson();', replace: 'const loaded = {};' },
  ],
};

export function inkDevtools() {
  const reconciler = patchPlugin(reconcilerPatch);
  return {
    name: 'ink-devtools',
    setup(b) {
      b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'devtools-stub' }));
      b.onLoad({ filter: /.*/, namespace: 'devtools-stub' }, () => ({
        contents: 'export default { initialize() {}, connectToDevTools() {} };',
        loader: 'js',
      }));
      reconciler.setup(b);
    },
  };
}
