// The build patches five pieces of upstream code (scripts/esbuild-plugins/). Each patch names
// the exact text it replaces; these tests fail as soon as an upstream release changes that
// text, so that an upgrade is reviewed instead of shipping an unpatched (slower or broken) file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcilerPatch } from '../scripts/esbuild-plugins/ink-devtools.mjs';
import { applyEdits } from '../scripts/esbuild-plugins/patch.mjs';
import { sliceAnsiPatch } from '../scripts/esbuild-plugins/slice-ansi-lazy-segmenter.mjs';
import { stringWidthPatch } from '../scripts/esbuild-plugins/string-width-lazy-segmenter.mjs';
import { yogaFetchPatch } from '../scripts/esbuild-plugins/yoga-no-fetch.mjs';
import { yogaAwaitPatch } from '../scripts/esbuild-plugins/yoga-no-top-level-await.mjs';

interface Patch {
  name: string;
  module: string;
  filter: RegExp;
  edits: { find: string | RegExp; replace: string; count?: number }[];
}
const PATCHES: Patch[] = [reconcilerPatch, yogaFetchPatch, yogaAwaitPatch, stringWidthPatch, sliceAnsiPatch];
const upstream = (module: string) => join('node_modules', module);

describe.each(PATCHES)('the $name patch', (patch) => {
  const file = upstream(patch.module);
  const source = readFileSync(file, 'utf8');

  it(`still finds its anchors in ${patch.module}, each the expected number of times`, () => {
    for (const edit of patch.edits) {
      const found = typeof edit.find === 'string' ? source.split(edit.find).length - 1 : (source.match(edit.find) ?? []).length;
      expect(found, `${patch.module}: ${String(edit.find)}`).toBe(edit.count ?? 1);
    }
    const patched = applyEdits(file, source, patch.edits);
    for (const edit of patch.edits) expect(patched).toContain(edit.replace);
  });

  it('is what esbuild applies to that file (the filter matches it)', () => {
    expect(patch.filter.test(join(process.cwd(), file))).toBe(true);
  });

  it('refuses to build when the upstream code has changed', () => {
    const changed = patch.edits.reduce(
      (s, e) => (typeof e.find === 'string' ? s.split(e.find).join(' /* moved */ ') : s.replace(e.find, ' /* moved */ ')),
      source,
    );
    expect(() => applyEdits(file, changed, patch.edits)).toThrow(/upstream code changed/);
  });
});

describe('the built file', () => {
  const cli = readFileSync('dist/cli.js', 'latin1');
  it('never asks about the global fetch, and has no devtools import left', () => {
    expect(cli).not.toMatch(/typeof fetch\b/);
    expect(cli).not.toContain("import('./devtools.js')");
    expect(cli).not.toContain('loadPackageJson()');
  });
});
