// The wizard's model pieces added for issue 12, without a terminal: the binding table and the
// legends built from it, the review's groups, statuses, filter and "next open item", owners,
// pasted line breaks, plain-fact items, the start-date rule, the plans folder and the command
// shown to the user.
import { describe, expect, it } from 'vitest';
import { questionnairesFor } from '../src/core/plan-document.js';
import { allItems, allowedValues } from '../src/core/questionnaire.js';
import { BINDINGS, is, keysLabel, legendEntry } from '../src/core/wizard/bindings.js';
import { char, ctrl, KeyReader, keysFromText, type InputFlags, type Key } from '../src/core/wizard/keys.js';
import {
  enter,
  initialState,
  itemChoices,
  itemsOf,
  knownOwners,
  nextOpen,
  PROFILE_ROWS,
  proposedStartDate,
  reviewRows,
  statusCounts,
  step,
  toAssessment,
  toRecord,
  visibleRows,
  type Effect,
  type SavedAssessment,
  type WizardContext,
  type WizardEvent,
  type WizardState,
} from '../src/core/wizard-state.js';
import { answersTemplateYaml } from '../src/commands/template.js';
import { invocation } from '../src/io/invocation.js';
import { loadCatalog } from '../src/io/load.js';
import { plansDir } from '../src/io/plans-dir.js';
import { formatList } from '../src/io/store.js';
import { programTypes } from '../src/core/plan-document.js';

const catalog = await loadCatalog();
const slug = (n: string) => n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const PROGRAMS = programTypes(catalog);
const PROGRAM_TYPES = Object.fromEntries(PROGRAMS.map((c) => [c.value, c.label])) as Record<string, string>;
const context = (saved: SavedAssessment[] = []): WizardContext => ({
  programs: PROGRAMS,
  questionnaires: (pt) => questionnairesFor(catalog, pt),
  saved,
  defaultStartDate: '2027-02-01',
  force: false,
  slug,
  defaultPaths: (n) => ({ plan: `plan-${n}.md`, answers: `answers-${n}.json` }),
});
const K = { up: { name: 'up' } as Key, down: { name: 'down' } as Key, enter: { name: 'return' } as Key, esc: { name: 'escape' } as Key, tab: { name: 'tab' } as Key, backtab: { name: 'backtab' } as Key };

function drive(ctx: WizardContext, s: WizardState, ...input: (Key | string | WizardEvent)[]) {
  const effects: Effect[] = [];
  for (const x of input) {
    const events: WizardEvent[] = typeof x === 'string' ? keysFromText(x).map((key) => ({ type: 'key', key })) : 'type' in x ? [x] : [{ type: 'key', key: x }];
    for (const e of events) {
      const r = step(ctx, s, e);
      s = r.state;
      effects.push(...r.effects);
    }
  }
  return { s, effects };
}
const toFirstQuestion = (ctx: WizardContext, name = 'Acme') => drive(ctx, initialState(ctx, true), K.enter, K.enter, `${name}\r`, K.enter, K.enter, K.enter);

const noFlags: InputFlags = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false,
  end: false, return: false, escape: false, tab: false, shift: false, backspace: false, delete: false, ctrl: false,
};

describe('binding table', () => {
  it('matches keys to intents; plain letters are text while typing, their Ctrl forms are not', () => {
    expect(is('review', char('r'))).toBe(true);
    expect(is('review', char('r'), true)).toBe(false);
    expect(is('review', ctrl('r'), true)).toBe(true);
    expect(is('up', char('k'))).toBe(true);
    expect(is('up', char('k'), true)).toBe(false);
    expect(is('back', { name: 'left' })).toBe(true);
    expect(is('backFromText', { name: 'left' })).toBe(false);
    expect(is('quit', ctrl('c'), true)).toBe(true);
    expect(is('quit', char('c'))).toBe(false);
  });
  it('builds legend keys from the same table, hiding alternatives and showing what works while typing', () => {
    expect(keysLabel(['up', 'down'])).toBe('↑↓');
    expect(keysLabel('back')).toBe('Esc/←');
    expect(keysLabel('note')).toBe('n');
    expect(keysLabel('note', true)).toBe('Ctrl-N');
    expect(keysLabel('toResults')).toBe('c/→');
    expect(legendEntry('quit', 'save & quit')).toEqual(['Ctrl-C', 'save & quit']);
    // Every binding that is shown has a label.
    for (const list of Object.values(BINDINGS)) for (const b of list) expect(b.label).toBeTruthy();
  });
  it('the reducer reads keys only through the table: changing a binding changes the behaviour', () => {
    const ctx = context();
    let { s } = toFirstQuestion(ctx);
    const saved = BINDINGS.owner.slice();
    try {
      BINDINGS.owner.splice(0, BINDINGS.owner.length, { name: 'char', ch: 'w', label: 'w' });
      expect(drive(ctx, s, 'o').s.owner).toBeUndefined();
      s = drive(ctx, s, 'w').s;
      expect(s.owner).toBeDefined();
      expect(keysLabel('owner')).toBe('w');
    } finally {
      BINDINGS.owner.splice(0, BINDINGS.owner.length, ...saved);
    }
  });
});

