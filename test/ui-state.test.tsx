// The wizard's state machine (src/core/wizard-state.ts) and its key/text helpers, without a
// terminal: every transition the screens rely on, driven by the same keys a user would press.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/io/load.js';
import { programTypes, questionnairesFor } from '../src/core/plan-document.js';
import { char, ctrl, keysFromInk, keysFromText, type InputFlags, type Key } from '../src/core/wizard/keys.js';
import { editField, field } from '../src/core/wizard/text.js';
import {
  CLASH_CHOICES,
  EXIT_INTERRUPTED,
  initialState,
  instrumentsOf,
  itemChoices,
  itemsOf,
  PROFILE_ROWS,
  step,
  toAssessment,
  type Effect,
  type SavedAssessment,
  type WizardContext,
  type WizardEvent,
  type WizardState,
} from '../src/core/wizard-state.js';

const catalog = await loadCatalog();
const PROGRAM_CHOICES = programTypes(catalog);

function context(saved: SavedAssessment[] = [], force = false): WizardContext {
  return {
    questionnaires: (pt) => questionnairesFor(catalog, pt),
    programs: PROGRAM_CHOICES,
    saved,
    defaultStartDate: '2027-02-01',
    force,
    slug: (n) => n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
    defaultPaths: (n) => ({ plan: `plan-${n}.md`, answers: `answers-${n}.json` }),
  };
}

const K = {
  up: { name: 'up' } as Key,
  down: { name: 'down' } as Key,
  left: { name: 'left' } as Key,
  right: { name: 'right' } as Key,
  enter: { name: 'return' } as Key,
  esc: { name: 'escape' } as Key,
  tab: { name: 'tab' } as Key,
  backspace: { name: 'backspace' } as Key,
};

/** Feed keys (Key objects, or strings typed character by character) and collect the effects. */
function drive(ctx: WizardContext, s: WizardState, ...input: (Key | string | WizardEvent)[]) {
  const effects: Effect[] = [];
  for (const x of input) {
    const events: WizardEvent[] =
      typeof x === 'string' ? keysFromText(x).map((key) => ({ type: 'key', key })) : 'type' in x ? [x] : [{ type: 'key', key: x }];
    for (const e of events) {
      const r = step(ctx, s, e);
      s = r.state;
      effects.push(...r.effects);
    }
  }
  return { s, effects };
}

/** Through the profile to the first question: general program, "Acme", default date, deadline not fixed. */
function toFirstQuestion(ctx: WizardContext) {
  // welcome, program (general), name, start date (as proposed), deadline (not fixed), intro
  return drive(ctx, initialState(ctx, true), K.enter, K.enter, 'Acme\r', K.enter, K.enter, K.enter);
}

const noFlags: InputFlags = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false,
  end: false, return: false, escape: false, tab: false, shift: false, backspace: false, delete: false, ctrl: false,
};

describe('keys', () => {
  it('splits a pasted chunk into one key per character, Enter included, in order', () => {
    expect(keysFromInk('ab c\r', noFlags)).toEqual([char('a'), char('b'), char(' '), char('c'), { name: 'return' }]);
  });
  it('maps Ink flags, DEL/Backspace and Ctrl combinations', () => {
    expect(keysFromInk('', { ...noFlags, downArrow: true })).toEqual([{ name: 'down' }]);
    expect(keysFromInk('', { ...noFlags, delete: true })).toEqual([{ name: 'backspace' }]);
    expect(keysFromInk('', { ...noFlags, tab: true, shift: true })).toEqual([{ name: 'backtab' }]);
    expect(keysFromInk('c', { ...noFlags, ctrl: true })).toEqual([ctrl('c')]);
    expect(keysFromText('x\x7fy\x03')).toEqual([char('x'), { name: 'backspace' }, char('y'), ctrl('c')]);
  });
});

