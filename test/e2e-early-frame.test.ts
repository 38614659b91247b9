// End to end, the early frame (src/io/early-frame.ts, src/ui/first-frame.ts) with the bundled binary
// in a real terminal: tmux shows the screen, and `script` records every byte the wizard wrote, so
// the test can see what was drawn before Ink loaded and that Ink did not draw it again.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/io/store.js';
import { hasTmux, needTmux, q, requireTmux, tmuxServer } from './helpers/tmux.js';
import { waitForText, waitUntil } from './helpers/wait.js';

const CLI = resolve('dist/cli.js');
/** The Node that runs the binary: PEER_READY_NODE (CI runs this file under each supported version), else this one. */
const NODE = process.env.PEER_READY_NODE || process.execPath;
const DATE = '2027-01-15';
/** Ink is running: the wizard turns bracketed paste on right after Ink's first render. */
const INK_STARTED = '\u001B[?2004h';
const ERASE_LINE = '\u001B[2K';

const hasScript = spawnSync('script', ['--version']).status === 0;
const { root, tmux } = tmuxServer('peer-ready-e2e-early');
requireTmux();
if (!hasScript && needTmux) it('script (util-linux) is installed', () => expect(hasScript).toBe(true));

let sessions = 0;
/** One agency's folder: its saved progress, and a cache folder of its own. */
function agency(name: string) {
  const dir = join(root, name);
  mkdirSync(dir);
  const store = join(dir, 'store');
  const cache = join(dir, 'cache');
  /** The binary under `script` in a new 100x40 tmux session, CI removed from its environment. */
  const start = (args: string[] = []) => {
    const session = `e${++sessions}`;
    const raw = join(dir, `${session}.raw`);
    const cmd = `env -u CI PEER_READY_CACHE_DIR=${q(cache)} PEER_READY_STORE_DIR=${q(store)} PEER_READY_PLANS_DIR=${q(dir)} ${q(NODE)} ${q(CLI)} --date ${DATE} ${args.join(' ')}`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', `cd ${q(dir)} && script -qfc ${q(cmd)} ${q(raw)}; echo EXIT=$?; sleep 600`);
    const screen = () => tmux('capture-pane', '-p', '-t', session);
    // Everything the wizard wrote so far, after script's own first line.
    const bytes = () => (existsSync(raw) ? readFileSync(raw, 'latin1').replace(/^Script started[^\n]*\n/, '') : '');
    const out = () => Buffer.from(bytes(), 'latin1').toString('utf8');
    return {
      screen,
      out,
      keys: (...k: string[]) => tmux('send-keys', '-t', session, ...k),
      type: (text: string) => tmux('send-keys', '-t', session, '-l', text),
      waitFor: (text: string | RegExp) => waitForText(screen, text, { timeout: 15_000, poll: 40, what: 'the screen' }),
      waitForOut: (text: string) => waitForText(out, text, { timeout: 15_000, poll: 10, what: 'the output' }),
      /** What was written before Ink took over. */
      beforeInk: async () => {
        const all = await waitForText(out, INK_STARTED, { timeout: 15_000, poll: 10, what: 'the output' });
        return all.slice(0, all.indexOf(INK_STARTED));
      },
    };
  };
  const frames = () => (existsSync(cache) ? readdirSync(cache).filter((f) => f.startsWith('frame-')) : []);
  const records = async () => (await openStore(store)).store.list();
  return { start, frames, records, cache };
}

const count = (s: string, part: string) => s.split(part).length - 1;