describe('pasted line breaks', () => {
  it('outside a paste, CR and LF are Enter (LF: typed before raw mode); inside one, a space', () => {
    expect(keysFromText('ab\r')).toEqual([char('a'), char('b'), { name: 'return' }]);
    expect(keysFromText('\n\nab\n')).toEqual([{ name: 'return' }, { name: 'return' }, char('a'), char('b'), { name: 'return' }]);
    expect(keysFromText('ab\ncd', true)).toEqual([char('a'), char('b'), char(' '), char('c'), char('d')]);
  });
  it('inside a bracketed paste no line break is Enter, however it arrives', () => {
    const r = new KeyReader();
    const keys = [
      ...r.read('[200~', { ...noFlags, escape: false }),
      ...r.read('one\r\ntwo', noFlags),
      ...r.read('', { ...noFlags, return: true }),
      ...r.read('three[201~', noFlags),
      ...r.read('', { ...noFlags, return: true }),
    ];
    expect(keys.filter((k) => k.name === 'return')).toHaveLength(1);
    expect(keys.at(-1)).toEqual({ name: 'return' });
    expect(keys.slice(0, -1).map((k) => k.ch).join('')).toBe('one two three');
  });
  it('a pasted paragraph stays in a free-text answer until Enter', () => {
    const ctx = context();
    let { s } = toFirstQuestion(ctx);
    const t = itemsOf(ctx, s).findIndex((x) => x.item.type === 'text');
    s = enter(ctx, s, { kind: 'question', index: t });
    const r = new KeyReader();
    for (const k of [...r.read('[200~', noFlags), ...r.read('Line one\rLine two[201~', noFlags)]) s = step(ctx, s, { type: 'key', key: k }).state;
    expect(s.screen).toEqual({ kind: 'question', index: t });
    expect(s.input.text).toBe('Line one Line two');
    s = step(ctx, s, { type: 'key', key: { name: 'return' } }).state;
    expect(s.values[itemsOf(ctx, s)[t]!.item.id]).toBe('Line one Line two');
  });
});