describe('text field', () => {
  it('inserts at the cursor, moves, deletes, and keeps multi-byte characters whole', () => {
    let f = field('héllo');
    f = editField(f, K.left, 99)!;
    f = editField(f, char('X'), 99)!;
    expect(f).toEqual({ text: 'hellXo'.replace('e', 'é'), cursor: 5 });
    f = editField(f, K.backspace, 99)!;
    f = editField(f, { name: 'home' }, 99)!;
    f = editField(f, ctrl('d'), 99)!;
    expect(f.text).toBe('éllo');
    expect(editField(field('one two'), ctrl('w'), 99)!.text).toBe('one ');
    expect(editField(field('abc'), ctrl('u'), 99)!.text).toBe('');
    expect(editField(field('abc'), char('d'), 3)!.text).toBe('abc');
    expect(editField(field('abc'), K.enter, 9)).toBeUndefined();
  });
});

describe('profile', () => {
  it('walks welcome, program, name, start date and deadline, then the first instrument intro', () => {
    const ctx = context();
    let { s } = drive(ctx, initialState(ctx, true));
    expect(s.screen.kind).toBe('welcome');
    ({ s } = drive(ctx, s, K.enter, K.down, K.down, K.enter));
    expect(s.profile.programType).toBe(PROGRAM_CHOICES[2]!.value);
    expect(s.screen.kind).toBe('name');
    ({ s } = drive(ctx, s, '  Acme Health  \r'));
    expect(s.profile.name).toBe('Acme Health');
    expect(s.id).toBe('acme-health');
    expect(s.screen.kind).toBe('start');
    expect(s.input.text).toBe('2027-02-01');
    ({ s } = drive(ctx, s, K.backspace, '9\r'));
    expect(s.screen.kind).toBe('fixed');
    expect(s.profile.startDate).toBe('2027-02-09');
    ({ s } = drive(ctx, s, '2'));
    expect(s.profile.timelineFixed).toBe(true);
    // A deadline set from outside: its date is asked next (optional), then the first intro.
    expect(s.screen).toEqual({ kind: 'target' });
    ({ s } = drive(ctx, s, '2027-13-01\r'));
    expect(s.message).toBe('"2027-13-01" is not a real date: there is no month 13; leave it empty if there is no date.');
    ({ s } = drive(ctx, s, { name: 'char', ch: 'u', ctrl: true }, '2027-09-30\r'));
    expect(s.profile.targetDate).toBe('2027-09-30');
    expect(s.screen).toEqual({ kind: 'intro', index: 0 });
    ({ s } = drive(ctx, s, K.esc));
    expect(s.screen).toEqual({ kind: 'target' });
    ({ s } = drive(ctx, s, { name: 'char', ch: 'u', ctrl: true }, '\r'));
    expect(s.profile.targetDate).toBeUndefined();
  });

  it('refuses an empty name and an impossible date, with a message', () => {
    const ctx = context();
    let { s } = drive(ctx, initialState(ctx, true), K.enter, K.enter, '   \r');
    expect(s.screen.kind).toBe('name');
    expect(s.message).toMatch(/name/);
    ({ s } = drive(ctx, s, 'Acme\r', ctrl('u'), '2027-02-30\r'));
    expect(s.screen.kind).toBe('start');
    expect(s.message).toBe(`"2027-02-30" is not a real date: February 2027 has 28 days. Example: ${ctx.defaultStartDate}`);
    ({ s } = drive(ctx, s, ctrl('u'), '1999-12-31\r'));
    expect(s.message).toMatch(/^"1999-12-31" is outside the dates a plan can use \(2000-01-01 to 2099-12-31\)\. Example: /);
    ({ s } = drive(ctx, s, ctrl('u'), '3/1/2027\r'));
    expect(s.message).toMatch(/^"3\/1\/2027" is not a date: use a date written YYYY-MM-DD\. Example: /);
    expect(s.screen.kind).toBe('start');
  });

  it('saves nothing until the organization is named, then every change', () => {
    const ctx = context();
    const before = drive(ctx, initialState(ctx, true), K.enter, K.enter);
    expect(before.effects).toEqual([]);
    const named = drive(ctx, before.s, 'Acme\r');
    expect(named.effects).toEqual([{ type: 'persist' }]);
  });
});

