// End to end: the real bundled binary (dist/cli.js, built by test/setup/build.ts) in a real
// terminal (tmux), driven by keys, read back from the screen. Walks the whole wizard, saves, and
// checks scripted mode makes the very same plan from the answers file; kills the wizard with
// SIGKILL and resumes; interrupts it (Ctrl-C, SIGTERM) and checks the terminal is restored.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnairesFor } from '../src/core/plan-document.js';
import { flattenItems } from '../src/core/wizard-state.js';
import { loadCatalog } from '../src/io/load.js';
import { openStore } from '../src/io/store.js';
import { hasTmux, q, requireTmux, tmuxServer } from './helpers/tmux.js';
import { waitForText } from './helpers/wait.js';

const CLI = resolve('dist/cli.js');
/** The Node that runs the binary: PEER_READY_NODE (CI runs this file under each supported version), else this one. */
const NODE = process.env.PEER_READY_NODE || process.execPath;
const DATE = '2027-01-15';
const items = flattenItems(questionnairesFor(await loadCatalog(), 'general'));
const parts = new Set(items.map((x) => x.instrument)).size;

const { root, tmux } = tmuxServer('peer-ready-e2e');

/** The wrapper's last lines: the exit code, then (stty runs after it) the terminal's mode. */
const AFTER_EXIT = /EXIT=\d+[\s\S]*TTY=-?icanon/;

let sessions = 0;
/** Start the binary in a new 100x40 tmux session; `wrap` adds the exit code and the tty mode after it. */
function start(o: { cwd: string; store: string; args?: string[]; wrap?: boolean }) {
  const name = `s${++sessions}`;
  const cmd = `env -u CI PEER_READY_STORE_DIR=${q(o.store)} PEER_READY_PLANS_DIR=${q(o.cwd)} ${q(NODE)} ${q(CLI)} --date ${DATE} ${(o.args ?? []).join(' ')}`;
  const script = o.wrap
    ? `cd ${q(o.cwd)} && ${cmd}; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon' | sed 's/^/TTY=/'; sleep 600`
    : `cd ${q(o.cwd)} && exec ${cmd}`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', script);
  const screen = () => tmux('capture-pane', '-p', '-t', name);
  const keys = (...k: string[]) => tmux('send-keys', '-t', name, ...k);
  const type = (text: string) => tmux('send-keys', '-t', name, '-l', text);
  const waitFor = (text: string | RegExp, ms = 15_000) => waitForText(screen, text, { timeout: ms, poll: 40, what: 'the screen' });
  const pid = () => Number(tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim());
  return { name, screen, keys, type, waitFor, pid };
}
type Session = ReturnType<typeof start>;

async function profile(t: Session, name: string) {
  await t.waitFor('Enter begin');
  t.keys('Enter');
  await t.waitFor('Step 1 of 4');
  t.keys('Enter'); // General / other state
  await t.waitFor('Step 2 of 4');
  t.type(name);
  t.keys('Enter');
  await t.waitFor('Step 3 of 4');
  t.keys('Enter'); // the proposed start date
  await t.waitFor('Step 4 of 4');
  t.keys('Down', 'Enter'); // a funder sets the deadline
  await t.waitFor('Step 5 of 5');
  t.keys('Enter'); // no target date
  await t.waitFor(`Part 1 of ${parts}`);
  t.keys('Enter');
}

const at = (i: number) => `Question ${items[i]!.number} of ${items[i]!.of} in part ${items[i]!.instrument + 1} of ${parts}`;
const choiceKey = (i: number) => {
  const { item } = items[i]!;
  const n = item.type === 'true-false' ? 3 : item.type === 'yes-partly-no' ? 4 : item.type === 'choice' ? item.choices.length + 1 : 0;
  return String((i % n) + 1);
};

