// The Markdown plan: the golden example, its structure as marked's lexer sees it, escaping of
// user text, and the parts that appear only when they apply.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { Lexer, type Token, type Tokens } from 'marked';
import { validateAnswers } from '../src/core/answers.js';
import { formatPlan, planModel, questionnairesFor } from '../src/core/plan-document.js';
import { readAnswersFile } from '../src/io/answers-file.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram } from './helpers.js';

const catalog = await loadCatalog();
const md = (f: ReturnType<typeof answersFile>, date = '2027-01-01') => formatPlan(catalog, validateAnswers(f, forProgram(catalog), 't.json'), date, 'md');

function flat(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const walk = (ts: Token[]) => {
    for (const t of ts) {
      out.push(t);
      if ('tokens' in t && t.tokens) walk(t.tokens);
      if (t.type === 'list') walk((t as Tokens.List).items);
    }
  };
  walk(tokens);
  return out;
}
const headings = (text: string, depth: number) =>
  Lexer.lex(text).filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === depth).map((t) => t.text);
const tasks = (text: string) =>
  flat(Lexer.lex(text)).filter((t): t is Tokens.ListItem => t.type === 'list_item' && (t as Tokens.ListItem).task);

describe('golden plans from the example answers', () => {
  for (const [answers, golden] of [
    ['examples/answers.json', 'examples/plan.md'],
    ['examples/answers-fixed-deadline.yaml', 'examples/plan-fixed-deadline.md'],
    ['examples/answers-grant-deadline.yaml', 'examples/plan-grant-deadline.md'],
  ] as const) {
    it(`${answers} -> ${golden}`, async () => {
      const a = await readAnswersFile(answers, forProgram(catalog));
      const text = await formatPlan(catalog, a, '2026-11-23', 'md');
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('plan structure (marked lexer)', () => {
  it('has the title, the summary, the month-by-month plan, strengths and follow-ups', async () => {
    const text = await md(answersFile(catalog, { timelineTrue: 6, scored: 'partly', overrides: { 'tl.01': 'not-sure' } }));
    expect(headings(text, 1)).toEqual(['Peer support readiness plan: Riverbend Community Services']);
    expect(headings(text, 2)).toEqual([
      'Executive summary',
      'Readiness by section',
      'Requirements for this role: Peer roles in general (any state or program)',
      'Schedule',
      'Month-by-month plan',
      'Strengths to build on',
      'To follow up',
      'Your reflections',
      'Appendix: hiring toolkit',
      'Sources',
    ]);
    // The executive summary's five parts; twelve calendar months, then the toolkit's sections.
    expect(headings(text, 3).slice(0, 5)).toEqual(['Timeline: At least 1 year', 'Deadline check', 'Largest gaps', 'Milestones', 'The first 30 days']);
    const h3 = headings(text, 3).filter((h) => /^Month \d+:/.test(h) || h === 'Job description outline');
    expect(h3.map((h) => /^Month (\d+):/.exec(h)?.[1] ?? h)).toEqual([...Array.from({ length: 12 }, (_, i) => String(i + 1)), 'Job description outline']);
  });

  it('lays a one-year plan out month by month, 1 to 12, with dates from the start date', async () => {
    const text = await md(answersFile(catalog, { timelineTrue: 6, profile: { startDate: '2027-01-31' } }));
    const months = headings(text, 3).filter((h) => h.startsWith('Month '));
    // One section per calendar month, never repeated.
    expect(months.map((h) => Number(/^Month (\d+)/.exec(h)![1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(months).toContain('Month 1: Jan 31 – Feb 27, 2027');
    expect(months).toContain('Month 12: Dec 31, 2027 – Jan 30, 2028');
  });

  it('lays a six-month plan over months 1 to 6', async () => {
    const text = await md(answersFile(catalog, { timelineTrue: 9, scored: 'no' }));
    const numbers = headings(text, 3).filter((h) => h.startsWith('Month ')).map((h) => Number(/^Month (\d+)/.exec(h)![1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('turns each gap into task-list items, each with a month and a source', async () => {
    const f = answersFile(catalog, { timelineTrue: 6, scored: 'no' });
    const text = await md(f);
    const plan = planModel(catalog, validateAnswers(f, forProgram(catalog), 't'), '2027-01-01');
    const items = tasks(text).filter((t) => /Why:/.test(t.text));
    expect(items).toHaveLength(plan.actions.length);
    expect(items.length).toBeGreaterThan(60);
    for (const t of items) {
      expect(t.checked).toBe(false);
      expect(t.text.replace(/\s+/g, ' ')).toMatch(/Source: (Provider's Handbook|CMPSS Guidelines|Wisconsin|Child Welfare)/);
    }
  });

  it('has a summary table with one row per section and a total row', async () => {
    const text = await md(answersFile(catalog));
    const table = Lexer.lex(text).filter((t): t is Tokens.Table => t.type === 'table').find((t) => t.header[0]!.text === 'Tool')!;
    expect(table.header.map((h) => h.text)).toEqual(['Tool', 'Section', 'Met', 'Partly', 'Not met', 'Not sure', 'Score']);
    const sections = questionnairesFor(catalog, 'general').filter((q) => q.scoring === 'readiness').flatMap((q) => q.sections.filter((s) => s.items.some((i) => i.type !== 'text')));
    expect(table.rows).toHaveLength(sections.length + 1);
    for (const row of table.rows) expect(row).toHaveLength(7);
  });

  it('lists "not sure" answers for follow-up and met items as strengths', async () => {
    const text = await md(answersFile(catalog, { overrides: { 'tl.02': 'not-sure', 'cm.3.job-description': 'not-sure' } }));
    const follow = text.slice(text.indexOf('## To follow up'));
    expect(follow).toContain('Find out:');
    expect(tasks(follow).length).toBeGreaterThanOrEqual(2);
  });

  it('adds the handbook\'s three ways to speed up only when the deadline is set from outside', async () => {
    const fixed = await md(answersFile(catalog, { timelineTrue: 6, profile: { timelineFixed: true } }));
    expect(headings(fixed, 2)).toContain('Your deadline is set from outside');
    const section = fixed.slice(fixed.indexOf('## Your deadline'), fixed.indexOf('## Month-by-month'));
    expect(section.match(/^- \*\*/gm)).toHaveLength(3);
    const free = await md(answersFile(catalog, { timelineTrue: 6 }));
    expect(headings(free, 2)).not.toContain('Your deadline is set from outside');
  });

  it('says where the source is silent when fewer than 5 statements are true', async () => {
    const text = await md(answersFile(catalog, { timelineTrue: 3 }));
    expect(text).toMatch(/Where the source is silent\.\*\* The handbook gives no length of time/);
    expect(text).toMatch(/^### Timeline: Foundation first$/m);
  });
});

describe('user text cannot break the Markdown', () => {
  const hostile = 'Evil | Org <script>alert(1)</script> [x](javascript:alert(1)) **bold** # not a heading\n\n# Injected heading\n| a | b |';

  it('escapes the organisation name and notes: one heading, no HTML, table cells intact', async () => {
    const f = answersFile(catalog, {
      timelineTrue: 6,
      scored: 'no',
      profile: { name: hostile },
      overrides: { 'tl.03': { value: 'false', note: hostile, owner: '<b>Ops</b> | lead' } },
    });
    const text = await md(f);
    const tokens = Lexer.lex(text);
    expect(headings(text, 1)).toHaveLength(1);
    expect(headings(text, 1)[0]).toContain('Injected heading');
    expect(flat(tokens).filter((t) => t.type === 'html')).toEqual([]);
    // The only links are the Sources list's own addresses.
    expect(flat(Lexer.lex(text.slice(0, text.indexOf('\n## Sources\n')))).filter((t) => t.type === 'link')).toEqual([]);
    expect(flat(tokens).filter((t) => t.type === 'strong' && (t as Tokens.Strong).text === 'bold')).toEqual([]);
    for (const table of tokens.filter((t): t is Tokens.Table => t.type === 'table')) {
      for (const row of table.rows) expect(row).toHaveLength(table.header.length);
    }
    const notes = tokens.filter((t): t is Tokens.Table => t.type === 'table').at(-1)!;
    expect(notes.header.map((h) => h.text)).toEqual(['Question', 'Note']);
    // The pipes stayed inside the one cell.
    expect(notes.rows[0]![1]!.text).toContain('Evil | Org');
    expect(notes.rows[0]![1]!.text).toContain('| a | b |');
  });
});