describe('questions', () => {
  it('one key per event: ↓ then Enter picks the second choice and moves on', () => {
    const ctx = context();
    const { s } = drive(ctx, toFirstQuestion(ctx).s, K.down, K.enter);
    const first = itemsOf(ctx, s)[0]!.item;
    expect(s.values[first.id]).toBe(itemChoices(first)[1]!.value);
    expect(s.screen).toEqual({ kind: 'question', index: 1 });
  });

  it('a digit picks directly; "Not sure" is always the last choice', () => {
    const ctx = context();
    const { s } = drive(ctx, toFirstQuestion(ctx).s, '4');
    const first = itemsOf(ctx, s)[0]!.item;
    expect(itemChoices(first).at(-1)).toEqual({ value: 'not-sure', label: 'Not sure' });
    expect(s.values[first.id]).toBe('not-sure');
  });

  it('Esc goes back and highlights the answer given; from an instrument\'s first question back to its intro, then to the previous instrument', () => {
    const ctx = context();
    let { s } = drive(ctx, toFirstQuestion(ctx).s, '3', K.esc);
    expect(s.screen).toEqual({ kind: 'question', index: 0 });
    expect(s.cursor).toBe(2);
    ({ s } = drive(ctx, s, K.esc));
    expect(s.screen).toEqual({ kind: 'intro', index: 0 });
    const items = itemsOf(ctx, s);
    const firstOfSecond = items.findIndex((x) => x.instrument === 1);
    s = { ...s, screen: { kind: 'question', index: firstOfSecond } };
    ({ s } = drive(ctx, s, K.left));
    expect(s.screen).toEqual({ kind: 'intro', index: 1 });
    ({ s } = drive(ctx, s, K.esc));
    expect(s.screen).toEqual({ kind: 'question', index: firstOfSecond - 1 });
  });

  it('free-text questions take typed text, may be left blank, and treat ? as text', () => {
    const ctx = context();
    let { s } = toFirstQuestion(ctx);
    const items = itemsOf(ctx, s);
    const t = items.findIndex((x) => x.item.type === 'text');
    s = { ...s, screen: { kind: 'question', index: t }, input: field() };
    ({ s } = drive(ctx, s, 'Why? Because.\r'));
    expect(s.values[items[t]!.item.id]).toBe('Why? Because.');
    s = { ...s, screen: { kind: 'question', index: t + 1 }, input: field() };
    ({ s } = drive(ctx, s, '\r'));
    expect(s.values[items[t + 1]!.item.id]).toBe('');
  });

  it('n opens a note; Enter saves it (trimmed), an emptied note is removed, Esc cancels', () => {
    const ctx = context();
    let { s, effects } = drive(ctx, toFirstQuestion(ctx).s, 'n', ' ask the board \r');
    const id = itemsOf(ctx, s)[0]!.item.id;
    expect(s.notes[id]).toBe('ask the board');
    expect(effects.at(-1)).toEqual({ type: 'persist' });
    ({ s } = drive(ctx, s, 'n', ' more', K.esc));
    expect(s.notes[id]).toBe('ask the board');
    ({ s } = drive(ctx, s, 'n', ctrl('u'), K.enter));
    expect(s.notes[id]).toBeUndefined();
  });

  it('? toggles help; → moves on only when answered', () => {
    const ctx = context();
    let { s } = drive(ctx, toFirstQuestion(ctx).s, '?');
    expect(s.help).toBe(true);
    ({ s } = drive(ctx, s, K.right));
    expect(s.screen).toEqual({ kind: 'question', index: 0 });
    expect(s.message).toMatch(/answer first/i);
    ({ s } = drive(ctx, s, '1', K.esc, K.right));
    expect(s.screen).toEqual({ kind: 'question', index: 1 });
  });
});

