// Saved wizard progress (src/io/store.ts): written as given, read back after the writer dies,
// kept apart per organisation, and never a crash on a damaged file (which is kept, moved aside).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatList, listCommand, openStore, programTitles, STORE_DIR_ENV } from '../src/io/store.js';
import { record } from './helpers/records.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'peer-ready-store-'));
  dirs.push(d);
  return d;
};


describe('store', () => {
  it('keeps each organisation apart and reads everything back in a new process view', async () => {
    const dir = tmp();
    const { store, warning } = await openStore(dir);
    expect(warning).toBeUndefined();
    store.put(record('acme', 'Acme', { 's1.buy-in.board': 'yes' }), new Date('2027-01-15T10:00:00Z'));
    store.put(record('beta', 'Beta Clinic'), new Date('2027-01-15T11:00:00Z'));
    store.put({ ...record('acme', 'Acme', { 's1.buy-in.board': 'no' }), notes: { 's1.buy-in.board': 'ask' } }, new Date('2027-01-15T12:00:00Z'));

    const again = (await openStore(dir)).store;
    expect(again.list().map((r) => r.id)).toEqual(['acme', 'beta']);
    const acme = again.get('acme')!;
    expect(acme.values).toEqual({ 's1.buy-in.board': 'no' });
    expect(acme.notes).toEqual({ 's1.buy-in.board': 'ask' });
    expect(acme.createdAt).toBe('2027-01-15T10:00:00.000Z');
    expect(acme.updatedAt).toBe('2027-01-15T12:00:00.000Z');
    expect(again.get('beta')!.profile.name).toBe('Beta Clinic');
  });

  it('a writer killed with SIGKILL loses nothing it had saved', async () => {
    const dir = tmp();
    // A child that saves one answer at a time, says how many, and waits to be killed.
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
        const { default: Conf } = await import(${JSON.stringify(import.meta.resolve('conf'))});
        const conf = new Conf({ projectName: 'peer-ready', cwd: ${JSON.stringify(dir)} });
        const values = {};
        for (let i = 0; i < 5; i++) {
          values['q' + i] = 'yes';
          const now = new Date().toISOString();
          conf.set('assessments.acme', { id: 'acme', profile: { name: 'Acme' }, values, notes: {}, position: { step: 'question', index: i + 1 },
            status: 'in-progress', total: 90, createdAt: now, updatedAt: now });
          process.stdout.write('saved ' + (i + 1) + '\\n');
        }
        setInterval(() => {}, 1000);
        `,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('saved 5')) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const { store, warning } = await openStore(dir);
    expect(warning).toBeUndefined();
    expect(Object.keys(store.get('acme')!.values)).toHaveLength(5);
    expect(store.get('acme')!.position).toEqual({ step: 'question', index: 5 });
  });

  it('a file that is not JSON: one-line warning, fresh start, the file kept aside', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'config.json'), '{"assessments": {"acme": ');
    const { store, warning } = await openStore(dir, new Date('2027-01-15T10:00:00Z'));
    expect(warning).toMatch(/not valid JSON.*moved to .*config\.json\.corrupt-2027-01-15T10-00-00-000Z/);
    expect(warning).not.toContain('\n');
    expect(store.list()).toEqual([]);
    expect(readFileSync(join(dir, 'config.json.corrupt-2027-01-15T10-00-00-000Z'), 'utf8')).toBe('{"assessments": {"acme": ');
    store.put(record('acme', 'Acme'));
    expect((await openStore(dir)).store.list()).toHaveLength(1);
  });

  it('JSON of the wrong shape is treated the same way', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'config.json'), '{"assessments": [1, 2, 3]}');
    const { store, warning } = await openStore(dir);
    expect(warning).toMatch(/not a peer-ready store/);
    expect(store.list()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'))).toHaveLength(1);
  });

  it('a bad record is left out, the good ones kept, and the original file copied aside', async () => {
    const dir = tmp();
    const { store } = await openStore(dir);
    store.put(record('acme', 'Acme', { a: 'yes' }));
    const file = join(dir, 'config.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.assessments.broken = { id: 'broken', values: 'oops' };
    writeFileSync(file, JSON.stringify(data));
    const opened = await openStore(dir);
    expect(opened.warning).toMatch(/1 saved assessment .* could not be read .*\(broken\).*kept as/);
    expect(opened.store.list().map((r) => r.id)).toEqual(['acme']);
    const backups = readdirSync(dir).filter((f) => f.startsWith('config.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, backups[0]!), 'utf8')).assessments.broken).toBeDefined();
    expect(JSON.parse(readFileSync(file, 'utf8')).assessments.broken).toBeUndefined();
  });

  it('--list: organisation, program, progress, last updated, status', async () => {
    const dir = tmp();
    const { store } = await openStore(dir);
    store.put(record('acme', 'Acme Health', { a: 'yes', b: 'no' }), new Date(2027, 0, 15, 9, 30));
    store.put({ ...record('beta', 'Beta Clinic'), status: 'saved', files: { plan: 'beta.md', answers: 'beta.json' } }, new Date(2027, 0, 14, 8, 5));
    const text = formatList(store.list(), store.path, await programTitles());
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Organisation\s+Program\s+Progress\s+Last updated\s+Status$/);
    expect(lines[1]).toMatch(/^Acme Health\s+General \/ other state\s+2\/90\s+2027-01-15 09:30\s+in progress$/);
    expect(lines[2]).toMatch(/^Beta Clinic\s+General \/ other state\s+0\/90\s+2027-01-14 08:05\s+plan saved \(beta\.md\)$/);
    expect(text).toContain(store.path);

    const before = process.env[STORE_DIR_ENV];
    process.env[STORE_DIR_ENV] = dir;
    try {
      expect(await listCommand()).toBe(text);
    } finally {
      if (before === undefined) delete process.env[STORE_DIR_ENV];
      else process.env[STORE_DIR_ENV] = before;
    }
    expect(formatList([], join(dir, 'config.json'))).toMatch(/^No saved assessments yet/);
  });

  it('without PEER_READY_STORE_DIR the store is conf\'s own per-user file for peer-ready', async () => {
    const saved = { dir: process.env[STORE_DIR_ENV], xdg: process.env.XDG_CONFIG_HOME };
    delete process.env[STORE_DIR_ENV];
    process.env.XDG_CONFIG_HOME = tmp(); // conf's folder on Linux; keeps the real home untouched
    try {
      const { store } = await openStore();
      expect(store.path).toBe(join(process.env.XDG_CONFIG_HOME!, 'peer-ready-nodejs', 'config.json'));
    } finally {
      if (saved.dir !== undefined) process.env[STORE_DIR_ENV] = saved.dir;
      if (saved.xdg === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved.xdg;
    }
  });
});
