// On a Node older than package.json's engines (22.12), dist/cli.js says so in one line and exits 2,
// before anything that Node could not load. Runs with an old Node found on this machine:
// PEER_READY_OLD_NODE, else any `node` on PATH or in /usr/bin, /usr/local/bin (CI machines here
// have Node 20 as the system Node).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve('dist/cli.js');
const MIN = /^>=(\d+)\.(\d+)$/.exec(JSON.parse(readFileSync('package.json', 'utf8')).engines.node)!;
const tooOld = (v: string) => {
  const [major, minor] = v.split('.').map(Number) as [number, number];
  return major < Number(MIN[1]) || (major === Number(MIN[1]) && minor < Number(MIN[2]));
};

/** The first Node binary older than the minimum, with its version. */
function oldNode(): { bin: string; version: string } | undefined {
  const candidates = [
    process.env.PEER_READY_OLD_NODE,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => d && join(d, 'node')),
    '/usr/bin/node',
    '/usr/local/bin/node',
  ];
  for (const bin of candidates) {
    if (!bin || !existsSync(bin)) continue;
    const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8', timeout: 30_000 });
    const version = r.stdout?.trim();
    if (r.status === 0 && version && tooOld(version)) return { bin, version };
  }
  return undefined;
}

const old = oldNode();

describe('an unsupported Node', () => {
  it('the version test itself: 20.19 and 22.11 are too old, 22.12, 24 and 26 are not', () => {
    expect(['20.19.0', '22.11.0'].map(tooOld)).toEqual([true, true]);
    expect(['22.12.0', '24.0.0', '26.1.0'].map(tooOld)).toEqual([false, false, false]);
  });

  it.skipIf(!old)(`says it needs Node.js ${MIN[1]}.${MIN[2]} or newer in one line and exits 2 (${old ? `Node ${old.version}` : 'skipped: no Node older than the minimum on this machine; set PEER_READY_OLD_NODE'})`, () => {
    for (const args of [[], ['--help'], ['--answers', 'examples/answers.json', '--out', '-']]) {
      const r = spawnSync(old!.bin, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      expect(r.stderr).toBe(`peer-ready needs Node.js ${MIN[1]}.${MIN[2]} or newer; this is Node.js v${old!.version}.\n`);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(2);
    }
  });
});
