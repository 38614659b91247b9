// The published package: one file, no dependencies, and that file runs on its own.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
/** The Node that runs the binary: PEER_READY_NODE (CI runs this file under each supported version), else this one. */
const NODE = process.env.PEER_READY_NODE || process.execPath;

describe('the npm package', () => {
  it('has no runtime dependencies and needs Node 22.12 or newer', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.engines.node).toBe('>=22.12');
    expect(pkg.bin['peer-ready']).toBe('dist/cli.js');
    expect(pkg.type).toBe('module');
  });

  it('packs exactly the CLI, its source map, the README and package.json', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path).sort();
    expect(files).toEqual(['README.md', 'dist/cli.js', 'dist/cli.js.map', 'package.json']);
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
    // Without its source map beside it, an internal error still reports, with the bundle's positions.
    const crash = spawnSync(NODE, [join(dir, 'cli.mjs'), '--version'], { cwd: dir, env: { ...env, PEER_READY_TEST_INTERNAL_ERROR: '1' }, encoding: 'utf8' });
    expect(crash.status).toBe(1);
    expect(crash.stderr).toMatch(/internal error forced[\s\S]*\(peer-ready\/app\.js:\d+:\d+\)[\s\S]*Please report this/);
  });

  it('runs the same with the compile cache turned off, and with it warm; a warm cache is accepted, not rewritten', () => {
    const dir = tempDir('peer-ready-cache-');
    const args = ['dist/cli.js', '--answers', 'examples/answers.json', '--out', '-', '--date', '2026-11-23'];
    const expected = readFileSync('examples/plan.md', 'utf8');
    const cold = spawnSync(NODE, args, { env: { ...process.env, PEER_READY_NO_COMPILE_CACHE: '1' }, encoding: 'utf8' });
    expect(cold.stdout).toBe(expected);
    expect(readdirSync(dir)).toEqual([]);
    const warmRun = () => {
      const warm = spawnSync(NODE, args, { env: { ...process.env, PEER_READY_CACHE_DIR: dir }, encoding: 'utf8' });
      expect(warm.stdout).toBe(expected);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^app-[0-9a-f]{16}-v\d+/);
      const st = statSync(join(dir, files[0]!));
      return { size: st.size, ino: st.ino, mtimeMs: st.mtimeMs };
    };
    const first = warmRun(); // no cache yet: it is written at exit
    expect(first.size).toBeGreaterThan(1000);
    // V8 rejects a cache it cannot use (another build, another V8), and the loader then writes a
    // new one at exit (a new file renamed into place). Taken, it is left alone: so a second and a
    // third run leave the same file, and a cache rejected every time would show up here.
    expect(warmRun()).toEqual(first);
    expect(warmRun()).toEqual(first);
  });

  it('an internal error names lines in src/, through the shipped source map', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PEER_READY_TEST_INTERNAL_ERROR: '1', PEER_READY_NO_COMPILE_CACHE: '1' };
    const r = spawnSync(NODE, ['dist/cli.js', '--version'], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const line = readFileSync('src/cli.ts', 'utf8').split('\n').findIndex((l) => l.includes('throw new Error(\'internal error forced')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^peer-ready: internal error: Error: internal error forced/);
    expect(r.stderr).toContain(`(src/cli.ts:${line}:`);
    expect(r.stderr).toMatch(/at src\/bin\.ts:\d+:\d+/);
    expect(r.stderr).not.toMatch(/peer-ready\/app\.js/);
    expect(r.stderr).toMatch(/Please report this; nothing was written\.\n$/);
  });
});
