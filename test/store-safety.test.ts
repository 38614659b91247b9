// Saved progress that is never lost and never claimed when it was not saved: two wizards on one
// organization, saves that fail mid-run, and stores that cannot be used at all (exit 2 with a
// message, never a stack trace).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import type { WizardState } from '../src/core/wizard-state.js';
import { persistTo, quitText, type SaveLog } from '../src/io/session.js';
import { formatList, openStore } from '../src/io/store.js';
import { tempDir } from './helpers.js';
import { record } from './helpers/records.js';

const BIN = join(process.cwd(), 'dist', 'cli.js');

function list(storeDir: string, asUser?: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PEER_READY_STORE_DIR: storeDir, FORCE_COLOR: '0' };
  delete env.CI;
  const cmd = [...(asUser ?? []), process.execPath, BIN, '--list'];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


// persistTo only needs toRecord's view of the state: the id, profile, answers and position.
const ctx = { questionnaires: () => [] } as never;
const state = (id: string | undefined, name: string, values: Record<string, string>): WizardState =>
  ({ id, profile: { name, programType: 'general' }, values, notes: {}, position: { step: 'name' }, status: 'in-progress', screen: { kind: 'quit' } }) as never;

describe('two wizards on one organization', () => {
  it('the second one to save does not overwrite the first: it saves a copy and says so', async () => {
    const dir = tempDir();
    const a = (await openStore(dir)).store;
    const b = (await openStore(dir)).store;
    const logA: SaveLog = {};
    const logB: SaveLog = {};
    const saveA = persistTo(a, ctx, logA);
    const saveB = persistTo(b, ctx, logB);
    expect(saveA(state('acme', 'Acme', { q1: 'yes' }))).toBeUndefined();
    const notice = saveB(state('acme', 'Acme', { q2: 'no' }));
    expect(notice).toMatch(/Another peer-ready wizard is saving Acme too.*separate copy, "acme-2"/);
    // Both keep saving; neither loses what it had.
    expect(saveA(state('acme', 'Acme', { q1: 'yes', q3: 'partly' }))).toBeUndefined();
    expect(saveB(state('acme', 'Acme', { q2: 'no', q4: 'yes' }))).toBeUndefined();
    const after = (await openStore(dir)).store;
    expect(after.get('acme')!.values).toEqual({ q1: 'yes', q3: 'partly' });
    expect(after.get('acme-2')!.values).toEqual({ q2: 'no', q4: 'yes' });
    expect(quitText(logB, state('acme', 'Acme', {}))).toMatch(/saved, as a separate copy \("acme-2"\)/);
    expect(quitText(logA, state('acme', 'Acme', {}))).toBe('Your answers for Acme are saved. Run peer-ready again to continue where you left off.');
  });

  it('a wizard that resumed a record another wizard has since saved does not overwrite it either', async () => {
    const dir = tempDir();
    (await openStore(dir)).store.put(record('acme', 'Acme', { q1: 'yes' }));
    const a = (await openStore(dir)).store;
    const b = (await openStore(dir)).store;
    a.put(record('acme', 'Acme', { q1: 'yes', q2: 'no' }));
    expect(b.put(record('acme', 'Acme', { q1: 'no' })).id).toBe('acme-2');
    expect(a.put(record('acme', 'Acme', { q1: 'yes', q2: 'no', q3: 'yes' })).id).toBe('acme');
    const after = (await openStore(dir)).store;
    expect(Object.keys(after.get('acme')!.values)).toEqual(['q1', 'q2', 'q3']);
    expect(after.get('acme-2')!.values).toEqual({ q1: 'no' });
  });
});

