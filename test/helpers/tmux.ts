// A private tmux server for an end-to-end test file: its own socket, a scratch folder, and both
// cleaned up after the file. In CI (or with PEER_READY_REQUIRE_TMUX=1) a missing tmux is a
// failure, not a skip: each file that uses this adds `requireTmux()` beside its describe block.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const needTmux = !!process.env.PEER_READY_REQUIRE_TMUX || (!!process.env.CI && !['0', 'false'].includes(process.env.CI));

/** Quote a word for the shell tmux runs. */
export const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function tmuxServer(name: string) {
  const socket = `${name}-${process.pid}`;
  const root = mkdtempSync(join(tmpdir(), `${name}-`));
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(root, { recursive: true, force: true });
  });
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  return { root, tmux };
}

/** Where tmux is missing: a failing test in CI, nothing (the describe blocks skip) elsewhere. */
export function requireTmux(): void {
  if (hasTmux) return;
  if (needTmux) it('tmux is installed (CI must run the end-to-end tests: apt-get install -y tmux)', () => expect(hasTmux).toBe(true));
  else it.skip('end-to-end wizard tests need tmux (apt-get install -y tmux); skipped', () => {});
}
