// Hostile input at the wizard: escape sequences pasted at a prompt, and hostile text in the saved
// progress shown on the resume screen. Keys go in through a fake terminal exactly as a terminal
// delivers them; frames are read with colours off.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../src/core/wizard-state.js';
import { loadCatalog } from '../src/io/load.js';
import { keyInputFilter } from '../src/io/key-input.js';
import { openStore } from '../src/io/store.js';
import { makeContext, persistTo, writeOutputs } from '../src/io/session.js';
import { Wizard } from '../src/ui/wizard.js';

const DATE = '2027-01-15';
const catalog = await loadCatalog();
const ESC = '\u001B';

class FakeStdout extends EventEmitter {
  frames: string[] = [];
  columns = 100;
  rows = 40;
  isTTY = true;
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private chunks: string[] = [];
  write(chunk: string) {
    this.chunks.push(chunk);
    this.emit('readable');
  }
  read = () => this.chunks.shift() ?? null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const dirs: string[] = [];
const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function mount(dir = mkdtempSync(join(tmpdir(), 'peer-ready-hostile-')), fresh = true) {
  dirs.push(dir);
  const { store } = await openStore(join(dir, 'store'));
  const opts = { fresh, format: 'md' as const, force: false };
  const ctx = makeContext(catalog, store, opts, DATE);
  const run = { catalog, date: DATE, format: 'md' as const };
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const errors: unknown[] = [];
  const instance = render(
    <Wizard
      deps={{ ctx, initial: initialState(ctx, fresh), persist: persistTo(store, ctx), write: (s, fx) => writeOutputs(run, ctx, s, fx), exit: () => {} }}
      run={run}
      color={false}
    />,
    { stdout: stdout as never, stdin: stdin as never, stderr: new FakeStdout() as never, debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  instance.waitUntilExit().catch((e: unknown) => errors.push(e));
  mounted.push(instance);
  const frame = () => stdout.frames.at(-1) ?? '';
  const waitFor = async (text: string) => {
    const t0 = Date.now();
    for (;;) {
      if (frame().includes(text)) return frame();
      if (Date.now() - t0 > 5000) throw new Error(`timed out waiting for ${text}; the frame was:\n${frame()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { dir, stdin, frame, waitFor, errors };
}

describe('escape sequences pasted at a prompt', () => {
  it('ESC[31m and ESC[0m in a typed name neither crash the wizard nor reach the name', async () => {
    const m = await mount();
    await m.waitFor('Enter begin');
    m.stdin.write('\r');
    await m.waitFor('Step 1 of 4');
    m.stdin.write('\r');
    await m.waitFor('Step 2 of 4');
    // Before the fix this threw inside Ink (reading 'startsWith' of undefined) and the wizard died.
    m.stdin.write(`Acme${ESC}[31m Red${ESC}[0m`);
    m.stdin.write(`${ESC}]52;c;aGk=${ESC}\\ Health\u009b2J`);
    await m.waitFor('Acme Red Health');
    expect(m.errors).toEqual([]);
    m.stdin.write('\r');
    await m.waitFor('Step 3 of 4');
    expect(m.frame()).not.toContain('[31m');
  });

  it('the filter keeps every key Ink knows and drops what is not a key, across chunk boundaries', () => {
    const f = keyInputFilter();
    const keys = [`${ESC}[A`, `${ESC}[1;5C`, `${ESC}OP`, `${ESC}[3~`, `${ESC}[Z`, `${ESC}[15~`, `${ESC}${ESC}[B`, `${ESC}b`, ESC, '\r', '\u0003', 'é😀'];
    for (const k of keys) expect(f(k)).toBe(k);
    for (const junk of [`${ESC}[31m`, `${ESC}[2J`, `${ESC}[1;5P`, `${ESC}[200~`, `${ESC}]0;title\u0007`, `${ESC}]8;;http://x${ESC}\\`, '\u0085\u009b']) expect(f(`a${junk}b`)).toBe('ab');
    // A sequence cut between two chunks is held back until it is complete.
    expect(f(`x${ESC}[3`)).toBe('x');
    expect(f('1my')).toBe('y');
    expect(f(`${ESC}[`)).toBe('');
    expect(f('B')).toBe(`${ESC}[B`);
  });
});
