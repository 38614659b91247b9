// `--format csv` and `--format ics`, read back with maintained parsers (csv-parse, ical.js).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { validateAnswers } from '../src/core/answers.js';
import { formatPlan, planModel } from '../src/core/plan-document.js';
import { foldLine, icsText } from '../src/core/plan-ics.js';
import { planMilestones } from '../src/core/plan-summary.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram, tempDir } from './helpers.js';

const catalog = await loadCatalog();
const BIN = join(process.cwd(), 'dist', 'cli.js');
const DATE = '2026-11-23';
const TRICKY_OWNER = '=HYPERLINK("http://x.example","click"), "Ops"; lead';
const TRICKY_NOTE = 'Line one\nline two; with, commas and "quotes" and é ü 💡';

const assessment = (profile: Record<string, unknown> = {}) =>
  validateAnswers(
    answersFile(catalog, {
      timelineTrue: 6,
      scored: 'partly',
      profile: { name: 'Café Ünïcode Services, Inc. 💡', ...profile },
      overrides: { 'cm.1.audience': { value: 'no', owner: TRICKY_OWNER, note: TRICKY_NOTE } },
    }),
    forProgram(catalog),
    't.json',
  );

describe('--format csv', () => {
  it('has one row per task and per milestone, with the issue\'s columns, read back by csv-parse', async () => {
    const a = assessment();
    const model = planModel(catalog, a, DATE);
    const text = await formatPlan(catalog, a, DATE, 'csv');
    // RFC 4180: CRLF after every record, and no bare LF outside quoted fields; a BOM for Excel.
    expect(text.startsWith('\uFEFFType,Month,Due date,Phase,Task,Why,Owner,Status,Source\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const milestones = planMilestones(model);
    expect(rows).toHaveLength(model.actions.length + milestones.length);
    expect(rows.filter((r) => r.Type === 'Task')).toHaveLength(model.actions.length);
    expect(rows.filter((r) => r.Type === 'Milestone').map((r) => r.Task)).toEqual(milestones.map((m) => m.title));
    // Every task, as the model has it, in date order.
    const tasks = rows.filter((r) => r.Type === 'Task');
    expect(tasks.map((r) => r.Task).sort()).toEqual(model.actions.map((x) => x.text).sort());
    for (const r of rows) expect(r['Due date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows.map((r) => r['Due date'])).toEqual([...rows.map((r) => r['Due date'])].sort());
    const first = model.actions[0]!;
    expect(tasks.find((r) => r.Task === first.text)).toMatchObject({
      Month: String(first.month),
      'Due date': first.due,
      Why: first.whyText,
      Status: first.statusLabel,
      Source: first.source,
    });
    // The owner survives commas, quotes and semicolons, and cannot run as a formula.
    const owned = tasks.filter((r) => (r.Owner ?? '').includes('HYPERLINK'));
    expect(owned.length).toBeGreaterThan(0);
    for (const r of owned) expect(r.Owner).toBe(`'${TRICKY_OWNER}`);
  });

  it('the CLI writes .csv by default, and the same plan twice is the same file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(answersFile(catalog)));
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const run = () => spawnSync(process.execPath, [BIN, '--answers', 'a.json', '--format', 'csv', '--date', DATE, '--out', '-'], { cwd: dir, encoding: 'utf8', env, input: '' });
    const r1 = run();
    expect(r1.status).toBe(0);
    expect(run().stdout).toBe(r1.stdout);
    const w = spawnSync(process.execPath, [BIN, '--answers', 'a.json', '--format', 'csv', '--date', DATE], { cwd: dir, encoding: 'utf8', env, input: '' });
    expect(w.status).toBe(0);
    expect(readFileSync(join(dir, 'peer-ready-plan-riverbend-community-services.csv'), 'utf8')).toBe(r1.stdout);
  });
});

describe('--format ics', () => {
  it('holds the milestones and a monthly reminder listing that month\'s tasks, read back by ical.js', async () => {
    const a = assessment();
    const model = planModel(catalog, a, DATE);
    const text = await formatPlan(catalog, a, DATE, 'ics');
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const milestones = planMilestones(model);
    const months = [...new Set(model.actions.map((x) => x.month))].sort((x, y) => x - y);
    expect(events).toHaveLength(milestones.length + months.length);

    const ms = events.filter((e) => e.summary.startsWith('Milestone: '));
    expect(ms.map((e) => e.summary)).toEqual(milestones.map((m) => `Milestone: ${m.title}`));
    expect(ms.map((e) => e.startDate.toString())).toEqual(milestones.map((m) => m.date));
    for (const e of ms) expect(e.startDate.isDate).toBe(true);

    const reminders = events.filter((e) => !e.summary.startsWith('Milestone: '));
    reminders.forEach((e, i) => {
      const month = months[i]!;
      const acts = model.actions.filter((x) => x.month === month);
      expect(e.startDate.toString()).toBe(acts[0]!.start);
      expect(e.summary).toBe(`Readiness plan, month ${month} (${acts[0]!.monthLabel}): ${acts.length} task${acts.length === 1 ? '' : 's'}`);
      // Every task of the month, each on its own line, text intact (commas and all).
      const lines = e.description.split('\n').filter((l) => l.startsWith('- '));
      expect(lines).toHaveLength(acts.length);
      acts.forEach((x, k) => expect(lines[k]!.startsWith(`- ${x.text} Owner: `)).toBe(true));
      expect(e.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
    });
    // The tricky owner comes back as typed.
    expect(reminders.some((e) => e.description.includes(`Owner: ${TRICKY_OWNER}.`))).toBe(true);
    // Unique UIDs; DTSTAMP is the plan's date.
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const e of events) expect(e.component.getFirstPropertyValue('dtstamp')!.toString()).toBe(`${DATE}T00:00:00Z`);
  });

  it('follows RFC 5545\'s line rules: CRLF only, at most 75 octets a line, folded inside no character', async () => {
    const text = await formatPlan(catalog, assessment(), DATE, 'ics');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const l of lines) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      expect(l).not.toContain('\uFFFD');
    }
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // long descriptions are folded
    // Folding, then unfolding, gives the line back, even across multi-byte characters.
    const long = `DESCRIPTION:${'é💡ab'.repeat(40)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(icsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('is the same file for the same plan, and its UIDs move with the organization, not the run', async () => {
    const a = assessment();
    const one = await formatPlan(catalog, a, DATE, 'ics');
    expect(await formatPlan(catalog, a, DATE, 'ics')).toBe(one);
    const other = await formatPlan(catalog, assessment({ name: 'Another Agency' }), DATE, 'ics');
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(other).some((u) => uids(one).includes(u))).toBe(false);
  });
});