describe('review', () => {
  function answeredAll(ctx: WizardContext) {
    let { s } = toFirstQuestion(ctx);
    const values = Object.fromEntries(itemsOf(ctx, s).map(({ item }) => [item.id, item.type === 'text' ? 'words' : 'not-sure']));
    s = { ...s, values, screen: { kind: 'question', index: itemsOf(ctx, s).length - 1 } };
    return drive(ctx, s, K.enter).s; // the last question is answered again: on to review
  }

  it('after the last question comes review; Enter on a row edits it and returns to review', () => {
    const ctx = context();
    let s = answeredAll(ctx);
    expect(s.screen.kind).toBe('review');
    ({ s } = drive(ctx, s, { name: 'home' }, ...PROFILE_ROWS.map(() => K.down), K.enter));
    expect(s.screen).toEqual({ kind: 'question', index: 0 });
    expect(s.fromReview).toBe(true);
    ({ s } = drive(ctx, s, '1'));
    expect(s.screen.kind).toBe('review');
    expect(s.reviewCursor).toBe(PROFILE_ROWS.length);
    expect(s.values[itemsOf(ctx, s)[0]!.item.id]).toBe(itemChoices(itemsOf(ctx, s)[0]!.item)[0]!.value);
  });

  it('profile rows can be edited from review too; Esc returns without change', () => {
    const ctx = context();
    let s = answeredAll(ctx);
    ({ s } = drive(ctx, s, { name: 'home' }, K.enter));
    expect(s.screen.kind).toBe('name');
    ({ s } = drive(ctx, s, ' Ltd\r'));
    expect(s.profile.name).toBe('Acme Ltd');
    expect(s.id).toBe('acme');
    expect(s.screen.kind).toBe('review');
    ({ s } = drive(ctx, s, K.down, K.down, K.enter, K.esc));
    expect(s.screen.kind).toBe('review');
  });

  it('changing the program type changes the questions asked', () => {
    const ctx = context();
    const general = itemsOf(ctx, { profile: { programType: 'general' } }).length;
    const cps = itemsOf(ctx, { profile: { programType: 'wi-cps' } });
    expect(cps.length).not.toBe(general);
    expect(instrumentsOf(ctx, { profile: { programType: 'wi-cps' } }).at(-1)!.id).toBe('role-wi-cps');
  });

  it('c continues to results only when everything is answered; otherwise to the first gap', () => {
    const ctx = context();
    let s = answeredAll(ctx);
    const firstId = itemsOf(ctx, s)[3]!.item.id;
    const { [firstId]: _, ...rest } = s.values;
    let r = drive(ctx, { ...s, values: rest }, 'c');
    expect(r.s.screen).toEqual({ kind: 'question', index: 3 });
    expect(r.s.message).toMatch(/1 question is still unanswered/);
    r = drive(ctx, s, 'c');
    expect(r.s.screen.kind).toBe('results');
    expect(toAssessment(ctx, r.s)!.answers[firstId]).toEqual({ value: 'not-sure' });
  });

  it('results → paths → write; a conflict asks before replacing; --force replaces at once', () => {
    const ctx = context();
    let s = drive(ctx, answeredAll(ctx), 'c').s;
    let r = drive(ctx, s, K.enter, K.enter, K.enter);
    expect(r.effects.at(-1)).toEqual({ type: 'write', plan: 'plan-Acme.md', answers: 'answers-Acme.json', replace: false });
    r = drive(ctx, r.s, { type: 'write-conflict', files: ['plan-Acme.md'] });
    expect(r.s.screen).toEqual({ kind: 'overwrite', files: ['plan-Acme.md'] });
    const no = drive(ctx, r.s, K.enter);
    expect(no.s.screen).toEqual({ kind: 'paths', field: 'plan' });
    const yes = drive(ctx, r.s, 'y');
    expect(yes.effects.at(-1)).toEqual({ type: 'write', plan: 'plan-Acme.md', answers: 'answers-Acme.json', replace: true });
    const done = drive(ctx, yes.s, { type: 'write-done', plan: 'plan-Acme.md', answers: 'answers-Acme.json' });
    expect(done.s.status).toBe('saved');
    expect(done.effects).toEqual([{ type: 'persist' }]);
    expect(drive(ctx, done.s, K.enter).effects).toEqual([{ type: 'exit', code: 0 }]);

    const forced = context([], true);
    s = drive(forced, answeredAll(forced), 'c').s;
    expect(drive(forced, s, K.enter, K.enter, K.enter).effects.at(-1)).toMatchObject({ type: 'write', replace: true });
  });

  it('refuses the same name for plan and answers', () => {
    const ctx = context();
    const s = drive(ctx, answeredAll(ctx), 'c').s;
    const r = drive(ctx, s, K.enter, ctrl('u'), 'x.md\r', ctrl('u'), 'x.md\r');
    expect(r.s.message).toMatch(/different name/);
    expect(r.effects.some((e) => e.type === 'write')).toBe(false);
  });
});

