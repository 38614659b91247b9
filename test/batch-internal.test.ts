// A bug (not bad input) in the middle of a batch stops it, and the report says which plans had
// already been written instead of claiming that nothing was.
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, tempDir } from './helpers.js';

vi.mock('../src/core/plan-document.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/core/plan-document.js')>();
  return {
    ...real,
    planModel: (...args: Parameters<typeof real.planModel>) => {
      if (args[1].profile.name === 'Boom') throw new TypeError('a bug');
      return real.planModel(...args);
    },
  };
});

describe('an internal error in a batch', () => {
  it('names the plans written before it', async () => {
    const { runBatch } = await import('../src/commands/consultant.js');
    const { reportError, EXIT } = await import('../src/cli.js');
    const catalog = await loadCatalog();
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(answersFile(catalog, { profile: { name: 'Agency A' } })));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(answersFile(catalog, { profile: { name: 'Boom' } })));
    const out = join(dir, 'plans');
    const error = await runBatch(dir, out, { force: false, format: 'md', date: '2027-01-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(readdirSync(out)).toEqual(['a.md']);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      lines.push(String(s));
      return true;
    });
    try {
      expect(reportError(error)).toBe(EXIT.internal);
    } finally {
      spy.mockRestore();
    }
    const text = lines.join('');
    expect(text).toMatch(/internal error: TypeError: a bug/);
    expect(text).toContain(`Please report this; 1 plan was written before it: ${join(out, 'a.md')}.`);
    expect(text).not.toMatch(/nothing was written/);
  });
});
