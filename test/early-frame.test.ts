// The early frame's cache (src/io/early-frame.ts): what is drawn before anything loads, and when.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { eraseLines, formatEntry, frameKey, inCi, MAX_FRAMES, parseEntry, startEarlyFrame, storeSignature, type StartOptions } from '../src/io/early-frame.js';

const root = mkdtempSync(join(tmpdir(), 'peer-ready-early-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const scratch = () => {
  const d = join(root, String(n++));
  return { dir: join(d, 'cache'), store: join(d, 'config.json') };
};

const FRAME = '\u001B[?2026h\u001B[?25lpeer-ready · Welcome\n\nEnter begin\n\u001B[?2026l';

/** A terminal that records what is written to it and whether raw mode was asked for. */
function terminal(columns = 100, rows = 40) {
  const t = {
    written: [] as string[],
    raw: false,
    stdout: { columns, rows, write: (s: string) => t.written.push(s) },
    stdin: { setRawMode: (on: boolean) => (t.raw = on) },
  };
  return t;
}

function start(dir: string, t = terminal(), more: Partial<StartOptions> = {}) {
  return startEarlyFrame({ dir, build: 'b1', argv: ['--new'], env: {}, isTerminal: () => true, terminal: () => t, ...more });
}

describe('the frame key', () => {
  it('is the same for the same options, size and environment, and differs when any of them does', () => {
    const k = frameKey(['--new'], 100, 40, { TERM: 'xterm' });
    expect(frameKey(['--new'], 100, 40, { TERM: 'xterm', UNRELATED: 'x' })).toBe(k);
    expect(k).toMatch(/^[0-9a-f]{16}$/);
    for (const other of [
      frameKey([], 100, 40, { TERM: 'xterm' }),
      frameKey(['--new'], 99, 40, { TERM: 'xterm' }),
      frameKey(['--new'], 100, 41, { TERM: 'xterm' }),
      frameKey(['--new'], 100, 40, { TERM: 'xterm', NO_COLOR: '1' }),
      frameKey(['--new'], 100, 40, { TERM: 'xterm', PEER_READY_STORE_DIR: '/elsewhere' }),
      frameKey(['--new'], 100, 40, { TERM: 'xterm', INK_SCREEN_READER: 'true' }),
    ])
      expect(other).not.toBe(k);
  });

  it('treats CI as Ink does (is-in-ci): set means CI, unless it is "0" or "false"', () => {
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '' })).toBe(true);
    expect(inCi({ CONTINUOUS_INTEGRATION: '1' })).toBe(true);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0' })).toBe(false);
  });
});

describe('entries', () => {
  it('read back what was written, frame bytes included', () => {
    const e = { store: '/a/b c/config.json', stat: '1:2:3', frame: `${FRAME}\nline with "quotes" and \\ and {braces}\n` };
    expect(parseEntry(formatEntry(e))).toEqual(e);
  });

  it('are refused when not ours or damaged', () => {
    expect(parseEntry('')).toBeUndefined();
    expect(parseEntry('something else\n{}\nframe')).toBeUndefined();
    expect(parseEntry('peer-ready early frame 1\nnot json\nframe')).toBeUndefined();
    expect(parseEntry('peer-ready early frame 1\n{"store":1,"stat":"x"}\nframe')).toBeUndefined();
    expect(parseEntry('peer-ready early frame 1\n{"store":"s","stat":"x"}')).toBeUndefined();
  });

  it('name the saved progress file by inode, size and time, "none" when there is none', () => {
    const { store } = scratch();
    expect(storeSignature(store)).toBe('none');
    rmSync(join(store, '..'), { recursive: true, force: true });
    writeFileSync(join(root, 'probe.json'), '{}');
    expect(storeSignature(join(root, 'probe.json'))).toMatch(/^\d+:2:[\d.]+$/);
  });
});