describe('interrupt and resume', () => {
  it('Ctrl-C saves and exits 130 from anywhere, including mid-note', () => {
    const ctx = context();
    const { s, effects } = drive(ctx, toFirstQuestion(ctx).s, 'n', 'half a no', ctrl('c'));
    expect(effects.at(-1)).toEqual({ type: 'exit', code: EXIT_INTERRUPTED });
    expect(s.screen.kind).toBe('quit');
  });

  const saved = (over: Partial<SavedAssessment>): SavedAssessment => ({
    id: 'acme',
    profile: { name: 'Acme', programType: 'general', startDate: '2027-02-01', timelineFixed: false },
    values: {},
    notes: {},
    position: { step: 'question', index: 2 },
    status: 'in-progress',
    total: 90,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-02T00:00:00.000Z',
    ...over,
  });

  it('offers unfinished assessments, and reopens one where it was left', () => {
    const ctx = context([saved({}), saved({ id: 'done', profile: { name: 'Done' }, status: 'saved' })]);
    let s = initialState(ctx, false);
    expect(s.screen.kind).toBe('resume');
    ({ s } = drive(ctx, s, K.enter));
    expect(s.id).toBe('acme');
    expect(s.screen).toEqual({ kind: 'question', index: 2 });
    expect(initialState(ctx, true).screen.kind).toBe('welcome');
  });

  it('drops stored answers that no longer fit the questions, and lands on the first gap', () => {
    const ctx = context([saved({ values: { 'no.such.item': 'yes' }, position: { step: 'review' } })]);
    const { s } = drive(ctx, initialState(ctx, false), K.enter);
    expect(s.values).toEqual({});
    expect(s.screen).toEqual({ kind: 'question', index: 0 });
  });

  it('a new assessment with a saved organization name asks: continue, re-assess, start over, or rename', () => {
    const ctx = context([saved({})]);
    const atName = drive(ctx, initialState(ctx, false), K.down, K.enter, K.enter).s;
    expect(atName.screen.kind).toBe('name');
    const clash = drive(ctx, atName, 'ACME\r').s;
    expect(clash.screen).toEqual({ kind: 'clash', id: 'acme' });
    expect(drive(ctx, clash, '1').s.screen).toEqual({ kind: 'question', index: 2 });
    const over = drive(ctx, clash, '3').s;
    expect(over).toMatchObject({ id: 'acme', profile: { name: 'ACME', programType: 'general' }, values: {} });
    expect(over.screen.kind).toBe('start');
    const rename = drive(ctx, clash, String(CLASH_CHOICES.length)).s;
    expect(rename.screen.kind).toBe('name');
    expect(rename.input.text).toBe('ACME');
  });

  it('re-assesses a finished organization: a new record pre-filled from the last one, the old one kept', () => {
    const ctx = context();
    // A finished assessment to start from: every question answered "yes"/"true", one note.
    const values = Object.fromEntries(
      itemsOf(ctx, toFirstQuestion(ctx).s).map(({ item }) => [item.id, item.type === 'text' ? 'why' : item.type === 'true-false' ? 'true' : item.type === 'choice' ? item.choices[0]!.value : 'yes']),
    );
    const old = saved({ status: 'saved', values, notes: { 'tl.01': 'board voted in March' }, position: { step: 'results' } });
    const ctx2 = context([old]);
    const atName = drive(ctx2, initialState(ctx2, true), K.enter, K.enter).s;
    const clash = drive(ctx2, atName, 'Acme\r').s;
    expect(clash.screen).toEqual({ kind: 'clash', id: 'acme' });
    let { s } = drive(ctx2, clash, '2');
    expect(s.id).toBe('acme-2');
    expect(s.values).toEqual(values);
    expect(s.notes).toEqual({ 'tl.01': 'board voted in March' });
    expect(s.profile).toMatchObject({ name: 'Acme', programType: 'general', timelineFixed: false });
    expect(s.screen.kind).toBe('start');
    // A new start date, then straight to review: only what moved needs changing.
    ({ s } = drive(ctx2, s, K.enter));
    expect(s.screen.kind).toBe('review');
    expect(s.status).toBe('complete');
  });
});

