// Ink taking over from the early frame (src/ui/first-frame.ts), with the real wizard on a fake
// terminal: the same bytes are not written twice, different bytes replace the early frame in one
// write, and the frame drawn off screen for the next start is byte for byte what that start draws.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instance } from 'ink';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../src/io/session.js';
import { eraseLines, firstFrameOffscreen, handOver, keepFrame, renderOver } from '../src/ui/first-frame.js';
import type { EarlyFrame } from '../src/io/early-frame.js';
import { FakeStdin, FakeStdout, stripAnsi } from './helpers/terminal.js';

// Ink as it runs on a user's terminal: in CI (CI=true, as .ci/run sets it) Ink draws nothing
// until it exits, and the early frame is never used. Ink reads CI once, when it is loaded, so it
// is loaded here (and only here) with CI unset, and CI is put back at once for the other tests.
const ciVars = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
const ci = ciVars.map((k) => [k, process.env[k]] as const);
for (const k of ciVars) delete process.env[k];
const { render } = await import('ink');
const { Wizard } = await import('../src/ui/wizard.js');
for (const [k, v] of ci) if (v !== undefined) process.env[k] = v;

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'peer-ready-first-frame-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const BSU = '\u001B[?2026h';
const mounted: Instance[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

async function session(dir: string, fresh = false, screenReader = false): Promise<Session> {
  const before = process.env.PEER_READY_STORE_DIR;
  process.env.PEER_READY_STORE_DIR = join(dir, 'store');
  try {
    return await openSession({ fresh, format: 'md', force: false, date: '2027-01-15', screenReader });
  } finally {
    if (before === undefined) delete process.env.PEER_READY_STORE_DIR;
    else process.env.PEER_READY_STORE_DIR = before;
  }
}

const element = (s: Session, deps = s.deps) => <Wizard deps={{ ...deps, exit: () => {} }} run={s.run} color={true} />;

/** Start the wizard as src/ui/run.ts does, over `drawn`; returns the terminal and Ink's first frame. */
function start(s: Session, o: { drawn?: string; columns?: number; rows?: number; screenReader?: boolean } = {}) {
  const stdout = new FakeStdout(o.columns ?? 100, o.rows ?? 40);
  const stdin = new FakeStdin();
  const { result, frame } = renderOver(stdout as unknown as NodeJS.WriteStream, o.drawn, () =>
    render(element(s), {
      stdout: stdout as never,
      stdin: stdin as never,
      stderr: new FakeStdout() as never,
      exitOnCtrlC: false,
      patchConsole: false,
      isScreenReaderEnabled: !!o.screenReader,
    }),
  );
  mounted.push(result);
  return { stdout, stdin, frame, instance: result };
}

describe('handing over from the early frame', () => {
  it('erases as many lines as the frame covers, like ansi-escapes eraseLines', () => {
    expect(eraseLines(0)).toBe('');
    expect(eraseLines(1)).toBe('\u001B[2K\u001B[G');
    expect(eraseLines(3)).toBe('\u001B[2K\u001B[1A\u001B[2K\u001B[1A\u001B[2K\u001B[G');
  });

  it('writes Ink frame as it is with no early frame, nothing when it is the same, else one erase-and-draw', () => {
    expect(handOver(undefined, 'a\nb\n')).toBe('a\nb\n');
    expect(handOver('a\nb\n', 'a\nb\n')).toBe('');
    // Two lines and the cursor on the third: three lines to erase.
    expect(handOver('a\nb\n', 'c\n')).toBe(`${eraseLines(3)}c\n`);
    // Inside Ink's synchronized update, so the terminal shows the change at once.
    expect(handOver('a\nb\n', `${BSU}c\n`)).toBe(`${BSU}${eraseLines(3)}c\n`);
    // Screen-reader mode ends without a line break: the cursor is on the last line.
    expect(handOver('a\nb', 'c')).toBe(`${eraseLines(2)}c`);
  });

  it('writes nothing when Ink draws exactly the early frame: the screen does not change', async () => {
    const s = await session(tmp(), true);
    const first = start(s);
    expect(first.stdout.frames).toEqual([first.frame]);
    expect(stripAnsi(first.frame)).toContain('Enter begin');

    const again = start(await session(tmp(), true), { drawn: first.frame });
    expect(again.frame).toBe(first.frame);
    expect(again.stdout.frames).toEqual([]);
    // And Ink goes on from there as usual: the next key draws the next screen.
    again.stdin.write('\r');
    await expect.poll(() => stripAnsi(again.stdout.frames.join(''))).toContain('Step 1 of 4');
  });

  it('replaces an early frame that differs in a single write', async () => {
    const s = await session(tmp(), true);
    const stale = `${BSU}\u001B[?25lan old screen\nof three\nlines\n\u001B[?2026l`;
    const t = start(s, { drawn: stale });
    expect(t.stdout.frames).toHaveLength(1);
    const [write] = t.stdout.frames;
    expect(write).toBe(handOver(stale, t.frame));
    expect(write!.startsWith(`${BSU}${eraseLines(4)}`)).toBe(true);
    expect(stripAnsi(write!)).toContain('Enter begin');
  });
});

describe('the frame kept for the next start', () => {
  for (const o of [
    { name: 'welcome, 100 columns', fresh: true, columns: 100 },
    { name: 'welcome, 60 columns', fresh: true, columns: 60 },
    { name: 'welcome, screen reader', fresh: true, columns: 100, screenReader: true },
  ]) {
    it(`is what a real start draws: ${o.name}`, async () => {
      const s = await session(tmp(), o.fresh, o.screenReader);
      const real = start(s, { columns: o.columns, screenReader: o.screenReader }).frame;
      const off = firstFrameOffscreen(render, element(s, s.nextStart()), { columns: o.columns, rows: 40, screenReader: !!o.screenReader });
      expect(off).toBe(real);
    });
  }

  it('is kept even when it is the frame drawn at start (the saved progress it goes with may have changed)', () => {
    const saved: unknown[][] = [];
    const early: EarlyFrame = { drawn: 'welcome\n', save: (...a) => saved.push(a), takenOver: () => {}, withdraw: () => {} };
    keepFrame(early, 'welcome\n', '/store/config.json', { columns: 100, rows: 40 });
    expect(saved).toEqual([['welcome\n', '/store/config.json', 100, 40]]);
    // Nothing without an early frame (run from source, or no terminal), or a terminal of no size.
    keepFrame(undefined, 'welcome\n', '/store/config.json', { columns: 100, rows: 40 });
    keepFrame(early, 'welcome\n', '/store/config.json', {});
    expect(saved).toHaveLength(1);
  });

  it('after a session that saved progress, is the resume list the next start opens on, byte for byte', async () => {
    const dir = tmp();
    const s = await session(dir);
    const t = start(s);
    expect(stripAnsi(t.frame)).toContain('Enter begin');
    // Begin, first program, a name: the assessment is saved.
    t.stdin.write('\r');
    await expect.poll(() => stripAnsi(t.stdout.frames.join(''))).toContain('Step 1 of 4');
    t.stdin.write('\r');
    await expect.poll(() => stripAnsi(t.stdout.frames.join(''))).toContain('Step 2 of 4');
    t.stdin.write('Early Bird\r');
    await expect.poll(() => stripAnsi(t.stdout.frames.join(''))).toContain('Step 3 of 4');
    t.instance.unmount();

    const kept = firstFrameOffscreen(render, element(s, s.nextStart()), { columns: 100, rows: 40, screenReader: false });
    expect(stripAnsi(kept)).toContain('Welcome back');
    expect(stripAnsi(kept)).toContain('Early Bird');
    const next = start(await session(dir), { drawn: kept });
    expect(next.frame).toBe(kept);
    expect(next.stdout.frames).toEqual([]);
  });
});
