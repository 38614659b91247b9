// yoga-layout (Ink's layout engine) is Emscripten output with its wasm inlined as base64. It
// still asks `typeof fetch` to decide how to load the wasm, though it never fetches. On Node 20
// that first touch of the global `fetch` loads undici (about 77 ms), so the question is
// answered at build time. (The global `fetch` itself is never touched or replaced.)
import { patchPlugin } from './patch.mjs';

export const yogaFetchPatch = {
  name: 'yoga-no-fetch',
  module: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
  filter: /yoga-wasm-base64-esm\.js$/,
  edits: [{ find: /typeof fetch\b/g, replace: '"undefined"', count: 2 }],
};

export const yogaNoFetch = () => patchPlugin(yogaFetchPatch);
