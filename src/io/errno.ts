// What a failed file-system call means, in words a user can act on: one table for every place in
// src/io that reports one (writing output, the saved-progress store).
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EIO: 'an input/output error',
  ENOENT: 'a folder on the way does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file stands where a folder should be',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links, or a loop of them',
  EPIPE: 'the reader has gone (closed pipe)',
};

/** "ENOSPC: the disk is full"; the bare code when it has no entry; the message of any other error. */
export function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code) return REASONS[code] ? `${code}: ${REASONS[code]}` : code;
  return e instanceof Error ? e.message : String(e);
}
