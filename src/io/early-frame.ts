// The wizard's first screen, on the terminal before anything else has loaded.
//
// Ink, React and the questionnaires take a few dozen milliseconds to load; the first screen does
// not have to wait for them. Each time Ink draws the wizard's first screen, the exact bytes it
// wrote are kept in the cache folder (the one that holds V8's code cache), together with the saved
// progress file's identity (inode, size, modification time). The next start with the same
// options, terminal size and environment writes those bytes at once, from the top of dist/cli.js,
// and puts the terminal in raw mode so keys typed meanwhile wait, unechoed, for the wizard to apply
// them in order. When Ink then draws, src/ui/first-frame.ts compares: the same bytes are not
// written again (no flicker); anything else replaces the early frame in a single write.
//
// A frame is only drawn while the saved progress file is exactly as it was when the frame was
// kept, so a resume list is never out of date; when the wizard ends it keeps the frame that the
// next start will show (src/ui/run.ts). Nothing here is needed for correctness: a missing, stale
// or unreadable entry only means the start shows "loading…" for a moment, as before.
//
// The build compiles this module on its own into the top of dist/cli.js (scripts/build.mjs), and
// the bundles receive that same instance, so it imports only Node's built-ins.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { join } from 'node:path';

/** Set to turn the early frame off (the wizard then shows "loading…" while it loads). */
export const NO_EARLY_FRAME_ENV = 'PEER_READY_NO_EARLY_FRAME';

/**
 * What can change the first screen besides the options and the terminal's size: colors (Ink's
 * chalk reads TERM, COLORTERM, FORCE_COLOR...), screen-reader mode, where progress is saved, and
 * the time zone (the resume list shows local times). A variable missed here costs a redraw, not a
 * wrong screen: Ink's frame always replaces one that differs.
 */
const ENV_KEYS = [
  'TERM', 'COLORTERM', 'TERM_PROGRAM', 'FORCE_COLOR', 'NO_COLOR', 'INK_SCREEN_READER',
  'PEER_READY_STORE_DIR', 'PEER_READY_PLANS_DIR', 'XDG_CONFIG_HOME', 'HOME', 'APPDATA', 'TZ', 'LANG', 'LC_ALL',
] as const;

const HEADER = 'peer-ready early frame 1\n';
/** At most this many frames are kept per build (one per options, size and environment). */
export const MAX_FRAMES = 32;
const SHOW_CURSOR = '\u001B[?25h';
/** Exit code of an interrupted wizard (core/exit-codes.ts; not imported, to keep this module alone). */
const INTERRUPTED = 130;
/** Erase `lines` lines up to the cursor's and go to the first one's start (ansi-escapes' eraseLines). */
export const eraseLines = (lines: number): string => (lines > 0 ? '\u001B[2K\u001B[1A'.repeat(lines - 1) + '\u001B[2K\u001B[G' : '');

/** Ink's own test (is-in-ci): in CI, Ink draws only the last frame, so nothing is drawn early. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  const set = (k: string) => k in env && env[k] !== '0' && env[k] !== 'false';
  return set('CI') || set('CONTINUOUS_INTEGRATION');
}

/** FNV-1a over UTF-16 code units, from a seed; two seeds give a 64-bit name. */
function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The name of the frame for these options, terminal size and environment. */
export function frameKey(argv: readonly string[], columns: number, rows: number, env: NodeJS.ProcessEnv): string {
  const text = JSON.stringify([argv, columns, rows, ENV_KEYS.map((k) => env[k] ?? null)]);
  return fnv(text, 0x811c9dc5) + fnv(text, 0x1b873593);
}

/** The saved progress file's identity: "none" when it does not exist, undefined when it can't be read. */
export function storeSignature(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : undefined;
  }
}

interface Entry {
  store: string;
  stat: string;
  frame: string;
}

export function formatEntry(e: Entry): string {
  return `${HEADER}${JSON.stringify({ store: e.store, stat: e.stat })}\n${e.frame}`;
}

export function parseEntry(text: string): Entry | undefined {
  if (!text.startsWith(HEADER)) return undefined;
  const nl = text.indexOf('\n', HEADER.length);
  if (nl === -1) return undefined;
  try {
    const head = JSON.parse(text.slice(HEADER.length, nl)) as Partial<Entry>;
    if (typeof head.store !== 'string' || typeof head.stat !== 'string') return undefined;
    return { store: head.store, stat: head.stat, frame: text.slice(nl + 1) };
  } catch {
    return undefined;
  }
}

