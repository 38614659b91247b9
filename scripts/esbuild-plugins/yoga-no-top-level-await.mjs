// yoga-layout awaits its wasm at the top level of its module, which only ES modules allow.
// The wizard bundle is compiled as a script (so that node:vm can keep its code cache; see
// scripts/build.mjs), so the wait moves to an exported `yogaReady` promise that the wizard
// entry awaits before anything renders.
// `export { Yoga as default }` keeps a live binding; `export default Yoga` would copy undefined.
import { patchPlugin } from './patch.mjs';

export const yogaAwaitPatch = {
  name: 'yoga-no-top-level-await',
  module: 'yoga-layout/dist/src/index.js',
  filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
  edits: [
    {
      find: 'const Yoga = wrapAssembly(await loadYoga());',
      replace: 'let Yoga;\nexport const yogaReady = loadYoga().then((m) => { Yoga = wrapAssembly(m); });',
    },
    { find: 'export default Yoga;', replace: 'export { Yoga as default };' },
  ],
};

export const yogaNoTopLevelAwait = () => patchPlugin(yogaAwaitPatch);
