// The screens added or reworked for issue 12, drawn on a fake terminal: the grouped review with
// its filter, the owner editor, wrapping at 60 columns, results in a 60x30 window, the save
// screen, and screen-reader mode.
import { describe, expect, it } from 'vitest';
import { answerFirst, DATE, items, KEY, mount, toFirstQuestion, type Mounted } from './ui-harness.js';

const lines = (f: string) => f.replace(/\n+$/, '').split('\n');

/** Every question answered "No" or "False" (text gets a sentence), so the plan has gaps; ends on review. */
async function answerAll(m: Mounted) {
  await toFirstQuestion(m);
  await answerFirst(m, items.length, (type) => (type === 'yes-partly-no' ? '3' : type === 'true-false' ? '2' : '1'));
  return m.waitFor('Review your answers');
}

describe('review', () => {
  it('groups rows under instrument › section headers, counts by status, jumps to the next open item, filters by typing', async () => {
    const m = await mount({ columns: 60, rows: 30 });
    await toFirstQuestion(m);
    m.press('1');
    await m.waitFor('Question 2 of');
    m.press('4'); // not sure
    await m.waitFor('Question 3 of');
    m.press('r');
    let f = await m.waitFor('Review your answers');
    expect(f).toContain(`2 of ${items.length} questions answered · 1 not sure · ${items.length - 2} unanswered`);
    expect(f).toMatch(new RegExp(`${items[0]!.section.title}\\s+2/\\d+ answered`));
    for (const l of lines(f)) expect(l.length, l).toBeLessThanOrEqual(60);
    expect(lines(f).length).toBeLessThanOrEqual(30);
    expect(f).toContain('Tab/u next open item');
    m.press('\u001B[H'); // Home: the first row
    m.press(KEY.tab);
    f = await m.waitFor(/❯ Has your board/);
    expect(f).toContain('Answer: Not sure');
    m.press('/advisory board');
    f = await m.waitFor(/1\s+row\s+match/);
    expect(f).toContain('› advisory board');
    expect(f).toMatch(/❯ We have set up an advisory board/);
    expect(f).not.toContain('Has your board');
    // The group header wraps rather than being cut short.
    expect(f).toMatch(/Timeline quiz › Ten statements about\s+your\s+organi[sz]ation\s/);
    for (const l of lines(f)) expect(l.length, l).toBeLessThanOrEqual(60);
    m.press(KEY.enter);
    f = await m.waitFor('Filter: advisory board');
    expect(f).toContain('Esc clear filter');
    m.press(KEY.esc);
    f = await m.waitFor(/Esc back/);
    expect(f).not.toContain('Filter');
  });
});

describe('owners', () => {
  it('o opens the owner field; the next item offers the roles already used; the owner shows on the question and in review', async () => {
    const m = await mount();
    await toFirstQuestion(m);
    expect(m.frame()).toContain('o owner');
    m.press('o');
    let f = await m.waitFor("Who owns this item's work?");
    expect(f).not.toContain('Roles already used');
    m.press('HR director\r');
    f = await m.waitFor('Owner: HR director');
    m.press('1');
    await m.waitFor('Question 2 of');
    m.press('o');
    f = await m.waitFor('Roles already used for this organization');
    expect(f).toMatch(/HR director/);
    m.press(`${KEY.down}\r`);
    await m.waitFor('Owner set: HR director.');
    const rec = (await m.record())[0]!;
    expect(rec.owners).toEqual({ [items[0]!.item.id]: 'HR director', [items[1]!.item.id]: 'HR director' });
    m.press('r');
    f = await m.waitFor('Review your answers');
    expect(f).toContain('Owner: HR director');
    expect(f).toMatch(/Yes \+owner/);
  });
});

describe('wrapping at 60 columns', () => {
  it('continuation lines start under the first word, never with a stray space', async () => {
    const m = await mount({ columns: 60, rows: 40 });
    await toFirstQuestion(m);
    m.press('?');
    const f = await m.waitFor('Source:');
    const body = lines(f);
    const help = body.findIndex((l) => l.includes('Help:'));
    const source = body.findIndex((l) => l.includes('Source:'));
    expect(source - help).toBeGreaterThan(1);
    const column = body[help]!.indexOf('Help:') + 'Help: '.length;
    for (const l of body.slice(help + 1, source)) {
      expect(l.slice(0, column).replace('│', ' ').trim(), l).toBe('');
      expect(l[column], l).not.toBe(' ');
    }
    // The question itself wraps with no line starting with a space.
    const q = body.findIndex((l) => l.startsWith('Is your agency'));
    expect(body[q + 1]![0]).not.toBe(' ');
  });
});

