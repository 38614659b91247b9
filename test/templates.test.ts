// Custom templates (--templates DIR), through the real binary: a folder's templates replace the
// built-in ones of the same name and the rest fall back; a broken template is named with its
// line; and a template sees plain data only, so it cannot run code or reach past the model.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAnswers } from '../src/core/answers.js';
import { planModel } from '../src/core/plan-document.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram, tempDir } from './helpers.js';

const BIN = join(process.cwd(), 'dist', 'cli.js');
const catalog = await loadCatalog();

function run(args: string[], cwd?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.CI;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A work folder with an answers file and a templates folder holding `files`. */
function setup(files: Record<string, string>, answers = answersFile(catalog, { timelineTrue: 6, scored: 'partly' })) {
  const dir = tempDir('peer-ready-templates-');
  const tpl = join(dir, 'tpl');
  mkdirSync(tpl);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(tpl, name), text);
  writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers));
  return { dir, tpl, file: answers, answers: join(dir, 'answers.json'), out: join(dir, 'plan.md') };
}

const plan = (s: ReturnType<typeof setup>, ...extra: string[]) =>
  run(['--answers', s.answers, '--templates', s.tpl, '--out', '-', '--date', '2027-01-01', ...extra]);

describe('--templates DIR: override and fall back', () => {
  it('a folder with no templates gives the built-in plan, byte for byte', () => {
    const s = setup({ 'README.txt': 'not a template' });
    const builtin = run(['--answers', s.answers, '--out', '-', '--date', '2027-01-01']);
    const r = plan(s);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(5000);
    expect(r.stdout).toBe(builtin.stdout);
  });

  it('replaces plan.md, and the built-in action partial fills in for the one not provided', () => {
    const s = setup({
      'plan.md.mustache':
        'OUR PLAN for {{org.name}}: {{timeline.label}}, {{overall.percent}}%\n{{#phases}}\n== {{title}} ({{actionCount}})\n{{/phases}}\n{{#months}}{{#items}}{{#task}}{{> action}}\n{{/task}}{{/items}}{{/months}}\n',
    });
    const r = plan(s);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Long lines are wrapped (continuation lines are indented): join them to read each task whole.
    const lines = r.stdout.replace(/\n +/g, ' ').split('\n');
    const model = planModel(catalog, validateAnswers(s.file, forProgram(catalog), 'a.json'), '2027-01-01');
    expect(lines[0]).toBe(`OUR PLAN for Riverbend Community Services: ${model.timeline.label}, ${model.overall.percent}%`);
    expect(model.timeline.label).toBe('At least 1 year');
    expect(r.stdout).not.toContain('# Peer support readiness plan');
    expect(lines.filter((l) => l.startsWith('== '))).toHaveLength(4);
    // The built-in action.mustache, unchanged.
    const tasks = lines.filter((l) => l.startsWith('- [ ] '));
    expect(tasks.length).toBeGreaterThan(60);
    for (const t of tasks) expect(t).toMatch(/ \*\*Why:\*\* .* \*\*Owner:\*\* .*\*Source: .+\.\*/);
  });

  it('replaces only the action partial: the built-in plan.md uses it', () => {
    const s = setup({ 'action.mustache': '* TODO m{{month}} {{due}}: {{text}} [{{source}}]\n' });
    const r = plan(s);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Peer support readiness plan: Riverbend Community Services$/m);
    expect(r.stdout).toContain('## Month-by-month plan');
    expect(r.stdout).not.toContain('**Why:**');
    const todo = r.stdout.replace(/\n +/g, ' ').split('\n').filter((l) => l.startsWith('* TODO m'));
    expect(todo.length).toBeGreaterThan(60);
    expect(todo[0]).toMatch(/^\* TODO m1 2027-01-31: .+ \[.+\]$/);
  });

  it('values stay escaped for Markdown in a custom template, and HTML output escapes even {{{raw}}} values', () => {
    const s = setup(
      { 'plan.md.mustache': 'Name: {{org.name}}\nRaw: {{{org.name}}}\n' },
      answersFile(catalog, { profile: { name: 'A | B <script>alert(1)</script> [x](javascript:alert(2))' } }),
    );
    const md = plan(s);
    expect(md.stdout).toContain('Name: A \\| B \\<script>alert(1)\\</script> [x\\](javascript:alert(2))');
    expect(md.stdout).toContain('Raw: A | B <script>alert(1)</script> [x](javascript:alert(2))');
    const html = plan(s, '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.stdout).not.toMatch(/<script/i);
    expect(html.stdout).not.toMatch(/href="javascript:/i);
    expect(html.stdout).toContain('Raw: A | B &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('--templates DIR: errors name the file and the line', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['an unclosed section on line 3', { 'plan.md.mustache': 'line 1\nline 2\n{{#phases}}\n{{title}}\nline 5\nline 6\n' }, /tpl\/plan\.md\.mustache: line 3: template error: Unclosed section "phases"/],
    ['an unclosed section on the last line', { 'plan.md.mustache': '# Plan\n\n{{#phases}}\n' }, /tpl\/plan\.md\.mustache: line 3: template error: Unclosed section "phases"/],
    ['an unclosed inner section', { 'plan.md.mustache': '{{#phases}}\n{{title}}\n{{^months}}\nnone\n{{/phases}}\n' }, /tpl\/plan\.md\.mustache: line 5: template error: Unclosed section "months"/],
    ['an unclosed inner section at the end', { 'plan.md.mustache': 'a\n{{#phases}}\nb\n{{#months}}\nc\n' }, /tpl\/plan\.md\.mustache: line 4: template error: Unclosed section "months"/],
    ['an unopened section', { 'plan.md.mustache': 'a\nb\nc\n{{/phases}}\n' }, /tpl\/plan\.md\.mustache: line 4: template error: Unopened section "phases"/],
    ['an unclosed tag', { 'plan.md.mustache': 'a\n{{org.name}}\n{{org.name\nmore\ntext\n' }, /tpl\/plan\.md\.mustache: line 3: template error: the tag "{{org\.name" is not closed with "}}" on its line/],
    ['an unknown partial', { 'plan.md.mustache': '# Plan\n\n\n\n{{#phases}}{{> phase}}{{/phases}}\n' }, /tpl\/plan\.md\.mustache: line 5: template error: partial "phase" does not exist \(templates: action, compare\.md, plan\.md\)/],
    ['an unknown partial in the action template', { 'action.mustache': '- [ ] {{text}}\n  {{> details}}\n' }, /tpl\/action\.mustache: line 2: template error: partial "details" does not exist/],
    ['a partial that includes itself', { 'action.mustache': '- {{text}}\n{{> action}}\n' }, /tpl\/action\.mustache: line 2: template error: partials include one another without end \(action > action\)/],
    ['two templates that include each other', { 'plan.md.mustache': '# Plan\n{{> action}}\n', 'action.mustache': '\n\n{{> plan.md}}\n' }, /tpl\/action\.mustache: line 3: template error: partials include one another without end \(plan\.md > action > plan\.md\)/],
    ['a tag named hasOwnProperty', { 'plan.md.mustache': '# {{org.name}}\n{{#phases}}\n{{hasOwnProperty}}\n{{/phases}}\n' }, /tpl\/plan\.md\.mustache: line 3: template error: "hasOwnProperty" cannot be used as a name/],
  ];
  it.each(cases)('%s', (_name, files, message) => {
    const s = setup(files);
    const r = run(['--answers', s.answers, '--templates', s.tpl, '--out', s.out, '--date', '2027-01-01']);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(r.code).toBe(2);
    expect(existsSync(s.out)).toBe(false);
  });

  it('a missing templates folder is a usage error', () => {
    const r = run(['--answers', 'examples/answers.json', '--templates', '/nonexistent/tpl', '--out', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--templates: \/nonexistent\/tpl does not exist/);
  });
});

describe('--templates DIR: a template cannot run code', () => {
  const probes: [string, string][] = [
    ['process', '{{#process}}{{mainModule}}{{env.HOME}}{{/process}}'],
    ['process.env', '{{process.env.PATH}}{{process.version}}'],
    ['constructor.constructor', '{{constructor.constructor}}'],
    ['constructor.constructor as a section', '{{#constructor.constructor}}return process.mainModule{{/constructor.constructor}}'],
    ['Function built from the section text', '{{#constructor.constructor}}a=require("fs").writeFileSync("PWNED","x"){{/constructor.constructor}}'],
    ['constructor name', '{{constructor.name}}{{org.constructor.name}}{{phases.constructor.name}}{{#phases}}{{constructor.name}}{{/phases}}'],
    ['Object statics', '{{constructor.keys}}{{constructor.assign}}{{constructor.prototype}}{{constructor.constructor.prototype.constructor}}'],
    ['prototype methods', '{{toString}}{{valueOf}}{{__proto__}}{{isPrototypeOf}}{{org.hasOwnProperty}}{{phases.map}}{{phases.join}}{{org.name.toUpperCase}}'],
    ['a getter defined by a section', '{{#__defineGetter__}}leak{{/__defineGetter__}}{{leak}}'],
    ['array methods as sections', '{{#phases.push}}x{{/phases.push}}{{0}}{{#phases.constructor}}{{.}}{{/phases.constructor}}'],
    ['a lambda-looking key', '{{#lambda}}boom{{/lambda}}{{#fn}}{{/fn}}{{render}}{{&require}}{{{global}}}{{globalThis.process}}'],
  ];
  it.each(probes)('%s: renders nothing from outside the model', (_name, probe) => {
    const s = setup({ 'plan.md.mustache': `BEGIN[${probe}]END\n` });
    const r = plan(s);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('BEGIN[]END\n');
    expect(readdirSync(s.dir).sort()).toEqual(['answers.json', 'tpl']);
    expect(existsSync('PWNED')).toBe(false);
  });

  it('the model\'s own values still render, including list lengths and string lengths', () => {
    const s = setup({ 'plan.md.mustache': '{{org.name.length}} {{phases.length}} {{#phases}}{{id}},{{/phases}} {{{org}}} {{toolkit.interview.areas.length}}\n' });
    const r = plan(s);
    expect(r.stdout).toBe(`${'Riverbend Community Services'.length} 4 foundation,policy,hiring,support, [object Object] 5\n`);
  });

  it('a custom template does not change what the next plan renders (the view is a copy)', () => {
    const s = setup({ 'plan.md.mustache': '{{#phases.push}}x{{/phases.push}}{{#phases.reverse}}{{/phases.reverse}}{{#phases}}{{id}} {{/phases}}\n' });
    expect(plan(s).stdout).toBe('foundation policy hiring support\n');
    const json = JSON.parse(run(['--answers', s.answers, '--templates', s.tpl, '--out', '-', '--format', 'json', '--date', '2027-01-01']).stdout);
    expect(json.phases.map((p: { id: string }) => p.id)).toEqual(['foundation', 'policy', 'hiring', 'support']);
  });

  it('the templates folder is read, never written', () => {
    const s = setup({ 'action.mustache': '- {{text}}' });
    plan(s);
    expect(readdirSync(s.tpl)).toEqual(['action.mustache']);
    expect(readFileSync(join(s.tpl, 'action.mustache'), 'utf8')).toBe('- {{text}}');
  });
});
