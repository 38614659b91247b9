// Asking the file system what is at a path, the same way on every supported Node.
// `statSync(path, { throwIfNoEntry: false })` cannot do it: since Node 22 it returns undefined
// for ENOTDIR (a part of the path is a file) as well as for ENOENT, so a path through a file
// looked like a path to nothing, and on Node 20 it threw instead.
import { statSync, type Stats } from 'node:fs';

/** The stats of `path`; undefined only when nothing is there (ENOENT). Any other failure, ENOTDIR included, is thrown. */
export function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Whether `path` is a folder; false when it cannot be reached at all (the read that follows says why). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