describe('drawing before anything loads', () => {
  it('draws nothing on the first start, then exactly the frame kept, in raw mode, on the next', () => {
    const { dir, store } = scratch();
    const first = terminal();
    const early = start(dir, first)!;
    expect(early.drawn).toBeUndefined();
    expect(first.written).toEqual([]);
    expect(first.raw).toBe(false);
    early.save(FRAME, store, 100, 40);

    const next = terminal();
    expect(start(dir, next)!.drawn).toBe(FRAME);
    expect(next.written).toEqual([FRAME]);
    expect(next.raw).toBe(true);
  });

  it('draws nothing once the saved progress has changed, or at another size, or for another build', () => {
    const { dir, store } = scratch();
    start(dir)!.save(FRAME, store, 100, 40);
    expect(start(dir, terminal(100, 40))!.drawn).toBe(FRAME);
    expect(start(dir, terminal(80, 40))!.drawn).toBeUndefined();
    expect(start(dir, terminal(), { build: 'b2' })!.drawn).toBeUndefined();
    expect(start(dir, terminal(), { argv: [] })!.drawn).toBeUndefined();

    writeFileSync(store, '{"version":1,"assessments":{}}');
    const t = terminal();
    expect(start(dir, t)!.drawn).toBeUndefined();
    expect(t.written).toEqual([]);
    // Kept again for the store as it is now, it is drawn again.
    start(dir)!.save(FRAME, store, 100, 40);
    expect(start(dir)!.drawn).toBe(FRAME);
    writeFileSync(store, '{"version":1,"assessments":{"a":{}}}');
    expect(start(dir)!.drawn).toBeUndefined();
  });

  it('stopped (SIGTERM, SIGHUP, SIGINT) before the wizard takes over: erases the frame, shows the cursor, exits 130', () => {
    const { dir, store } = scratch();
    start(dir)!.save(FRAME, store, 100, 40);
    for (const sig of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
      const before = process.listeners(sig);
      const t = terminal();
      const early = start(dir, t)!;
      const added = process.listeners(sig).filter((l) => !before.includes(l));
      expect(added).toHaveLength(1);
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      try {
        (added[0] as () => void)();
        expect(exit).toHaveBeenCalledWith(130);
      } finally {
        exit.mockRestore();
      }
      // The frame has 3 line breaks: 4 lines to erase.
      expect(t.written).toEqual([FRAME, `${eraseLines(4)}\u001B[?25h`]);
      // Once the wizard has taken over, its own handlers decide.
      early.takenOver();
      expect(process.listeners(sig).filter((l) => !before.includes(l))).toEqual([]);
    }
  });

  it('withdrawn when the wizard will not start: the frame is erased, the cursor shown, the signals let go', () => {
    const { dir, store } = scratch();
    const none = terminal();
    start(dir, none)!.withdraw();
    expect(none.written).toEqual([]);
    start(dir)!.save(FRAME, store, 100, 40);
    const before = process.listeners('SIGTERM');
    const t = terminal();
    start(dir, t)!.withdraw();
    expect(t.written).toEqual([FRAME, `${eraseLines(4)}\u001B[?25h`]);
    expect(process.listeners('SIGTERM').filter((l) => !before.includes(l))).toEqual([]);
  });

  it('does nothing without a terminal, in CI, when turned off, or without a cache folder', () => {
    const { dir, store } = scratch();
    start(dir)!.save(FRAME, store, 100, 40);
    const t = terminal();
    expect(start(dir, t, { isTerminal: () => false })).toBeUndefined();
    expect(start(dir, t, { env: { CI: 'true' } })).toBeUndefined();
    expect(start(dir, t, { env: { PEER_READY_NO_EARLY_FRAME: '1' } })).toBeUndefined();
    expect(start(undefined as never, t)).toBeUndefined();
    expect(t.written).toEqual([]);
    expect(t.raw).toBe(false);
  });

  it('draws nothing from a damaged entry, and never throws', () => {
    const { dir, store } = scratch();
    start(dir)!.save(FRAME, store, 100, 40);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), 'peer-ready early frame 1\n{"store":');
    const t = terminal();
    expect(start(dir, t)!.drawn).toBeUndefined();
    expect(t.written).toEqual([]);
    // A cache "folder" that is a file: nothing is drawn or kept, and nothing throws.
    writeFileSync(join(root, 'not-a-dir'), '');
    const e = start(join(root, 'not-a-dir'))!;
    expect(e.drawn).toBeUndefined();
    expect(() => e.save(FRAME, store, 100, 40)).not.toThrow();
  });

  it('keeps nothing empty, and nothing for a terminal of no size', () => {
    const { dir, store } = scratch();
    const e = start(dir)!;
    e.save('', store, 100, 40);
    e.save(FRAME, store, 0, 40);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the newest frames of this build only', () => {
    const { dir, store } = scratch();
    start(dir, terminal(), { build: 'old' })!.save(FRAME, store, 100, 40);
    const e = start(dir)!;
    for (let i = 0; i < MAX_FRAMES + 5; i++) {
      e.save(FRAME, store, 100 + i, 40);
      // Distinct times, so "newest" is well defined however fast this runs.
      const f = readdirSync(dir).find((x) => x.includes(frameKey(['--new'], 100 + i, 40, {})))!;
      utimesSync(join(dir, f), i + 1, i + 1);
    }
    const files = readdirSync(dir);
    expect(files).toHaveLength(MAX_FRAMES);
    expect(files.every((f) => f.startsWith('frame-b1-'))).toBe(true);
    expect(files.some((f) => f.includes(frameKey(['--new'], 100, 40, {})))).toBe(false);
    expect(readFileSync(join(dir, files[0]!), 'utf8')).toContain(FRAME);
  });
});
