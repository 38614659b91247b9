// src/io/stat-path.ts: "nothing there" and "a path through a file" told apart, as Node 22+'s
// statSync(…, { throwIfNoEntry: false }) no longer does (it returns undefined for both).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFolder, statIfExists } from '../src/io/stat-path.js';
import { tempDir } from './helpers.js';

describe('stat-path', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'file.txt'), 'x');
  mkdirSync(join(dir, 'sub'));

  it('statIfExists: stats for a file or a folder, undefined for nothing there', () => {
    expect(statIfExists(join(dir, 'file.txt'))?.isFile()).toBe(true);
    expect(statIfExists(join(dir, 'sub'))?.isDirectory()).toBe(true);
    expect(statIfExists(join(dir, 'missing'))).toBeUndefined();
    expect(statIfExists(join(dir, 'missing', 'deeper'))).toBeUndefined();
  });

  it('statIfExists: a path through a file throws ENOTDIR instead of looking missing', () => {
    expect(() => statIfExists(join(dir, 'file.txt', 'x'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('isFolder: true only for a folder that can be reached', () => {
    expect(isFolder(join(dir, 'sub'))).toBe(true);
    expect(isFolder(join(dir, 'file.txt'))).toBe(false);
    expect(isFolder(join(dir, 'missing'))).toBe(false);
    expect(isFolder(join(dir, 'file.txt', 'x'))).toBe(false);
  });
});
