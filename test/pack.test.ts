// The published package: one file, no dependencies, and that file runs on its own.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** The Node that runs the binary: PEER_READY_NODE (CI runs this file under each supported version), else this one. */
const NODE = process.env.PEER_READY_NODE || process.execPath;

describe('the npm package', () => {
  it('has no runtime dependencies and needs Node 20 or newer', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.bin['peer-ready']).toBe('dist/cli.js');
    expect(pkg.type).toBe('module');
  });

  it('packs exactly the CLI, the README and package.json', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path).sort();
    expect(files).toEqual(['README.md', 'dist/cli.js', 'package.json']);
  });

  it('dist/cli.js copied alone into an empty folder writes the same plan (and its wizard bundle loads there too)', () => {
    const dir = tempDir('peer-ready-alone-');
    copyFileSync('dist/cli.js', join(dir, 'cli.mjs'));
    const env: NodeJS.ProcessEnv = { ...process.env, PEER_READY_CACHE_DIR: join(dir, 'cache'), PEER_READY_STORE_DIR: join(dir, 'store') };
    delete env.CI;
    const plan = spawnSync(NODE, [join(dir, 'cli.mjs'), '--answers', join(process.cwd(), 'examples/answers.json'), '--out', '-', '--date', '2026-11-23'], { cwd: dir, env, encoding: 'utf8' });
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toBe(readFileSync('examples/plan.md', 'utf8'));
    // --list runs through the embedded wizard bundle (conf and the store).
    const list = spawnSync(NODE, [join(dir, 'cli.mjs'), '--list'], { cwd: dir, env, encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/No saved assessments yet/);
  });

  it('runs the same with the compile cache turned off, and with it warm', () => {
    const dir = tempDir('peer-ready-cache-');
    const args = ['dist/cli.js', '--answers', 'examples/answers.json', '--out', '-', '--date', '2026-11-23'];
    const expected = readFileSync('examples/plan.md', 'utf8');
    const cold = spawnSync(NODE, args, { env: { ...process.env, PEER_READY_NO_COMPILE_CACHE: '1' }, encoding: 'utf8' });
    expect(cold.stdout).toBe(expected);
    for (let i = 0; i < 2; i++) {
      const warm = spawnSync(NODE, args, { env: { ...process.env, PEER_READY_CACHE_DIR: dir }, encoding: 'utf8' });
      expect(warm.stdout).toBe(expected);
    }
    expect(readFileSync(join(dir, execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').find((f) => f.startsWith('app-'))!)).length).toBeGreaterThan(1000);
  });
});
