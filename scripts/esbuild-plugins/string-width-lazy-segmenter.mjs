// string-width (Ink measures every line of text with it) builds an Intl.Segmenter when it is
// loaded. That costs about 11 ms (it loads ICU data), although plain ASCII text never needs
// one. Build it on first use instead.
import { lazySegmenter, patchPlugin } from './patch.mjs';

export const stringWidthPatch = {
  name: 'string-width-lazy-segmenter',
  module: 'string-width/index.js',
  filter: /[\\/]string-width[\\/]index\.js$/,
  edits: [{ find: 'const segmenter = new Intl.Segmenter();', replace: lazySegmenter('segmenter', '') }],
};

export const stringWidthLazySegmenter = () => patchPlugin(stringWidthPatch);
