// wrap-ansi carries its own older copy of string-width. One copy (and one Intl.Segmenter) is
// enough: wrap-ansi is pointed at the top-level string-width, whose API it uses unchanged.
import { sep } from 'node:path';

export function oneStringWidth(root) {
  return {
    name: 'one-string-width',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, (args) =>
        args.importer.includes(`${sep}wrap-ansi${sep}`) ? b.resolve('string-width', { resolveDir: root, kind: args.kind }) : undefined,
      );
    },
  };
}
