// Writing results: atomically (a temporary file in the same folder, then a rename), and never
// over an existing file unless asked to.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';

export function checkWritable(file: string, force: boolean): void {
  if (file === '-') return;
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new InputError(file, '', 'is a directory; give a file name for the output');
    if (!force) throw new InputError(file, '', 'already exists; use --force to replace it');
  }
}

export function writeAtomic(file: string, content: string, force: boolean): void {
  if (file === '-') {
    process.stdout.write(content);
    return;
  }
  checkWritable(file, force);
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // The rename makes the write all-or-nothing: a reader (or a crash) never sees half a plan.
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(file, '', `could not write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