describe('review', () => {
  function partly(ctx: WizardContext) {
    let { s } = toFirstQuestion(ctx);
    ({ s } = drive(ctx, s, '1', '4', '1')); // yes, not sure, yes
    return drive(ctx, s, 'r').s;
  }
  it('rows are grouped by instrument and section, with counts by status', () => {
    const ctx = context();
    const s = partly(ctx);
    const rows = reviewRows(ctx, s);
    expect(rows.slice(0, PROFILE_ROWS.length).every((r) => r.group === 'Organization')).toBe(true);
    const first = itemsOf(ctx, s)[0]!;
    expect(rows[PROFILE_ROWS.length]!.group).toBe(`${questionnairesFor(catalog, 'general')[0]!.short} › ${first.section.title}`);
    expect(statusCounts(rows)).toEqual({ answered: 2, notSure: 1, unanswered: itemsOf(ctx, s).length - 3 });
  });
  it('Tab jumps to the next unanswered or "Not sure" row, Shift-Tab back, wrapping round', () => {
    const ctx = context();
    let s = partly(ctx);
    s = { ...s, reviewCursor: 0 };
    s = drive(ctx, s, K.tab).s;
    expect(s.reviewCursor).toBe(PROFILE_ROWS.length + 1); // the "not sure" one
    s = drive(ctx, s, K.tab).s;
    expect(s.reviewCursor).toBe(PROFILE_ROWS.length + 3); // the first unanswered
    s = drive(ctx, s, K.backtab).s;
    expect(s.reviewCursor).toBe(PROFILE_ROWS.length + 1);
    s = drive(ctx, s, 'u').s;
    expect(s.reviewCursor).toBe(PROFILE_ROWS.length + 3);
    const all = { ...s, values: Object.fromEntries(itemsOf(ctx, s).map((x) => [x.item.id, x.item.type === 'text' ? 'x' : itemChoices(x.item)[0]!.value])) };
    expect(nextOpen(ctx, all, 1)).toBeUndefined();
    expect(drive(ctx, all, K.tab).s.message).toMatch(/Every question shown is answered/);
  });
  it('/ filters by typing (every word, in the question, answer, section, id, note or owner); Esc clears', () => {
    const ctx = context();
    let s = partly(ctx);
    s = drive(ctx, s, '/', 'board').s;
    expect(s.filtering).toBe(true);
    const shown = visibleRows(ctx, s);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(10);
    for (const r of shown) expect([r.label, r.group, r.answer, r.flat?.item.id].join(' ').toLowerCase()).toContain('board');
    expect(shown.some((r) => r.index === s.reviewCursor)).toBe(true);
    // j and k are text while filtering; ↓ moves among the rows shown.
    const before = s.reviewCursor;
    s = drive(ctx, s, K.down).s;
    expect(s.reviewFilter.text).toBe('board');
    expect(shown.map((r) => r.index)).toContain(s.reviewCursor);
    expect(s.reviewCursor).not.toBe(before);
    s = drive(ctx, s, K.enter).s; // done typing: the filter stays
    expect(s.filtering).toBe(false);
    expect(visibleRows(ctx, s)).toHaveLength(shown.length);
    s = drive(ctx, s, K.enter).s; // Enter now opens the row
    expect(s.screen.kind === 'question' || s.screen.kind === 'name').toBe(true);
    s = drive(ctx, s, K.esc).s;
    expect(s.screen.kind).toBe('review');
    s = drive(ctx, s, K.esc).s; // Esc clears the filter first
    expect(s.reviewFilter.text).toBe('');
    expect(s.screen.kind).toBe('review');
    expect(visibleRows(ctx, s)).toHaveLength(reviewRows(ctx, s).length);
    // Nothing matches: no row, and Enter does nothing.
    s = drive(ctx, s, '/', 'zzzz', K.enter).s;
    expect(visibleRows(ctx, s)).toHaveLength(0);
    expect(drive(ctx, s, K.enter).s.screen.kind).toBe('review');
  });
});

