// The one write path (src/io/output.ts): all or nothing on a full disk, never replacing what is
// not a regular file, never writing over an input, and a failed standard output is an error.
// Special files are made in a fresh temporary folder only (mkfifo, symlinks); /dev/full is only
// ever written to, as the target of a child's standard output.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { loadCatalog } from '../src/io/load.js';
import { fsOps, writeAtomic } from '../src/io/output.js';
import { answersFile, tempDir } from './helpers.js';

const BIN = join(process.cwd(), 'dist', 'cli.js');
const catalog = await loadCatalog();
const real = { ...fsOps };
afterEach(() => Object.assign(fsOps, real));

function run(args: string[], opts: { cwd?: string; stdout?: number | 'pipe' } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.CI;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, encoding: 'utf8', env, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}

function answers(dir: string, name = 'answers.json', org = 'Riverbend Community Services'): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(answersFile(catalog, { profile: { name: org } })));
  return file;
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('a full disk or a short write', () => {
  it('a write that stops short fails, removes its temporary file and leaves the old file as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.md');
    writeFileSync(file, 'the old plan\n');
    // The disk fills after 4 KiB: the next write writes nothing.
    let written = 0;
    fsOps.writeSync = (fd, buf, off, len) => {
      const n = Math.min(len, Math.max(0, 4096 - written));
      written += n;
      return n === 0 ? 0 : real.writeSync(fd, buf, off, n);
    };
    expect(() => writeAtomic(file, 'x'.repeat(50_000), true)).toThrow(/plan\.md: could not write it \(ENOSPC: the disk is full\); the existing file was left as it was/);
    expect(readFileSync(file, 'utf8')).toBe('the old plan\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('ENOSPC, EDQUOT and a failing fsync are errors too, and nothing is left behind', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.md');
    for (const code of ['ENOSPC', 'EDQUOT']) {
      fsOps.writeSync = () => {
        throw Object.assign(new Error(code), { code });
      };
      expect(() => writeAtomic(file, 'text', false)).toThrow(InputError);
      expect(existsSync(file)).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    }
    Object.assign(fsOps, real);
    fsOps.fsyncSync = () => {
      throw Object.assign(new Error('EIO'), { code: 'EIO' });
    };
    expect(() => writeAtomic(file, 'text', false)).toThrow(/EIO/);
    expect(existsSync(file)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('partial writes are continued until every byte is written, and flushed before the rename', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.md');
    const calls: string[] = [];
    fsOps.writeSync = (fd, buf, off, len) => {
      calls.push('write');
      return real.writeSync(fd, buf, off, Math.min(len, 1000));
    };
    fsOps.fsyncSync = (fd) => {
      calls.push('fsync');
      real.fsyncSync(fd);
    };
    fsOps.renameSync = (a, b) => {
      calls.push('rename');
      real.renameSync(a, b);
    };
    fsOps.linkSync = (a, b) => {
      calls.push('link');
      real.linkSync(a, b);
    };
    const text = 'é'.repeat(3000);
    writeAtomic(file, text, false);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(calls.filter((c) => c === 'write').length).toBe(6);
    // A new file is linked into place (no-clobber); an existing one is replaced by a rename.
    expect(calls.slice(-2)).toEqual(['fsync', 'link']);
    writeAtomic(file, text + '!', true);
    expect(calls.slice(-2)).toEqual(['fsync', 'rename']);
  });

  it('on a real, nearly full file system (a 16 KiB tmpfs): exit 2, the old plan kept, no temporary file', (ctx) => {
    // Needs a private mount namespace (root, or user namespaces); skipped where that is not allowed.
    const dir = tempDir();
    const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs -o size=16k tmpfs "${dir}"`]);
    if (probe.status !== 0) return ctx.skip();
    const input = join(process.cwd(), 'examples', 'answers.json'); // a plan of about 77 KB
    const script = [
      `mount -t tmpfs -o size=16k tmpfs "${dir}"`,
      `printf 'old plan\\n' > "${dir}/plan.md"`,
      `"${process.execPath}" "${BIN}" --answers "${input}" --out "${dir}/plan.md" --force; echo "EXIT=$?"`,
      `cat "${dir}/plan.md"; ls -A "${dir}"`,
    ].join('; ');
    const env = { ...process.env };
    delete env.CI;
    const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8', env });
    expect(r.stdout).toContain('EXIT=2');
    expect(r.stderr).toMatch(/plan\.md: could not write it \(ENOSPC: the disk is full\); the existing file was left as it was/);
    expect(r.stdout).toContain('old plan\nplan.md\n');
  });
});

describe('special files are never replaced', () => {
  it('a symbolic link is followed: its target gets the plan (with --force), the link stays a link', () => {
    const dir = tempDir();
    const input = answers(dir);
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'target.md'), 'old');
    symlinkSync(join('elsewhere', 'target.md'), join(dir, 'link.md'));
    const refused = run(['--answers', input, '--out', 'link.md'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/link\.md: already exists \(the symbolic link points to .*target\.md\); use --force/);
    const r = run(['--answers', input, '--out', 'link.md', '--force'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe(join('elsewhere', 'target.md'));
    expect(readFileSync(join(dir, 'elsewhere', 'target.md'), 'utf8')).toMatch(/^# Peer support readiness plan/);
    expect(leftovers(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('a dangling symbolic link is not replaced without --force; with it, the target is created', () => {
    const dir = tempDir();
    const input = answers(dir);
    symlinkSync('nowhere.md', join(dir, 'dangling.md'));
    const r = run(['--answers', input, '--out', 'dangling.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dangling\.md: is a symbolic link to .*nowhere\.md, which does not exist; use --force to create it/);
    expect(lstatSync(join(dir, 'dangling.md')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'nowhere.md'))).toBe(false);
    expect(run(['--answers', input, '--out', 'dangling.md', '--force'], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, 'dangling.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'nowhere.md'), 'utf8')).toMatch(/^# Peer support/);
  });

  it('a FIFO is written into, not replaced', async () => {
    const dir = tempDir();
    const input = answers(dir);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (got += d));
    const closed = new Promise((r) => reader.on('close', r));
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.CI;
    const child = spawn(process.execPath, [BIN, '--answers', input, '--out', fifo], { env, stdio: 'ignore' });
    const code = await new Promise((r) => child.on('close', r));
    await closed;
    expect(code).toBe(0);
    expect(got).toMatch(/^# Peer support readiness plan/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a link to a FIFO is written through into the FIFO; a loop of links is an input error', async () => {
    const dir = tempDir();
    const input = answers(dir);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('pipe', join(dir, 'to-pipe'));
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (got += d));
    const closed = new Promise((r) => reader.on('close', r));
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.CI;
    const child = spawn(process.execPath, [BIN, '--answers', input, '--out', 'to-pipe'], { cwd: dir, env, stdio: 'ignore' });
    expect(await new Promise((r) => child.on('close', r))).toBe(0);
    await closed;
    expect(got).toMatch(/^# Peer support readiness plan/);
    expect(lstatSync(join(dir, 'to-pipe')).isSymbolicLink()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);

    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const r = run(['--answers', input, '--out', 'loop-a', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/loop-a: cannot be followed \(ELOOP/);
  });

  it('a folder is refused with a clear message', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plans'));
    expect(() => writeAtomic(join(dir, 'plans'), 'x', true)).toThrow(/plans: is a folder; give a file name/);
  });
});

describe('inputs are never outputs', () => {
  it('--out naming the answers file is refused, even with --force and another spelling of the path', () => {
    const dir = tempDir();
    const input = answers(dir);
    const before = readFileSync(input, 'utf8');
    const r = run(['--answers', input, '--out', './answers.json', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\.json: is an input .*never writes over its inputs/);
    expect(readFileSync(input, 'utf8')).toBe(before);
    const m = run(['merge', input, answers(dir, 'b.json'), '--out', 'b.json', '--force'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/b\.json: is an input/);
    linkSync(input, join(dir, 'hard.json')); // the same file under another name
    const h = run(['--answers', 'answers.json', '--out', 'hard.json', '--force'], { cwd: dir });
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/hard\.json: is an input/);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('a path through a file is an input error, not an internal one (--out and --out-dir)', () => {
    const dir = tempDir();
    const input = answers(dir);
    const r = run(['--answers', input, '--out', 'answers.json/plan.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\.json\/plan\.md: cannot be written \(ENOTDIR/);
    mkdirSync(join(dir, 'in'));
    answers(join(dir, 'in'));
    const b = run(['--answers', 'in', '--out-dir', 'answers.json/plans'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--out-dir: answers\.json\/plans is not a folder/);
  });

  it('--answers through a file (answers.json/x) is an input error naming the path, exit 2, on every Node', () => {
    const dir = tempDir();
    answers(dir);
    for (const args of [['--answers', 'answers.json/x'], ['--answers', 'answers.json/x', '--out', '-', '--format', 'json']]) {
      const r = run(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('peer-ready: answers.json/x: cannot read it (ENOTDIR: a part of the path is a file, not a folder)\n');
      expect(readdirSync(dir)).toEqual(['answers.json']);
    }
  });

  it('--answers DIR --out-dir DIR (the same folder, also through a link) is refused and writes nothing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    answers(join(dir, 'in'), 'a.json');
    symlinkSync('in', join(dir, 'same'));
    for (const outDir of ['in', 'in/', 'same']) {
      const r = run(['--answers', 'in', '--out-dir', outDir, '--force', '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--out-dir is the folder of answers files/);
    }
    expect(readdirSync(join(dir, 'in'))).toEqual(['a.json']);
    expect(JSON.parse(readFileSync(join(dir, 'in', 'a.json'), 'utf8')).version).toBe(1);
  });
});

describe('standard output', () => {
  const full = existsSync('/dev/full');
  it.skipIf(!full)('a failed write to stdout (/dev/full) exits 2 with a message: plans, --format json, schema', () => {
    const dir = tempDir();
    const input = answers(dir);
    for (const args of [['--answers', input, '--out', '-'], ['--answers', input, '--out', '-', '--format', 'json'], ['schema'], ['schema', '--plan'], ['answers-template'], ['--help'], ['--version']]) {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = run(args, { stdout: fd });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(/standard output: could not be written \(ENOSPC: the disk is full\)/);
      } finally {
        closeSync(fd);
      }
    }
  });

  it('a closed pipe ends quietly, but never with status 0', async () => {
    const dir = tempDir();
    const input = answers(dir);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.CI;
    // About 190 KB of JSON, far more than a pipe holds: the reader is gone before it is all written.
    const child = spawn(process.execPath, [BIN, '--answers', input, '--out', '-', '--format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.destroy();
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/internal error/);
  });
});

describe('no-clobber writes are atomic', () => {
  it('two writes of the same new file without --force: the first wins, the second is told "already exists"', () => {
    const dir = tempDir();
    const file = join(dir, 'plan.md');
    // The other writer creates the file after this one checked the name and before it lands.
    fsOps.fsyncSync = (fd) => {
      if (!existsSync(file)) writeFileSync(file, 'first writer\n');
      real.fsyncSync(fd);
    };
    expect(() => writeAtomic(file, 'second writer\n', false)).toThrow(/plan\.md: already exists \(another program created it while peer-ready was writing it\); use --force to replace it/);
    expect(readFileSync(file, 'utf8')).toBe('first writer\n');
    expect(readdirSync(dir)).toEqual(['plan.md']); // no temporary file left
    // With --force the later write replaces it, as asked.
    Object.assign(fsOps, real);
    writeAtomic(file, 'forced\n', true);
    expect(readFileSync(file, 'utf8')).toBe('forced\n');
  });
});