describe.skipIf(!hasTmux || !hasScript)('the first screen before Ink loads (tmux and script)', () => {
  it('the first start shows "loading…"; the next draws the screen at once, Ink does not draw it again, and keys typed meanwhile apply in order', async () => {
    const a = agency('acme');
    const first = a.start();
    await first.waitFor('Enter begin');
    expect(await first.beforeInk()).toContain('loading…');
    first.keys('C-c');
    await first.waitFor('EXIT=');
    expect(a.frames()).toHaveLength(1);

    const second = a.start();
    // As soon as the early frame is there (before Ink has loaded, on most runs): begin, first
    // program, a name, Enter. However late Ink starts, these keys are applied in this order.
    await second.waitForOut('Enter begin');
    second.keys('Enter', 'Enter');
    second.type('Early Bird');
    second.keys('Enter');
    const early = await second.beforeInk();
    expect(early).not.toContain('loading');
    expect(count(early, 'Enter begin')).toBe(1);
    expect(count(early, 'Get ready to hire peer support specialists')).toBe(1);
    await second.waitFor('Step 3 of 4');
    // Ink's first frame was the same, so it was never written: the welcome appears once in all.
    expect(count(second.out(), 'Enter begin')).toBe(1);
    const [rec] = await a.records();
    expect(rec!.profile).toEqual({ programType: 'general', name: 'Early Bird' });
    second.keys('C-c');
    await second.waitFor('EXIT=');

    // Progress was saved, so the next start opens on the resume list, drawn at once too.
    const third = a.start();
    const resume = await third.beforeInk();
    expect(resume).toContain('Welcome back');
    expect(resume).toContain('Early Bird');
    expect(resume).not.toContain(ERASE_LINE);
    const screen = await third.waitFor('Welcome back');
    expect(screen.split('\n')[0]).toContain('Welcome back');
    expect(screen).toContain('1. Early Bird: 0/');
    third.keys('C-c');
    await third.waitFor('EXIT=');
  }, 90_000);

  it('with --new, a session that saved progress still leaves the welcome ready for the next start', async () => {
    const a = agency('fresh');
    /** A --new start that names an organization (which saves it) and quits; returns what it drew before Ink. */
    const session = async (name: string) => {
      const t = a.start(['--new']);
      const early = await t.beforeInk();
      await t.waitFor('Enter begin');
      t.keys('Enter', 'Enter');
      t.type(name);
      t.keys('Enter');
      await t.waitFor('Step 3 of 4');
      t.keys('C-c');
      await t.waitFor('EXIT=');
      return early;
    };
    expect(await session('First Agency')).toContain('loading');
    // From now on the welcome also offers Esc (back to the unfinished assessments), so the next
    // start's welcome is the same text as this one's, while the saved progress changes under it.
    expect(await session('Second Agency')).not.toContain('loading');
    const early = await session('Third Agency');
    expect(early).not.toContain('loading');
    expect(count(early, 'Enter begin')).toBe(1);
    expect(early).toContain('Esc back');
    expect((await a.records()).map((r) => r.profile.name).sort()).toEqual(['First Agency', 'Second Agency', 'Third Agency']);
  }, 90_000);

  it('a kept frame that no longer matches is replaced in a single write, leaving nothing behind', async () => {
    const a = agency('stale');
    const first = a.start(['--new']);
    await first.waitFor('Enter begin');
    first.keys('C-c');
    await first.waitFor('EXIT=');
    const [file] = a.frames();
    const path = join(a.cache, file!);
    const kept = readFileSync(path, 'utf8');
    // Same saved progress, different text and one line more: as if the wizard's text had changed.
    writeFileSync(path, kept.replace('Get ready to hire peer support specialists', 'STALE FRAME\nFROM AN OLD RUN'));

    const second = a.start(['--new']);
    expect(await second.beforeInk()).toContain('STALE FRAME');
    const screen = await waitUntil(() => !second.screen().includes('STALE') && second.screen(), { timeout: 15_000, what: 'the stale frame to go' });
    expect(screen.split('\n')[0]).toContain('Get ready to hire peer support specialists');
    expect(count(second.screen(), 'Enter begin')).toBe(1);
    // Ink's frame came in one write that first erased the stale one.
    const all = second.out();
    const after = all.slice(all.indexOf('FROM AN OLD RUN'));
    expect(after).toMatch(/^FROM AN OLD RUN[^]*?(\u001B\[2K\u001B\[1A){10,}\u001B\[2K\u001B\[G[^]*Get ready to hire/);
    second.keys('C-c');
    await second.waitFor('EXIT=');
    // The right frame is kept again.
    expect(readFileSync(path, 'utf8')).not.toContain('STALE');
  }, 90_000);
});