describe('owners', () => {
  it('o names an owner (saved, in the record and the answers); ↑↓ offer the roles already used', () => {
    const ctx = context();
    let { s } = toFirstQuestion(ctx);
    let r = drive(ctx, s, 'o', 'HR director', K.enter);
    s = r.s;
    const id0 = itemsOf(ctx, s)[0]!.item.id;
    expect(s.owners[id0]).toBe('HR director');
    expect(r.effects).toContainEqual({ type: 'persist' });
    expect(toRecord(ctx, s)!.owners).toEqual({ [id0]: 'HR director' });
    s = drive(ctx, s, '1').s; // answer; on to question 2
    const id1 = itemsOf(ctx, s)[1]!.item.id;
    s = drive(ctx, s, 'o', K.down).s;
    expect(s.owner!.input.text).toBe('HR director');
    s = drive(ctx, s, K.enter).s;
    expect(s.owners[id1]).toBe('HR director');
    // Emptying the field removes the owner; Esc cancels.
    s = drive(ctx, s, 'o', { name: 'char', ch: 'u', ctrl: true }, K.enter).s;
    expect(s.owners[id1]).toBeUndefined();
    s = drive(ctx, s, 'o', 'x', K.esc).s;
    expect(s.owners[id1]).toBeUndefined();
    // On a free-text question o is text; Ctrl-O opens the owner.
    const t = itemsOf(ctx, s).findIndex((x) => x.item.type === 'text');
    let q = enter(ctx, s, { kind: 'question', index: t });
    q = drive(ctx, q, 'o').s;
    expect(q.owner).toBeUndefined();
    expect(q.input.text.endsWith('o')).toBe(true);
    expect(drive(ctx, q, { name: 'char', ch: 'o', ctrl: true }).s.owner).toBeDefined();
    // In the finished assessment, owners go with their answers.
    const values = Object.fromEntries(itemsOf(ctx, s).map((x) => [x.item.id, x.item.type === 'text' ? '' : 'no']));
    expect(toAssessment(ctx, { ...s, values })!.answers[id0]).toEqual({ value: 'no', owner: 'HR director' });
  });
  it('offers the roles used for this organization in other saved assessments, and who answered them', () => {
    const rec = (id: string, name: string, owners: Record<string, string>, respondent?: string): SavedAssessment => ({
      id, profile: { name, ...(respondent ? { respondent } : {}) }, values: {}, notes: {}, owners, position: { step: 'name' }, status: 'saved', total: 1,
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const ctx = context([rec('acme', 'Acme', { a: 'Clinical director', b: 'Clinical director', c: 'HR lead' }, 'Executive director'), rec('other', 'Other', { a: 'Somebody else' })]);
    const s = { ...initialState(ctx, true), id: 'acme-2', profile: { name: 'Acme' }, owners: { z: 'Board chair' } };
    expect(knownOwners(ctx, s)).toEqual(['Clinical director', 'Board chair', 'Executive director', 'HR lead']);
  });
});

describe('plain facts', () => {
  it('items flagged as facts offer Yes, No and Not sure, never Partly; the others keep Partly', () => {
    const fact = allItems(questionnairesFor(catalog, 'wi-cps')).find(({ item }) => item.id === 'role.wi-cps.more-than-one')!.item;
    expect(itemChoices(fact).map((c) => c.label)).toEqual(['Yes', 'No', 'Not sure']);
    expect(allowedValues(fact)).not.toContain('partly');
    const other = allItems(questionnairesFor(catalog, 'general')).find(({ item }) => item.type === 'yes-partly-no')!.item;
    expect(itemChoices(other).map((c) => c.label)).toContain('Partly');
  });
});

describe('where files go and what to type', () => {
  it('the wizard and answers-template propose the same start date: the 1st of next month', () => {
    expect(proposedStartDate('2026-11-25')).toBe('2026-12-01');
    expect(proposedStartDate('2026-12-31')).toBe('2027-01-01');
    expect(answersTemplateYaml(questionnairesFor(catalog, 'general'), '2026-11-25')).toContain('startDate: "2026-12-01"');
  });
  it('plans go to $PEER_READY_PLANS_DIR, else Documents/peer-ready-plans, else ~/peer-ready-plans', () => {
    expect(plansDir({ PEER_READY_PLANS_DIR: '/x/plans' }, '/home/u', () => true)).toBe('/x/plans');
    expect(plansDir({}, '/home/u', (p) => p === '/home/u/Documents')).toBe('/home/u/Documents/peer-ready-plans');
    expect(plansDir({}, '/home/u', () => false)).toBe('/home/u/peer-ready-plans');
  });
  it('the command shown is the one that started peer-ready', () => {
    expect(invocation(['node', '/home/u/.npm/_npx/abc/node_modules/.bin/peer-ready'], {}, '/tmp')).toBe('npx peer-ready');
    expect(invocation(['node', '/repo/node_modules/.bin/peer-ready'], { npm_command: 'exec' }, '/repo')).toBe('npx peer-ready');
    expect(invocation(['node', '/usr/local/bin/peer-ready'], { npm_command: 'exec' }, '/repo')).toBe('npx peer-ready');
    expect(invocation(['node', '/repo/dist/cli.js'], { npm_command: 'exec' }, '/repo')).toBe('node dist/cli.js');
    expect(invocation(['node', '/repo/dist/cli.js'], { npm_lifecycle_event: 'start' }, '/repo')).toBe('node dist/cli.js');
    expect(invocation(['node', '/repo/dist/cli.js'], {}, '/elsewhere/x')).toBe('node /repo/dist/cli.js');
    expect(invocation(['node', '/usr/local/bin/peer-ready'], {}, '/tmp')).toBe('peer-ready');
  });
  it('--list shows program titles, not ids', () => {
    const r: SavedAssessment = {
      id: 'acme', profile: { name: 'Acme', programType: 'wi-cps' }, values: {}, notes: {}, position: { step: 'name' }, status: 'in-progress', total: 90,
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const out = formatList([r], '/store', PROGRAM_TYPES);
    expect(out).toContain(PROGRAM_TYPES['wi-cps']);
    expect(out).not.toMatch(/\bwi-cps\b/);
  });
});