describe('claims of saving', () => {
  it('when the latest save failed, the last words say so and what was kept, never "are saved"', async () => {
    const dir = tempDir();
    const { store } = await openStore(dir);
    const log: SaveLog = {};
    const save = persistTo(store, ctx, log);
    expect(save(state('acme', 'Acme', { q1: 'yes' }))).toBeUndefined();
    writeFileSync(store.path, '{"assessments": {"acme": '); // the file is damaged while the wizard runs
    expect(save(state('acme', 'Acme', { q1: 'yes', q2: 'no' }))).toMatch(/^Could not save progress \(.+\); your answers are kept on screen\.$/);
    const text = quitText(log, state('acme', 'Acme', {}));
    expect(text).toMatch(/^Your latest answers for Acme could NOT be saved \(.+\)\. What is kept is the progress saved at \d{4}-\d\d-\d\d \d\d:\d\d \(1 answer\)/);
    expect(text).not.toMatch(/are saved/);
  });

  it('nothing saved at all in this session is said plainly', async () => {
    const dir = tempDir();
    const { store } = await openStore(dir);
    mkdirSync(store.path); // config.json is now a folder: every save fails
    const log: SaveLog = {};
    expect(persistTo(store, ctx, log)(state('acme', 'Acme', { q1: 'yes' }))).toMatch(/Could not save progress/);
    expect(quitText(log, state('acme', 'Acme', {}))).toMatch(/could NOT be saved .* Nothing for this organization was saved in this session\./);
    expect(quitText(log, state(undefined, '', {}))).toMatch(/^Stopped\. Nothing was saved/);
  });
});

describe('a store that cannot be used: exit 2 with a message, no stack trace', () => {
  const noTrace = (stderr: string) => {
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  };

  it('config.json is a folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config.json'));
    const r = list(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config\.json: is a folder, but peer-ready keeps saved progress in a file of that name/);
    noTrace(r.stderr);
  });

  it('PEER_READY_STORE_DIR is a file, or lies under one (the folder cannot be created)', () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    for (const storeDir of [file, join(file, 'sub')]) {
      const r = list(storeDir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/saved progress cannot be kept here \(ENOTDIR: a part of the path is a file, not a folder\); set PEER_READY_STORE_DIR to a folder you can write/);
      noTrace(r.stderr);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a corrupt store that cannot be moved aside', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{not json');
    const now = new Date('2027-01-15T10:00:00.000Z');
    // The name it would be moved to is taken by a non-empty folder, so the rename fails (as root too).
    mkdirSync(join(dir, 'config.json.corrupt-2027-01-15T10-00-00-000Z', 'x'), { recursive: true });
    const e = await openStore(dir, now).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/config\.json: is not valid JSON, and it could not be moved aside \((ENOTEMPTY|EISDIR|EEXIST)/);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{not json');
  });

  it('a corrupt store in a read-only folder', (t) => {
    // Root may write anywhere: as root, the child runs as "nobody" (skipped without setpriv).
    const root = process.getuid?.() === 0;
    const asUser = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
    if (root && spawnSync('setpriv', ['--version']).status !== 0) return t.skip();
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{not json');
    chmodSync(dir, 0o555);
    try {
      const r = list(dir, asUser);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/could not be moved aside \(EACCES: permission denied\)/);
      noTrace(r.stderr);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('hostile text in the store, shown by --list', () => {
  it('escape sequences are shown escaped, and wide names line up by terminal columns', async () => {
    const dir = tempDir();
    const { store } = await openStore(dir);
    store.put(record('evil', `Evil\u001b[2J\u001b]52;c;aGk=\u0007\u009b31m\r\bCo`), new Date(2027, 0, 15, 9, 30));
    store.put(record('wide', '日本の支援🙂'), new Date(2027, 0, 15, 9, 0));
    store.put(record('plain', 'Plain'), new Date(2027, 0, 15, 8, 0));
    const r = list(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('Evil\\u001b[2J\\u001b]52;c;aGk=\\u0007\\u009b31m\\r\\bCo');
    // Every "general" column starts at the same terminal column.
    const lines = formatList(store.list(), store.path).split('\n').slice(1, 4);
    const col = (line: string) => {
      const i = line.indexOf('general');
      return [...line.slice(0, i)].reduce((w, ch) => w + (/[\u3000-\u9fff]|\p{Extended_Pictographic}/u.test(ch) ? 2 : 1), 0);
    };
    expect(new Set(lines.map(col)).size).toBe(1);
  });
});
