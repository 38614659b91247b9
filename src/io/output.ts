// The one way peer-ready writes a result: plans, batch plans, answers files and the wizard's saves
// all come through writeAtomic, and standard output through writeStdout.
//
// A regular file is written atomically: a temporary file in the same folder, every byte written
// (a short write or a full disk is an error, never a cut-off file), flushed to disk, then renamed
// over the old one. On any failure the temporary file is removed and the old file is left as it was.
// Nothing that is not a regular file is ever replaced:
// - a symbolic link is followed, and its target is written (atomically, in the target's folder);
// - a character device (e.g. /dev/stdout) or a FIFO (a named pipe) is written into directly;
// - a folder, a block device or a socket is refused.
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { terminalText } from '../core/terminal-text.js';
import { errnoReason } from './errno.js';

/** The file-system calls writes go through; tests swap them to simulate a full disk. */
export const fsOps = {
  openSync: nodeFs.openSync,
  writeSync: nodeFs.writeSync as (fd: number, buffer: Uint8Array, offset: number, length: number) => number,
  fsyncSync: nodeFs.fsyncSync,
  closeSync: nodeFs.closeSync,
  renameSync: nodeFs.renameSync,
  linkSync: nodeFs.linkSync,
};

const reason = errnoReason;

const wait = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write every byte of `data` to `fd`, or throw. A write that makes no progress is a full disk
 * (ENOSPC); a non-blocking descriptor that is momentarily full (EAGAIN) is waited on briefly.
 */
export function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  let stalls = 0;
  while (off < data.length) {
    let n: number;
    try {
      n = fsOps.writeSync(fd, data, off, data.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN' && stalls++ < 60_000) {
        Atomics.wait(wait, 0, 0, 1);
        continue;
      }
      throw e;
    }
    if (n <= 0) throw Object.assign(new Error('short write: no space left'), { code: 'ENOSPC' });
    off += n;
    stalls = 0;
  }
}

/** Thrown when standard output cannot be written; a closed pipe (EPIPE) is reported quietly. */
export class OutputError extends InputError {
  constructor(
    readonly code: string | undefined,
    detail: string,
  ) {
    super('standard output', '', detail);
    this.name = 'OutputError';
  }
  get quiet(): boolean {
    return this.code === 'EPIPE';
  }
}

/** Write text to standard output synchronously, checking that all of it got there. */
export function writeStdout(text: string): void {
  try {
    writeAll(1, Buffer.from(text, 'utf8'));
  } catch (e) {
    throw new OutputError((e as NodeJS.ErrnoException).code, `could not be written (${reason(e)})`);
  }
}

type Target =
  | { kind: 'absent'; path: string }
  | { kind: 'file'; path: string; mode: number }
  | { kind: 'stream'; path: string };

/** What a path names once symbolic links are followed (dangling ones too). */
function resolveTarget(file: string): { path: string; link?: string; stat?: nodeFs.Stats } {
  const first = nodeFs.lstatSync(file, { throwIfNoEntry: false });
  if (!first) return { path: resolve(file) };
  if (!first.isSymbolicLink()) return { path: resolve(file), stat: first };
  // Let the system follow the link: it knows the magic ones (/dev/stdout, /dev/fd/N, >(cmd)),
  // whose targets ("pipe:[1234]") are no path. Such a stream is then opened by the name given.
  let stat: nodeFs.Stats | undefined;
  try {
    stat = nodeFs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    throw new InputError(terminalText(file), '', `cannot be followed (${reason(e)})`);
  }
  if (stat) {
    if (!stat.isFile() && !stat.isDirectory()) return { path: resolve(file), link: file, stat };
    return { path: nodeFs.realpathSync(file), link: file, stat };
  }
  // A dangling link: follow it by hand to the name it would create.
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const st = nodeFs.lstatSync(path, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) return { path, link: file };
    path = resolve(dirname(path), nodeFs.readlinkSync(path));
  }
  throw new InputError(terminalText(file), '', 'has too many symbolic links in a row');
}

