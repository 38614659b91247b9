// The wizard on a (fake) terminal: real questionnaires, a real store in a temporary folder, keys
// written to stdin exactly as a terminal delivers them (several keys in one chunk included).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { questionnairesFor, formatPlan } from '../src/core/plan-document.js';
import { initialState, itemsOf } from '../src/core/wizard-state.js';
import { readAnswersFile } from '../src/io/answers-file.js';
import { loadCatalog } from '../src/io/load.js';
import { openStore } from '../src/io/store.js';
import { makeContext, persistTo, writeOutputs } from '../src/io/session.js';
import { Wizard } from '../src/ui/wizard.js';
import { FakeStdin, FakeStdout } from './helpers/terminal.js';
import { waitForText } from './helpers/wait.js';

const DATE = '2027-01-15';
const catalog = await loadCatalog();
const DOWN = '\u001B[B';
const ESC = '\u001B';

const dirs: string[] = [];
const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});
beforeAll(() => () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'peer-ready-ui-'));
  dirs.push(d);
  return d;
};

async function mount(o: { dir?: string; fresh?: boolean; columns?: number; rows?: number; color?: boolean; force?: boolean } = {}) {
  const dir = o.dir ?? tmp();
  const { store, warning } = await openStore(join(dir, 'store'));
  const opts = { fresh: o.fresh ?? true, format: 'md' as const, force: !!o.force };
  const ctx = makeContext(catalog, store, opts, DATE);
  const run = { catalog, date: DATE, format: 'md' as const };
  const stdout = new FakeStdout(o.columns ?? 100, o.rows ?? 40);
  const stdin = new FakeStdin();
  const exits: number[] = [];
  const initial = initialState(ctx, opts.fresh);
  const instance = render(
    <Wizard
      deps={{
        ctx,
        initial: warning ? { ...initial, message: warning } : initial,
        persist: persistTo(store, ctx),
        write: (s, fx) => writeOutputs(run, ctx, s, fx),
        exit: (c) => exits.push(c),
      }}
      run={run}
      color={o.color ?? false}
    />,
    { stdout: stdout as never, stdin: stdin as never, stderr: new FakeStdout(100, 40) as never, debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  mounted.push(instance);
  const frame = stdout.lastFrame;
  const waitFor = (text: string | RegExp, ms = 3000) => waitForText(frame, text, { timeout: ms });
  /** Write one chunk to stdin (it may hold several keys), then let React draw. */
  const press = async (chunk: string) => {
    stdin.write(chunk);
    await new Promise((r) => setTimeout(r, 10));
  };
  const record = async () => (await openStore(join(dir, 'store'))).store.list();
  /** Wait until the wizard has asked to exit (React finishes its work in its own time). */
  const exited = async (ms = 3000) => {
    for (const t0 = Date.now(); exits.length === 0; await new Promise((r) => setTimeout(r, 5))) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for the wizard to exit; the frame was:\n${frame()}`);
    }
    return exits;
  };
  return { dir, ctx, stdout, frame, waitFor, press, exits, exited, record };
}

type Mounted = Awaited<ReturnType<typeof mount>>;

/** Welcome → program (first) → name → start (as proposed) → deadline (no) → first instrument intro → question 1. */
async function toFirstQuestion(m: Mounted, name = 'Acme Health') {
  await m.waitFor('Enter begin');
  await m.press('\r');
  await m.waitFor('Step 1 of 4');
  await m.press('\r');
  await m.waitFor('Step 2 of 4');
  await m.press(`${name}\r`);
  await m.waitFor('Step 3 of 4');
  await m.press('\r');
  await m.waitFor('Step 4 of 4');
  await m.press('\r');
  await m.waitFor('Part 1 of');
  await m.press('\r');
  return m.waitFor('Question 1 of');
}

const general = questionnairesFor(catalog, 'general');
const items = itemsOf({ questionnaires: () => general } as never, { profile: {} });

describe('wizard screens', () => {
  it('welcome, then the profile; a pasted name arrives whole and in order', async () => {
    const m = await mount();
    const f = await m.waitFor('Enter begin');
    expect(f).toContain('Get ready to hire peer support specialists');
    expect(f).toContain('Ctrl-C save & quit');
    await m.press('\r');
    await m.press('\r');
    await m.press('Riverside Behavioral Health, Inc.\r');
    await m.waitFor('When does the plan start');
    expect(m.frame()).toContain('› 2027-02-01');
    const [rec] = await m.record();
    expect(rec!.profile).toEqual({ programType: 'general', name: 'Riverside Behavioral Health, Inc.' });
  });

  it('↓ and Enter in ONE chunk choose the second row (program type)', async () => {
    const m = await mount();
    await m.waitFor('Enter begin');
    await m.press('\r');
    await m.waitFor('Which kind of peer program');
    await m.press(`${DOWN}\r`);
    await m.waitFor('What is your organization called?');
    await m.press('Acme\r');
    await m.waitFor('When does the plan start');
    expect((await m.record())[0]!.profile.programType).toBe('wi-cps');
  });

  it('↓ ↓ Enter in one chunk choose the third answer; ↓ Enter the second', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    await m.press(`${DOWN}${DOWN}\r`);
    await m.waitFor('Question 2 of');
    await m.press(`${DOWN}\r`);
    await m.waitFor('Question 3 of');
    const rec = (await m.record())[0]!;
    expect(rec.values[items[0]!.item.id]).toBe('no');
    expect(rec.values[items[1]!.item.id]).toBe('partly');
    expect(m.frame()).toContain('2/90 answered');
  });

  it('a question shows its part, number, progress, choices and key legend; ? shows help and source', async () => {
    const m = await mount();
    const f = await toFirstQuestion(m);
    const first = items[0]!;
    expect(f).toContain(`Question 1 of ${first.of} in part 1 of ${general.length}`);
    expect(f).toContain(`${general[0]!.short} › ${first.section.title}`);
    expect(f).toContain('0/90 answered');
    expect(f).toMatch(/❯ 1\. Yes\s+2\. Partly\s+3\. No\s+4\. Not sure/);
    expect(f).toContain('? help & source');
    expect(f).not.toContain('Source:');
    await m.press('?');
    const help = await m.waitFor('Source:');
    expect(help).toContain(first.item.help!.split(' ').slice(0, 4).join(' '));
    expect(help).toContain("Provider's Handbook");
  });

  it('Esc goes back to the previous question, with its answer marked', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    await m.press('3');
    await m.waitFor('Question 2 of');
    await m.press(ESC);
    const f = await m.waitFor('Question 1 of');
    expect(f).toMatch(/❯ 3\. No ✓ current answer/);
  });

  it('n edits a note that is saved with the answer and shown on the question', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    await m.press('n');
    await m.waitFor('Note for this question');
    await m.press('Board meets in March');
    await m.press('\r');
    const f = await m.waitFor('Note: Board meets in March');
    expect(f).toContain('Note saved.');
    await m.press('1');
    await m.waitFor('Question 2 of');
    const rec = (await m.record())[0]!;
    expect(rec.notes[items[0]!.item.id]).toBe('Board meets in March');
    expect(rec.values[items[0]!.item.id]).toBe('yes');
  });

  it('free-text questions take typed text, and may be left blank', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    const t = items.findIndex((x) => x.item.type === 'text');
    for (let i = 0; i < t; i++) await m.press('4');
    await m.waitFor('Your answer (free text');
    await m.press('We want lived experience on staff?\r');
    await m.press('\r');
    await m.waitFor(`Question ${items[t + 2]!.number} of`);
    const rec = (await m.record())[0]!;
    expect(rec.values[items[t]!.item.id]).toBe('We want lived experience on staff?');
    expect(rec.values[items[t + 1]!.item.id]).toBe('');
  });

  it('review lists every answer; Enter changes one and comes back to review', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    await m.press('1');
    await m.press('2');
    await m.waitFor('Question 3 of');
    await m.press('r');
    let f = await m.waitFor('Review your answers');
    expect(f).toContain('2 of 90 questions answered');
    expect(f).toMatch(/Organization\s+Acme Health/);
    expect(f).toMatch(/Is your agency already committed.*Yes/);
    expect(f).toMatch(/Has your board of directors.*Partly/);
    await m.press('\u001B[A'); // up to question 2's row (opened on question 3)
    await m.press('\r');
    await m.waitFor('Question 2 of');
    expect(m.frame()).toContain('Esc back to review');
    await m.press('4');
    f = await m.waitFor('Review your answers');
    expect(f).toMatch(/Has your board of directors.*Not sure/);
    expect((await m.record())[0]!.values[items[1]!.item.id]).toBe('not-sure');
  });

  it('Ctrl-C saves progress and exits 130', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    await m.press('2');
    await m.waitFor('Question 2 of');
    await m.press('\u0003');
    expect(await m.exited()).toEqual([130]);
    await m.waitFor('Your answers for Acme Health are saved');
    const [rec] = await m.record();
    expect(rec!.position).toEqual({ step: 'question', index: 1 });
  });

  it('offers a saved assessment to resume, and reopens it at the question it was left on', async () => {
    const first = await mount();
    await toFirstQuestion(first);
    await first.press('1');
    await first.press('2');
    await first.waitFor('Question 3 of');
    const m = await mount({ dir: first.dir, fresh: false });
    const f = await m.waitFor('Welcome back');
    expect(f).toMatch(/❯ 1\. Acme Health: 2\/90 answered/);
    expect(f).toContain('2. Start a new assessment');
    await m.press('\r');
    const q = await m.waitFor('Question 3 of');
    expect(q).toContain(items[2]!.item.text.slice(0, 30));
    expect(q).toContain('2/90 answered');
  });

  it('at 60 columns every line fits and nothing is cut off', async () => {
    const m = await mount({ columns: 60, rows: 24 });
    await toFirstQuestion(m);
    await m.press('?');
    const f = await m.waitFor('Source:');
    for (const line of f.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const flat = f.replace(/[│╭╮╰╯─]/g, ' ');
    for (const w of words(items[0]!.item.help!)) expect(flat).toContain(w);
    for (const w of words(items[0]!.item.text)) expect(flat).toContain(w);
    await m.press('r');
    const review = await m.waitFor('Review your answers');
    expect(review.split('\n').length).toBeLessThanOrEqual(24);
    for (const line of review.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('NO_COLOR: no colour codes at all, while colour is used otherwise', async () => {
    const { default: chalk } = await import('chalk');
    const level = chalk.level;
    chalk.level = 1;
    try {
      const coloured = await mount({ color: true });
      await toFirstQuestion(coloured);
      expect(coloured.stdout.frames.at(-1)).toMatch(/\u001B\[3[0-9]m/);
      const plain = await mount({ color: false });
      await toFirstQuestion(plain);
      expect(plain.stdout.frames.join('')).not.toMatch(/\u001B\[(3[0-9]|9[0-7]|38;)/);
    } finally {
      chalk.level = level;
    }
  });
});

/** Answer every question: digits cycle through the choices, text gets a sentence, the intros Enter. */
async function answerAll(m: Mounted) {
  await toFirstQuestion(m);
  for (let i = 0; i < items.length; i++) {
    const { item, number } = items[i]!;
    if (number === 1 && i > 0) {
      await m.waitFor(/Part \d of/);
      await m.press('\r');
    }
    await m.waitFor(`Question ${number} of`);
    if (item.type === 'text') await m.press(`Answer ${i}\r`);
    else await m.press(String((i % (item.type === 'true-false' ? 3 : item.type === 'yes-partly-no' ? 4 : 2)) + 1));
  }
  return m.waitFor('Review your answers');
}

describe('results and saving', () => {
  it('walks to results and writes a plan that scripted mode makes byte for byte from the answers file', async () => {
    const m = await mount();
    await answerAll(m);
    await m.press('c');
    let f = await m.waitFor('Timeline:');
    expect(f).toMatch(/\d+ of 10 timeline statements are true/);
    await m.press('\t');
    f = await m.waitFor('Overall readiness');
    expect(f).toContain('Leadership buy-in');
    await m.press('\t');
    f = await m.waitFor('The first steps of your plan');
    await m.press('\r');
    await m.waitFor('Save the plan');
    expect(m.frame()).toContain('peer-ready-plan-acme-health.md');
    const plan = join(m.dir, 'out', 'plan.md');
    const answers = join(m.dir, 'out', 'answers.json');
    await m.press(`\u0015${plan}\r`);
    await m.press(`\u0015${answers}\r`);
    f = await m.waitFor('Your plan is ready');
    expect(f).toContain(`--answers ${answers} --date ${DATE}`);
    const written = readFileSync(plan, 'utf8');
    const fromFile = await readAnswersFile(answers, (pt) => questionnairesFor(catalog, pt));
    expect(fromFile.assessedOn).toBe(DATE);
    expect(await formatPlan(catalog, fromFile, DATE, 'md')).toBe(written);
    expect(written).toContain('Acme Health');
    const rec = (await m.record())[0]!;
    expect(rec.status).toBe('saved');
    expect(rec.files).toEqual({ plan, answers });
    await m.press('\r');
    expect(await m.exited()).toEqual([0]);
  }, 60_000);

  it('asks before replacing an existing file; No goes back to the names, Yes replaces', async () => {
    const m = await mount();
    await answerAll(m);
    const plan = join(m.dir, 'plan.md');
    const answers = join(m.dir, 'answers.json');
    writeFileSync(plan, 'old plan\n');
    await m.press('c');
    await m.waitFor('Timeline:');
    await m.press('\r');
    await m.press(`\u0015${plan}\r`);
    await m.press(`\u0015${answers}\r`);
    let f = await m.waitFor('Replace existing files?');
    expect(f).toContain(plan);
    expect(existsSync(answers)).toBe(false);
    await m.press('n');
    await m.waitFor('Save the plan');
    await m.press('\r\r');
    await m.waitFor('Replace existing files?');
    await m.press('y');
    f = await m.waitFor('Your plan is ready');
    expect(readFileSync(plan, 'utf8')).not.toBe('old plan\n');
    expect(existsSync(answers)).toBe(true);
  }, 60_000);
});
