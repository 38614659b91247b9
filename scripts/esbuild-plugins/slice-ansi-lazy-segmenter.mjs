// slice-ansi (Ink cuts text that overflows with it) builds an Intl.Segmenter when it is loaded,
// like string-width; the same cost, the same fix: build it on first use.
import { lazySegmenter, patchPlugin } from './patch.mjs';

export const sliceAnsiPatch = {
  name: 'slice-ansi-lazy-segmenter',
  module: 'slice-ansi/tokenize-ansi.js',
  filter: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
  edits: [
    {
      find: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
      replace: lazySegmenter('GRAPHEME_SEGMENTER', "undefined, {granularity: 'grapheme'}"),
    },
  ],
};

export const sliceAnsiLazySegmenter = () => patchPlugin(sliceAnsiPatch);