/** The same file on disk (through links, other spellings of the path, and hard links). */
function same(a: string, b: string): boolean {
  const sa = nodeFs.statSync(a, { throwIfNoEntry: false });
  const sb = sa && nodeFs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Check that `file` may be written; returns what it names. Throws InputError for a folder, a
 * block device or socket, an existing file without --force, or a file that is one of the inputs.
 */
export function checkWritable(file: string, force: boolean, inputs: readonly string[] = []): Target {
  const shown = terminalText(file);
  if (file === '-') return { kind: 'stream', path: '-' };
  if (file === '') throw new InputError('--out', '', 'names no file');
  let target: ReturnType<typeof resolveTarget>;
  let input: string | undefined;
  try {
    target = resolveTarget(file);
    input = inputs.find((i) => same(i, file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(shown, '', `cannot be written (${reason(e)})`);
  }
  const { path, link, stat } = target;
  const via = link ? ` (the symbolic link points to ${terminalText(path)})` : '';
  if (input) throw new InputError(shown, '', `is an input (${terminalText(input)}); peer-ready never writes over its inputs. Choose another output name`);
  if (!stat) {
    if (link && !force) throw new InputError(shown, '', `is a symbolic link to ${terminalText(path)}, which does not exist; use --force to create it`);
    return { kind: 'absent', path };
  }
  if (stat.isDirectory()) throw new InputError(shown, '', `is a folder${via}; give a file name for the output`);
  if (stat.isCharacterDevice() || stat.isFIFO()) return { kind: 'stream', path };
  if (!stat.isFile()) throw new InputError(shown, '', `is not a regular file${via} (a ${stat.isBlockDevice() ? 'block device' : stat.isSocket() ? 'socket' : 'special file'}); peer-ready will not write to it`);
  if (!force) throw new InputError(shown, '', `already exists${via}; use --force to replace it`);
  return { kind: 'file', path, mode: stat.mode & 0o777 };
}

export interface WriteOptions {
  /** Files read for this output: it may never be one of them. */
  inputs?: readonly string[];
  /**
   * Flush a NEW file to disk before its rename (default true). A file that replaces another is
   * always flushed first, so a crash leaves the old file or the whole new one. A batch turns this
   * off for new files: each flush costs milliseconds, a thousand of them seconds, and a batch cut
   * short by a crash is simply run again (it never replaces a file it was not asked to).
   */
  flushNew?: boolean;
}

/**
 * Write `content` to `file` ("-" is standard output). All or nothing: on failure, throws
 * InputError, and any file that was there is left as it was.
 */
export function writeAtomic(file: string, content: string, force: boolean, opts: WriteOptions = {}): void {
  const inputs = opts.inputs ?? [];
  if (file === '-') return writeStdout(content);
  const target = checkWritable(file, force, inputs);
  const shown = terminalText(file);
  const data = Buffer.from(content, 'utf8');
  if (target.kind === 'stream') {
    // A device or a named pipe: there is nothing to replace, so write straight into it.
    let fd: number | undefined;
    try {
      fd = fsOps.openSync(target.path, 'w');
      writeAll(fd, data);
    } catch (e) {
      throw new InputError(shown, '', `could not write it (${reason(e)})`);
    } finally {
      if (fd !== undefined) fsOps.closeSync(fd);
    }
    return;
  }
  const dir = dirname(target.path);
  try {
    nodeFs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(shown, '', `could not create its folder ${terminalText(dir)} (${reason(e)}); nothing was written`);
  }
  const tmp = join(dir, `.${basename(target.path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = fsOps.openSync(tmp, 'wx', target.kind === 'file' ? target.mode : 0o644);
    writeAll(fd, data);
    // On disk before the rename: after a crash the name holds the old file or the whole new one.
    if (target.kind === 'file' || opts.flushNew !== false) fsOps.fsyncSync(fd);
    fsOps.closeSync(fd);
    fd = undefined;
    if (target.kind === 'file' || force) fsOps.renameSync(tmp, target.path);
    else {
      // A new file without --force: link() fails if the name was taken meanwhile (another run
      // writing the same file), so of two racing writes one wins and the other is told; never a
      // check-then-rename that lets the second replace the first.
      try {
        fsOps.linkSync(tmp, target.path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        nodeFs.rmSync(tmp, { force: true });
        throw new InputError(shown, '', 'already exists (another program created it while peer-ready was writing it); use --force to replace it');
      }
      nodeFs.rmSync(tmp, { force: true });
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (fd !== undefined) {
      try {
        fsOps.closeSync(fd);
      } catch {
        // already failing; the removal below is what matters
      }
    }
    nodeFs.rmSync(tmp, { force: true });
    const kept = target.kind === 'file' ? '; the existing file was left as it was' : '; nothing was written';
    throw new InputError(shown, '', `could not write it (${reason(e)})${kept}`);
  }
}
