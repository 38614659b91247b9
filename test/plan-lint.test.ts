// Tools nobody here wrote read every example plan: markdownlint, with the committed config
// (.markdownlint.jsonc), and html-validate on each plan's HTML. Also what keeps the raw file
// readable: escaping only where needed, and no overlong lines.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Lexer, type Token, type Tokens } from 'marked';
import { lint } from 'markdownlint/sync';
import { parse as parseJsonc } from 'jsonc-parser';
import { HtmlValidate } from 'html-validate';
import { formatPlan } from '../src/core/plan-document.js';
import { escapeMarkdown } from '../src/core/markdown-escape.js';
import { readAnswersFile } from '../src/io/answers-file.js';
import { loadCatalog } from '../src/io/load.js';
import { forProgram } from './helpers.js';

const catalog = await loadCatalog();
// The example plans and the answers each comes from (roles/x.plan.md from roles/x.yaml).
const EXAMPLES: [answers: string, plan: string][] = [
  ['examples/answers.json', 'examples/plan.md'],
  ['examples/answers-fixed-deadline.yaml', 'examples/plan-fixed-deadline.md'],
  ...readdirSync('examples/roles')
    .filter((f) => f.endsWith('.plan.md'))
    .map((f): [string, string] => [`examples/roles/${f.replace('.plan.md', '.yaml')}`, `examples/roles/${f}`]),
];
const DATE = '2026-11-23';

/** The committed config (JSON with comments). */
const config = parseJsonc(readFileSync('.markdownlint.jsonc', 'utf8')) as Record<string, unknown>;

describe('markdownlint, with the committed config', () => {
  it('the config turns every rule on and names, with its reason, each it relaxes or turns off', () => {
    expect(config.default).toBe(true);
    expect(Object.keys(config).sort()).toEqual(['MD013', 'MD024', 'MD034', 'default']);
    expect(config.MD013).toBe(false);
    const text = readFileSync('.markdownlint.jsonc', 'utf8');
    for (const rule of ['MD013', 'MD024', 'MD034']) expect(text).toMatch(new RegExp(`// ${rule} [A-Za-z ]+: `));
  });

  it.each(EXAMPLES.map(([, plan]) => plan))('%s has no finding', (plan) => {
    const result = lint({ files: [plan], config });
    expect(result[plan]!.map((e) => `${plan}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`)).toEqual([]);
  });

  it('finds what it should: the check is live', () => {
    const result = lint({ strings: { bad: '**Bold line as heading**\n\ntext \n' }, config });
    expect(result.bad!.map((e) => e.ruleNames[0])).toEqual(expect.arrayContaining(['MD036', 'MD009', 'MD041']));
  });
});

describe('html-validate, on the HTML of every example plan', () => {
  const hv = new HtmlValidate({ extends: ['html-validate:recommended'] });
  it.each(EXAMPLES.map(([answers]) => answers))('%s', async (answers) => {
    const a = await readAnswersFile(answers, forProgram(catalog));
    const html = await formatPlan(catalog, a, DATE, 'html');
    const report = await hv.validateString(html);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });
});

describe('the raw Markdown reads well', () => {
  it.each(EXAMPLES.map(([, plan]) => plan))('%s: no line over 600 characters outside tables, and each task on short lines', (plan) => {
    const text = readFileSync(plan, 'utf8');
    for (const line of text.split('\n')) if (!line.startsWith('|')) expect(line.length, line).toBeLessThanOrEqual(600);
    // A task: the task itself, its checklist, then why, then owner and source, each on its own line of one item.
    const tasks = text.match(/^- \[ \] .*\n(?: {2}- .*\n)* {2}\*\*Why:\*\* .*\n {2}\*\*Owner:\*\* .*\*Source: .*\*$/gm) ?? [];
    expect(tasks.length).toBe((text.match(/^- \[ \] (?!Discuss: |Find out whether this is true: |Find out: )/gm) ?? []).length);
    expect(tasks.length).toBeGreaterThan(10);
  });

  it('escapes a character only where it could start markup', () => {
    expect(escapeMarkdown('Costs $50 to $100')).toBe('Costs $50 to $100');
    expect(escapeMarkdown('Give the location as [City, State], please')).toBe('Give the location as [City, State], please');
    expect(escapeMarkdown('a snake_case name')).toBe('a snake_case name');
    expect(escapeMarkdown('$x$ and _em_ and *b*')).toBe('\\$x\\$ and \\_em\\_ and \\*b\\*');
    expect(escapeMarkdown('see [x](javascript:alert(1))')).toBe('see [x\\](javascript:alert(1))');
    expect(escapeMarkdown('[x] done')).toBe('\\[x] done'); // a task box at the start of an item
    expect(escapeMarkdown('[a][b] [c]: http://x')).toBe('[a\\][b] [c\\]: http://x');
    expect(escapeMarkdown('ends with [note]')).toBe('ends with [note\\]');
    expect(escapeMarkdown('<b> | ~x~ `c`')).toBe('\\<b> \\| \\~x\\~ \\`c\\`');
    expect(escapeMarkdown('AT&T &amp; co')).toBe('AT&T \\&amp; co');
    expect(escapeMarkdown('C:\\Users\\me and a\\*')).toBe('C:\\Users\\me and a\\\\\\*');
    expect(escapeMarkdown('Team #')).toBe('Team \\#');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('line\nbreak\r\nhere')).toBe('line break here');
  });

  it('an escaped value renders as exactly the text it was, with no markup (marked)', () => {
    const values = ['Costs $50 [City, State] snake_case', '**b** _i_ `c` <b>x</b> [l](/path) ~~s~~ <i>', '# h', '1) one', '[ ] box', 'a\\', 'x [y]'];
    for (const v of values) {
      const tokens = Lexer.lex(`- ${escapeMarkdown(v)}`);
      const list = tokens[0] as Tokens.List;
      const inline = (list.items[0]!.tokens[0] as Tokens.Text).tokens ?? [];
      const kinds = (ts: Token[]): string[] => ts.flatMap((t) => [t.type, ...('tokens' in t && t.tokens ? kinds(t.tokens) : [])]);
      expect(kinds(inline).filter((k) => k !== 'text' && k !== 'escape'), v).toEqual([]);
      expect(list.items[0]!.task, v).toBe(false);
      const plain = inline.map((t) => (t.type === 'escape' ? (t as Tokens.Escape).text : (t as Tokens.Text).text)).join('');
      expect(plain.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"), v).toBe(v);
    }
  });

});
