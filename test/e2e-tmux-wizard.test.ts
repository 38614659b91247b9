// End to end, the wizard features of issue 12 in a real terminal (tmux) with the bundled binary:
// an optional target date, an owner set on a question and offered again on the next one, a
// review searched by typing, and the whole flow in screen-reader mode.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionnairesFor } from '../src/core/plan-document.js';
import { flattenItems } from '../src/core/wizard-state.js';
import { loadCatalog } from '../src/io/load.js';
import { openStore } from '../src/io/store.js';
import { hasTmux, q, requireTmux, tmuxServer } from './helpers/tmux.js';

const CLI = resolve('dist/cli.js');
const DATE = '2027-01-15';
const items = flattenItems(questionnairesFor(await loadCatalog(), 'general'));

const { root, tmux } = tmuxServer('peer-ready-e2e-wizard');
requireTmux();

let sessions = 0;
/** The binary in a new 100x40 tmux session, CI removed from its environment; the exit code is printed after it. */
function start(name: string, args: string[] = []) {
  const dir = join(root, name);
  mkdirSync(dir);
  const store = join(dir, 'store');
  const session = `w${++sessions}`;
  const cmd = `env -u CI PEER_READY_STORE_DIR=${q(store)} PEER_READY_PLANS_DIR=${q(dir)} ${q(process.execPath)} ${q(CLI)} --date ${DATE} ${args.join(' ')}`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', `cd ${q(dir)} && ${cmd}; echo EXIT=$?; sleep 600`);
  const screen = () => tmux('capture-pane', '-p', '-t', session);
  const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
  const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);
  const waitFor = async (text: string | RegExp, ms = 15_000) => {
    const t0 = Date.now();
    for (;;) {
      const s = screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${String(text)}; the screen was:\n${s}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  };
  const records = async () => (await openStore(store)).store.list();
  return { screen, keys, type, waitFor, records };
}

describe.skipIf(!hasTmux)('wizard features in a real terminal (tmux)', () => {
  it('target date, an owner offered again on the next item, and a review searched by typing', async () => {
    const t = start('owner');
    await t.waitFor('Enter begin');
    t.keys('Enter');
    await t.waitFor('Step 1 of 4');
    t.keys('Enter');
    await t.waitFor('Step 2 of 4');
    t.type('Acme Health');
    t.keys('Enter');
    await t.waitFor('Step 3 of 4');
    t.keys('Enter');
    await t.waitFor('Step 4 of 4');
    t.keys('Down', 'Enter'); // a funder sets the deadline: its date is asked next
    await t.waitFor('Step 5 of 5');
    t.type('2027-09-30');
    t.keys('Enter');
    await t.waitFor('Part 1 of');
    t.keys('Enter');
    await t.waitFor('Question 1 of');

    t.keys('o');
    await t.waitFor("Who owns this item's work?");
    t.type('Clinical director');
    t.keys('Enter');
    await t.waitFor('Owner: Clinical director');
    t.keys('1');
    await t.waitFor('Question 2 of');
    t.keys('o');
    await t.waitFor('Roles already used for this organization');
    t.keys('Down', 'Enter');
    await t.waitFor('Owner set: Clinical director.');
    t.keys('4'); // not sure
    await t.waitFor('Question 3 of');

    t.keys('r');
    let s = await t.waitFor('Review your answers');
    expect(s).toMatch(/2 of \d+ questions answered · 1 not sure/);
    t.keys('/');
    await t.waitFor('Filter (words');
    t.type('advisory board');
    s = await t.waitFor(/1 rows? match/);
    expect(s).toMatch(/❯ We have set up an advisory board/);
    t.keys('Enter', 'Enter'); // done typing, then open the row
    s = await t.waitFor('Esc back to review');
    expect(s).toContain('We have set up an advisory board');
    t.keys('1');
    s = await t.waitFor('Filter: advisory board');
    expect(s).toMatch(/We have set up an advisory board.*True/);
    t.keys('C-c');
    await t.waitFor('EXIT=130');

    const [rec] = await t.records();
    expect(rec!.profile.targetDate).toBe('2027-09-30');
    expect(rec!.owners).toEqual({ [items[0]!.item.id]: 'Clinical director', [items[1]!.item.id]: 'Clinical director' });
  }, 60_000);

  it('keys typed before the first screen is drawn are applied, in order', async () => {
    const t = start('typeahead');
    // At once, before the wizard has loaded: begin, first program, a name, Enter.
    t.keys('Enter', 'Enter');
    t.type('Early Bird');
    t.keys('Enter');
    await t.waitFor('Step 3 of 4');
    const [rec] = await t.records();
    expect(rec!.profile).toEqual({ programType: 'general', name: 'Early Bird' });
    t.keys('C-c');
    await t.waitFor('EXIT=130');
  }, 60_000);

  it('--screen-reader: plain lines with the highlight, the field and the keys in words, and no drawing', async () => {
    const t = start('reader', ['--screen-reader']);
    let s = await t.waitFor('Keys: Enter begin');
    expect(s).toContain('peer-ready: Get ready to hire peer support specialists');
    t.keys('Enter');
    s = await t.waitFor('1. General / other state (highlighted)');
    expect(s).toContain('Keys: Up/Down move; Enter choose');
    t.keys('Enter');
    await t.waitFor('Step 2 of 4:');
    t.type('Reader Org');
    s = await t.waitFor('Contains: Reader Org');
    t.keys('Enter', 'Enter', 'Enter', 'Enter');
    s = await t.waitFor('Question 1 of');
    expect(s).toContain('Progress: 0 of');
    expect(s).toContain('1. Yes (highlighted)');
    t.keys('Down');
    s = await t.waitFor('2. Partly (highlighted)');
    expect(s).not.toMatch(/[❯│╭╮╰╯█░]/);
    t.keys('Enter');
    await t.waitFor('Question 2 of');
    t.keys('r');
    s = await t.waitFor('Group: Organization');
    expect(s).toMatch(/Answer: Partly\./);
    t.keys('C-c');
    s = await t.waitFor('EXIT=130');
    expect(s).toContain('Your answers for Reader Org are saved');
  }, 60_000);
});