describe('results and saving in a small window', () => {
  it('at 60x30: section names whole, Top gaps keeps the header on screen, file names and the command never broken mid-word', async () => {
    const m = await mount({ columns: 60, rows: 30 });
    await answerAll(m);
    m.press('c');
    let f = await m.waitFor('Timeline:');
    m.press(KEY.tab);
    f = await m.waitFor('Overall readiness');
    // Long section names wrap in their column instead of being cut short.
    expect(f).not.toContain('…');
    for (const w of ['Leadership', 'buy-in', 'Overview', 'behavioral', 'settings', 'Establishing', 'inclusive', 'workplace']) expect(f).toContain(w);
    m.press(KEY.tab);
    f = await m.waitFor(/The\s+first\s+steps\s+of\s+your\s+plan/);
    expect(lines(f).length).toBeLessThanOrEqual(30);
    expect(lines(f)[0]).toContain('peer-ready · Results for Acme Health');
    for (const l of lines(f)) expect(l.length, l).toBeLessThanOrEqual(60);
    m.press(KEY.enter);
    f = await m.waitFor('Save the plan');
    const deep = `${m.dir}/a-folder-with-a-rather-long-name/another-long-folder-name/peer-ready-plan-acme-health.md`;
    m.press(`${KEY.ctrlU}${deep}\r`);
    f = await m.waitFor('another-long-folder-name');
    for (const part of deep.split('/').filter(Boolean)) expect(lines(f).some((l) => l.includes(part)), part).toBe(true);
    m.press(`${KEY.ctrlU}${m.dir}/a-folder-with-a-rather-long-name/answers.json\r`);
    f = await m.waitFor('Your plan is ready');
    // Lines break only after a "/" or at a space: joined back, the command is whole.
    expect(f.replace(/\/\n\s*/g, '/').replace(/\s+/g, ' ')).toContain(`npx peer-ready --answers ${m.dir}/a-folder-with-a-rather-long-name/answers.json --date ${DATE}`);
    for (const part of deep.split('/').filter(Boolean)) expect(lines(f).some((l) => l.includes(part)), part).toBe(true);
    m.press('\r');
    for (let i = 0; i < 200 && m.exits.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(m.exits).toEqual([0]);
  }, 60_000);
});

describe('screen-reader mode', () => {
  it('every screen reads line by line: words for the highlight, the field, progress and keys; no drawing', async () => {
    const m = await mount({ screenReader: true });
    let f = await m.waitFor('Keys: Enter begin');
    expect(f).toMatch(/^peer-ready: Get ready to hire peer support specialists$/m);
    m.press('\r');
    f = await m.waitFor('Step 1 of 4:');
    expect(f).toContain('1. General / other state (highlighted)');
    expect(f).toContain('Keys: Up/Down move; Enter choose');
    m.press('\r');
    f = await m.waitFor('Step 2 of 4:');
    expect(f).toContain('Text field, cursor at the end.');
    m.press('Acme');
    f = await m.waitFor('Contains: Acme');
    m.press('\r\r\r\r');
    f = await m.waitFor('Question 1 of');
    expect(f).toContain('Progress: 0 of 90 questions answered.');
    expect(f).toContain('Choices, 4:');
    m.press('?');
    f = await m.waitFor('Help:');
    m.press('3');
    await m.waitFor('Question 2 of');
    m.press(KEY.esc);
    f = await m.waitFor('Question 1 of');
    expect(f).toContain('3. No (highlighted) (current answer)');
    m.press('r');
    f = await m.waitFor('Group: Organization');
    expect(f).toMatch(/Highlighted: Is your agency .*Answer: No\./);
    for (const frame of [f]) expect(frame).not.toMatch(/[❯│╭╮╰╯─█░]/);
  });
});

describe('owners from the review', () => {
  it('o on a question row names its owner without leaving the review', async () => {
    const m = await mount({ columns: 60, rows: 30 });
    await toFirstQuestion(m);
    m.press('o');
    await m.waitFor("Who owns this item's work?");
    m.press('Peer program lead\r');
    await m.waitFor('Owner: Peer program lead');
    m.press('1');
    await m.waitFor('Question 2 of');
    m.press('r');
    let f = await m.waitFor('Review your answers');
    expect(f).toContain('o owner');
    m.press('o');
    f = await m.waitFor('Roles already used for this organization');
    expect(f).toContain('Review your answers');
    expect(lines(f).length).toBeLessThanOrEqual(30);
    m.press(`${KEY.down}\r`);
    f = await m.waitFor('Owner set: Peer program lead.');
    expect(f).toContain('Review your answers');
    const rec = (await m.record())[0]!;
    expect(rec.owners).toEqual({ [items[0]!.item.id]: 'Peer program lead', [items[1]!.item.id]: 'Peer program lead' });
  });
});
