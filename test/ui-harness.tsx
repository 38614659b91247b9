// A wizard on a fake terminal for component tests: real questionnaires, a real store in a
// temporary folder, keys written to stdin exactly as a terminal delivers them. Nothing sleeps:
// tests wait for what they expect to see.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { afterAll, afterEach } from 'vitest';
import { questionnairesFor } from '../src/core/plan-document.js';
import { initialState, itemsOf } from '../src/core/wizard-state.js';
import { loadCatalog } from '../src/io/load.js';
import { openStore } from '../src/io/store.js';
import { makeContext, persistTo, writeOutputs } from '../src/io/session.js';
import { Wizard } from '../src/ui/wizard.js';
import { FakeStdin, FakeStdout } from './helpers/terminal.js';

export const DATE = '2027-01-15';
export const catalog = await loadCatalog();
export const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;
export const KEY = { down: '\u001B[B', up: '\u001B[A', esc: '\u001B', tab: '\t', backtab: '\u001B[Z', enter: '\r', ctrlU: '\u0015' };
export const general = questionnairesFor(catalog, 'general');
export const items = itemsOf({ questionnaires: () => general } as never, { profile: {} });


const dirs: string[] = [];
const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

export function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'peer-ready-ui-'));
  dirs.push(d);
  return d;
}

export async function mount(o: { dir?: string; fresh?: boolean; columns?: number; rows?: number; screenReader?: boolean } = {}) {
  const dir = o.dir ?? tmp();
  const { store } = await openStore(join(dir, 'store'));
  const opts = { fresh: o.fresh ?? true, format: 'md' as const, force: false };
  const ctx = makeContext(catalog, store, opts, DATE);
  const run = { catalog, date: DATE, format: 'md' as const, command: 'npx peer-ready' };
  const stdout = new FakeStdout(o.columns ?? 100, o.rows ?? 40);
  const stdin = new FakeStdin();
  const exits: number[] = [];
  const instance = render(
    <Wizard
      deps={{ ctx, initial: initialState(ctx, opts.fresh), persist: persistTo(store, ctx), write: (s, fx) => writeOutputs(run, ctx, s, fx), exit: (c) => exits.push(c) }}
      run={run}
      color={false}
    />,
    {
      stdout: stdout as never,
      stdin: stdin as never,
      stderr: new FakeStdout(100, 40) as never,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
      isScreenReaderEnabled: !!o.screenReader,
    },
  );
  mounted.push(instance);
  const frame = () => (stdout.frames.at(-1) ?? '').replace(ANSI, '');
  const waitFor = async (text: string | RegExp, ms = 3000) => {
    const t0 = Date.now();
    for (;;) {
      const f = frame();
      if (typeof text === 'string' ? f.includes(text) : text.test(f)) return f;
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${String(text)}; the frame was:\n${f}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  /** Write one chunk to stdin (it may hold several keys); the wizard applies them in order. */
  const press = (chunk: string) => stdin.write(chunk);
  const record = async () => (await openStore(join(dir, 'store'))).store.list();
  return { dir, ctx, stdout, frame, waitFor, press, exits, record };
}

export type Mounted = Awaited<ReturnType<typeof mount>>;

/** Welcome → program (first) → name → start (as proposed) → deadline (no) → first intro → question 1. */
export async function toFirstQuestion(m: Mounted, name = 'Acme Health') {
  await m.waitFor(/Enter begin/);
  m.press('\r');
  await m.waitFor(/Step 1 of 4/);
  m.press('\r');
  await m.waitFor(/Step 2 of 4/);
  m.press(`${name}\r`);
  await m.waitFor(/Step 3 of 4/);
  m.press('\r');
  await m.waitFor(/Step 4 of 4/);
  m.press('\r');
  await m.waitFor(/Part 1 of/);
  m.press('\r');
  return m.waitFor(/Question 1 of/);
}

/** Answer the first `n` questions (by default the first choice; text: a sentence); stops on question n+1 or review. */
export async function answerFirst(m: Mounted, n: number, choice: (type: string) => string = () => '1') {
  for (let i = 0; i < n; i++) {
    const { item, number } = items[i]!;
    if (number === 1 && i > 0) {
      await m.waitFor(/Part \d of/);
      m.press('\r');
    }
    await m.waitFor(`Question ${number} of`);
    m.press(item.type === 'text' ? `Answer ${i}\r` : choice(item.type));
  }
}
