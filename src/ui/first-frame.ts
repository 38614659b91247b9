// Taking over from the early frame (src/io/early-frame.ts): the first screen that was on the
// terminal before Ink loaded.
//
// Ink writes its first frame synchronously inside render(). That write is held back and compared
// with what is already on the screen: the same bytes are not written again, so nothing moves;
// different bytes replace the early frame in one write (erase, then Ink's frame), so the terminal
// never shows a blank or a half-drawn screen. Ink's own idea of what it drew stays true either way.
//
// Ink's first frame is then kept for the next start, and when the wizard ends, the screen the next
// start will open on (the resume list, as the saved progress now stands) is drawn off screen and
// kept too.
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import type { Instance, RenderOptions } from 'ink';
import { eraseLines, type EarlyFrame } from '../io/early-frame.js';

export { eraseLines };

const BSU = '\u001B[?2026h'; // begin synchronized update (Ink uses it on terminals)

/**
 * What to write once Ink has produced its first frame: nothing if it is what was drawn early,
 * otherwise one write that erases the early frame and draws Ink's (inside Ink's synchronized
 * update when it used one).
 */
export function handOver(drawn: string | undefined, inkFrame: string): string {
  if (drawn === undefined) return inkFrame;
  if (inkFrame === drawn) return '';
  // The early frame ends where Ink left the cursor: on the line after the frame, or (screen-reader
  // mode) at the end of its last line. Either way it covers its line breaks + 1 lines.
  const erase = eraseLines(drawn.split('\n').length);
  return inkFrame.startsWith(BSU) ? BSU + erase + inkFrame.slice(BSU.length) : erase + inkFrame;
}

type Write = NodeJS.WriteStream['write'];

/**
 * Call `render` (which calls Ink's render) with the frame it writes held back, then write what
 * handOver() says. Returns render's result and the frame Ink wrote.
 */
export function renderOver<T>(out: NodeJS.WriteStream, drawn: string | undefined, render: () => T): { result: T; frame: string } {
  const write = out.write;
  let frame = '';
  const callbacks: ((e?: Error | null) => void)[] = [];
  out.write = ((chunk: string | Uint8Array, a?: unknown, b?: unknown) => {
    frame += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const cb = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
    if (cb) callbacks.push(cb as (e?: Error | null) => void);
    return true;
  }) as Write;
  let result: T;
  try {
    result = render();
  } finally {
    out.write = write;
    // Whatever happened, the screen ends up as Ink believes it is.
    const text = handOver(drawn, frame);
    if (text !== '' || callbacks.length > 0) out.write(text, (e) => callbacks.forEach((cb) => cb(e)));
  }
  return { result, frame };
}

/** A terminal that only keeps what is written to it: for drawing a frame off screen. */
class OffscreenOut extends EventEmitter {
  readonly isTTY = true;
  text = '';
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write = (chunk: string | Uint8Array, a?: unknown, b?: unknown) => {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const cb = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
    if (cb) (cb as () => void)();
    return true;
  };
}

/** A terminal keyboard nobody types on. */
class OffscreenIn extends EventEmitter {
  readonly isTTY = true;
  read = () => null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

type InkRender = (node: ReactElement, options: RenderOptions) => Instance;

/**
 * The bytes Ink writes for its first frame of `element` on a terminal of this size, drawn off
 * screen: exactly what a real start writes, because the same code draws it.
 */
export function firstFrameOffscreen(render: InkRender, element: ReactElement, o: { columns: number; rows: number; screenReader: boolean }): string {
  const stdout = new OffscreenOut(o.columns, o.rows);
  const stdin = new OffscreenIn();
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new OffscreenOut(o.columns, o.rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
    isScreenReaderEnabled: o.screenReader,
  });
  const frame = stdout.text;
  instance.unmount();
  instance.cleanup();
  return frame;
}

/**
 * Keep Ink's first frame for the next start (see src/io/early-frame.ts). Kept even when it is the
 * frame drawn at this start: the saved progress it is tied to may have changed since (`--new`
 * opens on the same welcome whatever was saved).
 */
export function keepFrame(early: EarlyFrame | undefined, frame: string, storeFile: string, out: { columns?: number; rows?: number }): void {
  if (early && out.columns && out.rows) early.save(frame, storeFile, out.columns, out.rows);
}