export interface EarlyFrame {
  /** The bytes drawn at start (Ink's first frame from an earlier run), or undefined if none was. */
  readonly drawn: string | undefined;
  /**
   * Keep `frame`, the bytes of Ink's first frame at this size, for the next start with the same
   * options; it is drawn only while `storeFile` is as it is now. Never throws.
   */
  save(frame: string, storeFile: string, columns: number, rows: number): void;
  /** The wizard has taken over the terminal and handles signals itself from now on. */
  takenOver(): void;
  /** The wizard will not start (an error to report): erase the frame, show the cursor, let go. */
  withdraw(): void;
}

interface Terminal {
  stdout: { readonly columns?: number; readonly rows?: number; write(s: string): unknown };
  stdin: { setRawMode?(on: boolean): unknown };
}

export interface StartOptions {
  /** The cache folder (private to this user), or undefined when there is none. */
  dir: string | undefined;
  /** Names this build: frames of other builds are never drawn. */
  build: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Whether stdin and stdout are terminals (asked before the streams are made). */
  isTerminal?: () => boolean;
  /** The streams, made only when they are terminals. */
  terminal?: () => Terminal;
}

let current: EarlyFrame | undefined;

/** The early frame of this run (undefined when run from source, or for a run with no terminal). */
export function earlyFrame(): EarlyFrame | undefined {
  return current;
}

const fileFor = (dir: string, build: string, key: string) => join(dir, `frame-${build}-${key}.txt`);

/** Drop frames of other builds, and the oldest of this one beyond MAX_FRAMES. */
function prune(dir: string, build: string): void {
  const mine: { name: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('frame-')) continue;
    if (!name.startsWith(`frame-${build}-`)) rmSync(join(dir, name), { force: true });
    else mine.push({ name, mtime: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 });
  }
  mine.sort((a, b) => b.mtime - a.mtime);
  for (const old of mine.slice(MAX_FRAMES)) rmSync(join(dir, old.name), { force: true });
}

/**
 * Run first thing at start: draw the kept frame if there is one and it still holds, and make
 * earlyFrame() return what the wizard needs to take over from it. Never throws.
 */
export function startEarlyFrame(o: StartOptions): EarlyFrame | undefined {
  const { dir, build, argv, env } = o;
  try {
    const isTerminal = o.isTerminal ?? (() => isatty(0) && isatty(1));
    if (!dir || env[NO_EARLY_FRAME_ENV] || inCi(env) || !isTerminal()) return undefined;
    // stdin is made only when a frame is drawn (it is not needed otherwise).
    const terminal = (o.terminal ?? (() => ({ stdout: process.stdout, get stdin() { return process.stdin; } })))();
    const { stdout } = terminal;
    let drawn: string | undefined;
    let release = () => {};
    let withdraw = () => {};
    if (stdout.columns && stdout.rows) {
      let entry: Entry | undefined;
      try {
        entry = parseEntry(readFileSync(fileFor(dir, build, frameKey(argv, stdout.columns, stdout.rows, env)), 'utf8'));
      } catch {
        entry = undefined;
      }
      if (entry && entry.frame !== '' && storeSignature(entry.store) === entry.stat) {
        stdout.write(entry.frame);
        drawn = entry.frame;
        // Keys typed from now on wait, unechoed, for the wizard (Ink keeps raw mode and restores it).
        terminal.stdin.setRawMode?.(true);
        // Should the process end before Ink takes over, the cursor the frame hid comes back.
        process.once('exit', () => {
          try {
            stdout.write(SHOW_CURSOR);
          } catch {}
        });
        // Stopped while loading (SIGTERM, a closed window), there is nothing to save yet: the
        // frame goes and the wizard exits as interrupted, as it would a moment later.
        const frame = entry.frame;
        const interrupted = () => {
          withdraw();
          process.exit(INTERRUPTED);
        };
        const signals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
        for (const sig of signals) process.once(sig, interrupted);
        release = () => {
          for (const sig of signals) process.off(sig, interrupted);
        };
        withdraw = () => {
          release();
          try {
            stdout.write(eraseLines(frame.split('\n').length) + SHOW_CURSOR);
          } catch {}
        };
      }
    }
    current = {
      drawn,
      takenOver: () => release(),
      withdraw: () => withdraw(),
      save(frame, storeFile, columns, rows) {
        try {
          const stat = storeSignature(storeFile);
          if (!stat || !frame || !columns || !rows) return;
          mkdirSync(dir, { recursive: true, mode: 0o700 });
          const file = fileFor(dir, build, frameKey(argv, columns, rows, env));
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, formatEntry({ store: storeFile, stat, frame }), { mode: 0o600 });
          renameSync(tmp, file);
          prune(dir, build);
        } catch {}
      },
    };
    return current;
  } catch {
    return undefined;
  }
}
