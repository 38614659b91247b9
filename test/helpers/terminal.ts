// A fake terminal for rendering Ink in-process, like Ink's own test/helpers: a stdout of any
// size that keeps every frame, and a stdin that delivers chunks exactly as a terminal does
// (several keys in one chunk included, which is how pastes and fast typing arrive).
// ink-testing-library is not used: its stdout is fixed at 100 columns (the wizard is tested at
// 60) and its stdin keeps only the last chunk written before Ink reads, which drops keys.
import { EventEmitter } from 'node:events';

const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;
export const stripAnsi = (s: string): string => s.replace(ANSI, '');

export const KEY = { down: '\u001B[B', up: '\u001B[A', esc: '\u001B', enter: '\r', tab: '\t' } as const;

export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    readonly columns = 100,
    readonly rows = 40,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  /** The last frame drawn, without colours. */
  lastFrame = () => stripAnsi(this.frames.at(-1) ?? '');
}

export class FakeStdin extends EventEmitter {
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
