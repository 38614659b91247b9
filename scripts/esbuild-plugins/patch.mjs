// The one helper behind every source patch in the build: replace an exact piece of an
// upstream file, and refuse to build when that piece is not there exactly once. An upstream
// release that moves the code fails the build (and test/build-plugins.test.ts) instead of
// shipping unpatched code.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ find: string | RegExp, replace: string, count?: number }} Edit
 *   `find` must occur exactly `count` times (default 1); a RegExp must have the g flag.
 */

/** Apply `edits` to `source` (the text of `file`), or throw naming the file and the missing anchor. */
export function applyEdits(file, source, edits) {
  let out = source;
  for (const { find, replace, count = 1 } of edits) {
    const found = typeof find === 'string' ? out.split(find).length - 1 : (out.match(find) ?? []).length;
    if (found !== count) {
      throw new Error(
        `${file}: upstream code changed: expected ${count} of ${JSON.stringify(String(find))}, found ${found}. ` +
          'Review the plugin in scripts/esbuild-plugins/ that patches it.',
      );
    }
    out = typeof find === 'string' ? out.replace(find, () => replace) : out.replace(find, () => replace);
  }
  return out;
}

/**
 * An esbuild plugin that applies `edits` to the files matching `filter`.
 * @param {{ name: string, filter: RegExp, edits: Edit[] }} patch
 */
export function patchPlugin({ name, filter, edits }) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, (args) => ({ contents: applyEdits(args.path, readFileSync(args.path, 'utf8'), edits), loader: 'js' }));
    },
  };
}

/**
 * Source text for a stand-in of an Intl.Segmenter named `name`, with the one method string-width
 * and slice-ansi call, that creates the real segmenter (with `args`) on first use.
 */
export const lazySegmenter = (name, args) =>
  `let ${name}_;\nconst ${name} = { segment: (s) => (${name}_ ??= new Intl.Segmenter(${args})).segment(s) };`;