describe('review return', () => {
  it('Esc on review goes back to the screen it was opened from (a question or an intro)', () => {
    const ctx = context();
    let { s } = drive(ctx, toFirstQuestion(ctx).s, '1', '1', 'r');
    expect(s.screen.kind).toBe('review');
    expect(s.reviewCursor).toBe(PROFILE_ROWS.length + 2);
    ({ s } = drive(ctx, s, K.esc));
    expect(s.screen).toEqual({ kind: 'question', index: 2 });
    ({ s } = drive(ctx, s, K.esc, K.esc, K.esc, 'r', K.esc));
    expect(s.screen).toEqual({ kind: 'intro', index: 0 });
  });
});

describe('program type changes from review', () => {
  it('asks the new role questions: the assessment is incomplete until they are answered', () => {
    const ctx = context();
    let { s } = toFirstQuestion(ctx);
    const values = Object.fromEntries(itemsOf(ctx, s).map(({ item }) => [item.id, item.type === 'text' ? '' : 'not-sure']));
    s = { ...s, values, status: 'complete', screen: { kind: 'question', index: itemsOf(ctx, s).length - 1 } };
    ({ s } = drive(ctx, s, K.enter));
    expect(s.screen.kind).toBe('review');
    const longer = PROGRAM_CHOICES.findIndex((c) => itemsOf(ctx, { profile: { programType: c.value } }).length > itemsOf(ctx, s).length);
    ({ s } = drive(ctx, s, { name: 'home' }, K.down, K.enter, String(longer + 1)));
    expect(s.screen.kind).toBe('review');
    expect(s.status).toBe('in-progress');
    expect(toAssessment(ctx, s)).toBeUndefined();
    ({ s } = drive(ctx, s, 'c'));
    expect(s.screen.kind).toBe('question');
    const gap = itemsOf(ctx, s)[(s.screen as { index: number }).index]!;
    expect(instrumentsOf(ctx, s)[gap.instrument]!.id).toMatch(/^role-/); // the first of the new role questions
  });

  it('a shorter list never leaves review pointing past the end', () => {
    const ctx = context();
    const longest = [...PROGRAM_CHOICES].sort((a, b) => itemsOf(ctx, { profile: { programType: b.value } }).length - itemsOf(ctx, { profile: { programType: a.value } }).length)[0]!.value;
    const shortest = PROGRAM_CHOICES.findIndex((c) => c.value === [...PROGRAM_CHOICES].sort((a, b) => itemsOf(ctx, { profile: { programType: a.value } }).length - itemsOf(ctx, { profile: { programType: b.value } }).length)[0]!.value);
    let { s } = toFirstQuestion(ctx);
    s = { ...s, profile: { ...s.profile, programType: longest } };
    const last = itemsOf(ctx, s).length - 1;
    s = { ...s, screen: { kind: 'question', index: last }, values: {} };
    ({ s } = drive(ctx, s, 'r', { name: 'end' }, { name: 'home' }, K.down, K.enter, String(shortest + 1)));
    expect(s.screen.kind).toBe('review');
    expect(s.reviewCursor).toBeLessThan(PROFILE_ROWS.length + itemsOf(ctx, s).length);
    ({ s } = drive(ctx, s, K.esc));
    expect(s.screen).toEqual({ kind: 'question', index: itemsOf(ctx, s).length - 1 });
  });
});