describe.skipIf(!hasTmux)('the wizard in a real terminal (tmux)', () => {
  it('walks every screen, saves, and scripted mode rebuilds the same plan byte for byte', async () => {
    const cwd = join(root, 'walk');
    mkdirSync(cwd);
    const store = join(root, 'walk-store');
    const t = start({ cwd, store, wrap: true });
    await profile(t, 'Acme Health');

    for (let i = 0; i < items.length; i++) {
      const { item, number } = items[i]!;
      if (number === 1 && i > 0) {
        await t.waitFor(`Part ${items[i]!.instrument + 1} of ${parts}`);
        t.keys('Enter');
      }
      await t.waitFor(at(i));
      if (i === 0) {
        t.keys('?');
        await t.waitFor('Source:');
        t.keys('n');
        await t.waitFor('Note for this question');
        t.type('Board meets in March');
        t.keys('Enter');
        await t.waitFor('Note: Board meets in March');
      }
      if (i === 2) {
        t.keys('3');
        await t.waitFor(at(3));
        t.keys('Escape');
        await t.waitFor(/❯ 3\. No ✓ current answer/);
      }
      if (item.type === 'text') {
        t.type(`Our answer ${i}`);
        t.keys('Enter');
      } else t.keys(choiceKey(i));
    }

    await t.waitFor('Review your answers');
    t.keys('c');
    const results = await t.waitFor('Timeline:');
    expect(results).toMatch(/\d+ of 10 timeline statements are true/);
    t.keys('Enter');
    await t.waitFor('Save the plan');
    t.keys('Enter');
    await t.waitFor('Your answers (JSON');
    t.keys('Enter');
    const saved = await t.waitFor('Your plan is ready');
    expect(saved).toContain('peer-ready-plan-acme-health.md');
    t.keys('Enter');
    const end = await t.waitFor(AFTER_EXIT);
    expect(end).toContain('EXIT=0');
    expect(end).toContain('TTY=icanon'); // the terminal is back in its normal mode

    const plan = readFileSync(join(cwd, 'peer-ready-plan-acme-health.md'), 'utf8');
    const answers = join(cwd, 'peer-ready-answers-acme-health.json');
    expect(plan).toContain('Board meets in March');
    const env = { ...process.env, PEER_READY_STORE_DIR: store };
    const again = execFileSync(NODE, [CLI, '--answers', answers, '--date', DATE, '--out', '-'], { env, encoding: 'utf8' });
    expect(again).toBe(plan);
    const noDate = execFileSync(NODE, [CLI, '--answers', answers, '--out', '-'], { env, encoding: 'utf8' });
    expect(noDate).toBe(plan); // the answers file records assessedOn

    const list = execFileSync(NODE, [CLI, '--list'], { env, encoding: 'utf8' });
    expect(list).toMatch(new RegExp(`Acme Health\\s+General \\/ other state\\s+${items.length}/${items.length}\\s+\\S+ \\S+\\s+plan saved`));
  }, 180_000);

  it('killed with SIGKILL, it resumes with the answers given; Ctrl-C and SIGTERM save and exit 130', async () => {
    const cwd = join(root, 'kill');
    mkdirSync(cwd);
    const store = join(root, 'kill-store');
    const t = start({ cwd, store });
    await profile(t, 'Beta Clinic');
    await t.waitFor(at(0));
    t.keys('1');
    await t.waitFor(at(1));
    t.keys('2');
    await t.waitFor(at(2));
    process.kill(t.pid(), 'SIGKILL');
    const rec = (await openStore(store)).store.list()[0]!;
    expect(rec.profile.name).toBe('Beta Clinic');
    expect(Object.keys(rec.values)).toHaveLength(2);

    const r = start({ cwd, store, wrap: true });
    await r.waitFor(new RegExp(`Welcome back[\\s\\S]*Beta Clinic: 2/${items.length} answered`));
    r.keys('Enter');
    await r.waitFor(at(2));
    r.keys('4');
    await r.waitFor(at(3));
    r.keys('C-c');
    const end = await r.waitFor(AFTER_EXIT);
    expect(end).toContain('Your answers for Beta Clinic are saved');
    expect(end).toContain('EXIT=130');
    expect(end).toContain('TTY=icanon');
    expect(Object.keys((await openStore(store)).store.list()[0]!.values)).toHaveLength(3);

    const s = start({ cwd, store, wrap: true });
    await s.waitFor('Welcome back');
    // The shell's one child is the CLI (not by name: Node 24 calls its main thread "MainThread").
    const node = Number(execFileSync('pgrep', ['-P', String(s.pid())], { encoding: 'utf8' }).trim().split('\n')[0]);
    expect(readFileSync(`/proc/${node}/cmdline`, 'utf8').split('\0')).toContain(CLI);
    process.kill(node, 'SIGTERM');
    const out = await s.waitFor(AFTER_EXIT);
    expect(out).toContain('EXIT=130');
    expect(out).toContain('TTY=icanon');
  }, 120_000);
});

requireTmux();

describe('without a terminal', () => {
  it('points to --answers and answers-template and exits 2', () => {
    expect(existsSync(CLI)).toBe(true);
    const env = { ...process.env, PEER_READY_STORE_DIR: join(root, 'none') };
    const r = spawnSync(NODE, [CLI], { input: '', env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--answers');
    expect(r.stderr).toContain('answers-template');
    expect(r.stdout).toBe('');
  });
});
