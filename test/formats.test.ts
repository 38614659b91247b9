// The output formats: HTML (marked, one self-contained printable page, user text shown as text)
// and JSON (the plan model, checked against its documented schema and `schema --plan`).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAnswers, type AnswersFile } from '../src/core/answers.js';
import { formatPlan, planModel, renderModel } from '../src/core/plan-document.js';
import { mergeRespondents } from '../src/core/merge.js';
import { PlanJsonSchema } from '../src/core/plan-json-schema.js';
import { SOURCES as DOCS, formatCitation } from '../src/core/questionnaire.js';
import { questionnairesFor } from '../src/core/plan-document.js';
import { readAnswersFile } from '../src/io/answers-file.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram, tempDir } from './helpers.js';

const catalog = await loadCatalog();
const BIN = join(process.cwd(), 'dist', 'cli.js');
const PROGRAMS = ['general', 'wi-cps', 'wi-cpps', 'ca-cmpss', 'child-welfare'] as const;

function run(args: string[], cwd?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.CI;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const assess = (f: AnswersFile) => validateAnswers(f, forProgram(catalog), 't.json');

// ---------------------------------------------------------------------------------------------
// HTML

/** Every tag in the page, with its attributes; `rest` is whatever the attribute scan could not read. */
function tags(html: string) {
  return [...html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g)].map((m) => {
    const attrs: [string, string][] = [];
    const rest = m[3]!.replace(/\s+([a-zA-Z][a-zA-Z0-9-]*)(?:="([^"]*)")?/g, (_x, name: string, value?: string) => {
      attrs.push([name.toLowerCase(), value ?? '']);
      return '';
    });
    return { close: m[1] === '/', name: m[2]!.toLowerCase(), attrs, rest: rest.trim().replace(/^\/$/, '') };
  });
}

/** Each table: its header cell count and the cell count of every body row. */
function tables(html: string) {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const rows = [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[hd][ >]/g) ?? []).length);
    return { header: rows[0]!, body: rows.slice(1) };
  });
}

const TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'input',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'code', 'pre', 'blockquote', 'hr', 'br', 'a', 'del',
  'header', 'main', 'section', 'nav', 'div', 'figure', 'svg', 'line', 'text', 'rect', 'path',
]);
const ATTRS: Record<string, string[]> = {
  html: ['lang'],
  meta: ['charset', 'name', 'content'],
  input: ['disabled', 'type', 'checked'],
  th: ['class'],
  td: ['class'],
  ol: ['start'],
  ul: ['class'],
  li: ['class'],
  h1: ['id'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  section: ['class'],
  nav: ['class', 'aria-labelledby'],
  figure: ['class'],
  svg: ['class', 'xmlns', 'viewbox', 'role', 'aria-label'],
  line: ['class', 'x1', 'y1', 'x2', 'y2'],
  text: ['class', 'x', 'y'],
  rect: ['class', 'x', 'y', 'width', 'height', 'rx'],
  path: ['class', 'd'],
  pre: ['class'],
  code: ['class'],
  a: ['href'],
};

const HOSTILE_NAME = 'Evil | Org <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>';
const HOSTILE_NOTE =
  'Note | with | pipes <script src="https://evil.example/x.js"></script> <img src=x onerror=alert(4)> ' +
  '[click](javascript:alert(5)) ![img](javascript:alert(6)) <a href="javascript:alert(7)">a</a> ' +
  '<svg onload=alert(8)> &lt;script&gt; &#60;script&#62; <iframe src="javascript:alert(9)"></iframe>\n\n| a | b | c |\n# heading';
const HOSTILE_OWNER = '<b onmouseover=alert(10)>Ops</b> | lead [o](javascript:alert(11))';

const hostilePlan = () =>
  assess(
    answersFile(catalog, {
      timelineTrue: 6,
      scored: 'no',
      profile: { name: HOSTILE_NAME, respondent: '<script>x</script> | HR' },
      overrides: {
        'tl.03': { value: 'false', note: HOSTILE_NOTE, owner: HOSTILE_OWNER },
        'cm.1.audience': { value: 'no', note: HOSTILE_NOTE, owner: HOSTILE_OWNER },
        's1.buy-in.board': { value: 'yes', note: HOSTILE_NOTE },
        's1.motivation.inspiration': HOSTILE_NOTE,
      },
    }),
  );

describe('--format html', () => {
  it('shows hostile user text as text: no script, no event handler, no javascript: link', async () => {
    const html = await formatPlan(catalog, hostilePlan(), '2027-01-01', 'html');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img|<iframe|<b[ >]/i);
    // The one <svg> is the schedule's chart, which the page draws itself.
    expect(html.match(/<svg\b[^>]*>/gi)).toEqual([expect.stringMatching(/^<svg class="gantt" /)]);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    for (const t of tags(html)) {
      expect(TAGS.has(t.name), `unexpected <${t.name}>`).toBe(true);
      expect(t.rest, `unreadable attributes on <${t.name}>`).toBe('');
      for (const [name, value] of t.attrs) {
        expect(ATTRS[t.name] ?? [], `<${t.name} ${name}=…>`).toContain(name);
        expect(name).not.toMatch(/^on/);
        if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|#[\w-]+$)/i);
      }
    }
    // Every "<" left in the page starts one of those tags: nothing else can open markup.
    expect(html.replace(/^<!doctype html>/i, '').replace(/<\/?[a-zA-Z][a-zA-Z0-9]*[^<>]*>/g, '')).not.toContain('<');
    // The user's text is there, escaped, not lost (wrapped lines join with a space).
    const flat = html.replace(/\s+/g, ' ');
    expect(flat).toContain('Evil | Org &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(2)) &lt;img src=x onerror=alert(3)&gt;');
    expect(flat).toContain('&lt;b onmouseover=alert(10)&gt;Ops&lt;/b&gt; | lead [o](javascript:alert(11))');
    expect(flat).toContain('&amp;lt;script&amp;gt;'); // an entity the user typed is shown as typed
    expect(html).toContain(`<title>Peer support readiness plan: Evil | Org &lt;script&gt;`);
  });

  it('escapes raw HTML and drops unsafe links even when the Markdown itself carries them (a custom template can)', async () => {
    const { markdownToHtml } = await import('../src/core/html-page.js');
    const md = [
      '# Title <script>alert(1)</script>',
      '',
      '<div onclick="alert(2)"><img src=x onerror=alert(3)></div>',
      '',
      'Text [js](javascript:alert(4)) [JS](JaVaScRiPt:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.org/a) [mail](mailto:a@example.org)',
      '![pic](https://example.org/p.png) <iframe src="https://example.org"></iframe> <a href="javascript:alert(6)">raw</a>',
      '',
      '| a | b |',
      '|---|---|',
      '| <b onmouseover=alert(7)>x</b> | y |',
    ].join('\n');
    const html = markdownToHtml(md, 'T <script>');
    expect(html).not.toMatch(/<script|<div|<img|<iframe|<b[ >]/i);
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    expect(html).toContain('<a href="https://example.org/a">ok</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).toContain('Text js JS data'); // unsafe links keep their text only
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>T &lt;script&gt;</title>');
    for (const t of tags(html)) for (const [name] of t.attrs) expect(name).not.toMatch(/^on|^src$/);
  });

  it('keeps every table\'s column count when user text holds pipes', async () => {
    const html = await formatPlan(catalog, hostilePlan(), '2027-01-01', 'html');
    const all = tables(html);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const t of all) for (const n of t.body) expect(n).toBe(t.header);
    // The cover holds the name; the session notes table (2 columns) the note.
    const cover = /<header>[\s\S]*?<\/header>/.exec(html)![0];
    expect(cover).toContain('<strong>Organization:</strong> Evil | Org &lt;script&gt;');
    const notes = html.slice(html.indexOf('<h2 id="session-notes">Session notes</h2>'));
    expect(tables(notes)[0]).toEqual({ header: 2, body: [2, 2, 2] });
    const cells = [...notes.slice(0, notes.indexOf('</table>')).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, ''));
    const note = cells.filter((c) => c.startsWith('Note | with | pipes'));
    expect(note).toHaveLength(3);
    for (const c of note) expect(c).toMatch(/ \| a \| b \| c \| # heading$/);
  });

  it('the HTML has the same headings as the Markdown', async () => {
    const a = hostilePlan();
    const md = await formatPlan(catalog, a, '2027-01-01', 'md');
    const html = await formatPlan(catalog, a, '2027-01-01', 'html');
    const mdH2 = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    const htmlH2 = [...html.matchAll(/<h2 id="[^"]*">(.*?)<\/h2>/g)].map((m) => m[1]);
    // The same headings, and "Contents" for the table of contents the HTML adds.
    expect(htmlH2.filter((h) => h !== 'Contents')).toHaveLength(mdH2.length);
    expect(htmlH2).toContain('Session notes');
    expect([...html.matchAll(/<h1[ >]/g)]).toHaveLength(1);
    expect((html.match(/<li class="task"><input disabled type="checkbox">/g) ?? []).length).toBe((md.match(/^- \[ \] /gm) ?? []).length);
  });

  it('is one self-contained page with print styles', async () => {
    const html = await formatPlan(catalog, assess(answersFile(catalog, { timelineTrue: 6 })), '2027-01-01', 'html');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.trimEnd()).toMatch(/<\/html>$/);
    expect(html).toMatch(/<meta charset="utf-8">/);
    expect(html).not.toMatch(/<link|<script|<iframe|<object|<embed|<img/i);
    expect(html).not.toMatch(/@import|url\(|https?:\/\/[^"<\s]*\.(css|js)\b/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).toMatch(/@media print \{/);
    // The schedule is drawn as SVG, not shown as Mermaid source.
    expect(html).toMatch(/<figure class="gantt">\n<svg class="gantt" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img"/);
    expect(html).not.toMatch(/mermaid|dateFormat|gantt\n/);
    expect(html.match(/<rect class="bar/g)).toHaveLength(4);
  });

  it('the CLI writes .html by default', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(answersFile(catalog)));
    const r = run(['--answers', 'a.json', '--format', 'html', '--date', '2027-01-01'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'peer-ready-plan-riverbend-community-services.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON

const EXAMPLES = [
  'examples/answers.json',
  'examples/answers-fixed-deadline.yaml',
  'examples/answers-grant-deadline.yaml',
  ...readdirSync('examples/roles').filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => `examples/roles/${f}`),
];

async function jsonPlan(a: Parameters<typeof formatPlan>[1], date = '2026-11-23', opts: Parameters<typeof formatPlan>[4] = {}) {
  return JSON.parse(await formatPlan(catalog, a, date, 'json', opts)) as unknown;
}

function checkActions(plan: ReturnType<typeof PlanJsonSchema.parse>) {
  expect(plan.actions.length).toBeGreaterThan(0);
  for (const act of plan.actions) {
    const month = plan.months[act.month - 1]!;
    expect([act.start, act.due]).toEqual([month.start, month.end]);
    expect(Object.keys(DOCS)).toContain(act.cite.doc);
    expect(act.sources).toContain(formatCitation(act.cite));
    const phase = plan.phases.find((p) => p.id === act.phase)!;
    // Inside its phase's months, unless the task says why not.
    if (!act.placement) {
      expect(act.month).toBeGreaterThanOrEqual(phase.firstMonth);
      expect(act.month).toBeLessThanOrEqual(phase.lastMonth);
    }
  }
  // The calendar months hold exactly the actions, in order.
  expect(plan.months.flatMap((m) => m.items.flatMap((i) => ('task' in i ? [i.task] : [])))).toEqual(plan.actions);
  expect(plan.timeline.endDate).toBe(plan.months.at(-1)!.end);
}

describe('--format json', () => {
  it('there is at least one example answers file per role pack', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(EXAMPLES)('%s: the JSON plan parses with the plan schema', async (file) => {
    const a = await readAnswersFile(file, forProgram(catalog));
    const json = await jsonPlan(a);
    const plan = PlanJsonSchema.parse(json);
    expect(plan).toEqual(json); // strict: nothing stripped, nothing added
    expect(plan.org.programType).toBe(a.profile.programType);
    expect(plan.role?.title).toBe(catalog.roles[a.profile.programType]!.title);
    expect(plan.toolkit?.interview?.areas.length).toBe(catalog.roles[a.profile.programType]!.interview.length);
    checkActions(plan);
  });

  it.each(PROGRAMS)('role pack %s: plans of every timeline band parse with the plan schema', async (programType) => {
    for (const [timelineTrue, bandId] of [[9, 'six-months'], [6, 'one-year'], [2, 'foundation-first']] as const) {
      for (const scored of ['no', 'partly', 'yes']) {
        const f = answersFile(catalog, { timelineTrue, scored, profile: { programType, timelineFixed: scored === 'no' }, text: scored === 'yes' ? 'Because.' : '' });
        const plan = PlanJsonSchema.parse(await jsonPlan(assess(f)));
        expect(plan.timeline.bandId).toBe(bandId);
        expect(plan.timeline.months).toBe(bandId === 'six-months' ? 6 : 12);
        expect(!!plan.speedUps).toBe(scored === 'no');
        if (scored !== 'yes') checkActions(plan);
        else expect(plan.actions.every((x) => x.itemId.startsWith('tl.') || x.itemId === 'reflection' || x.itemId === 'timeline')).toBe(true);
      }
    }
  });

  it('a merged plan parses too, with its merge section', async () => {
    const qs = questionnairesFor(catalog, 'general');
    const r = (label: string, f: AnswersFile) => ({
      label,
      file: `${label}.json`,
      assessment: validateAnswers({ ...f, profile: { ...f.profile, respondent: label } }, forProgram(catalog), `${label}.json`, { allowMissing: true }),
    });
    const merged = mergeRespondents(qs, [
      r('Executive director', answersFile(catalog, { timelineTrue: 9 })),
      r('HR', answersFile(catalog, { timelineTrue: 6, overrides: { 's1.buy-in.board': { value: 'no', note: 'Not yet', owner: 'HR' } } })),
    ]);
    const plan = PlanJsonSchema.parse(await jsonPlan(merged.assessment, '2027-01-01', { merged }));
    expect(plan.merge?.respondents).toEqual(['Executive director', 'HR']);
    expect(plan.merge?.disagreements.map((d) => d.itemId)).toContain('s1.buy-in.board');
  });

  it('gives scores, the band, and each action with its citation and dates', async () => {
    const a = assess(answersFile(catalog, { timelineTrue: 6, scored: 'partly', profile: { startDate: '2027-01-31' }, overrides: { 'cm.3.pay': { value: 'no', owner: 'Finance', note: 'Below market' } } }));
    const json = await jsonPlan(a, '2027-01-15');
    const plan = PlanJsonSchema.parse(json);
    expect(plan).toEqual(JSON.parse(JSON.stringify(planModel(catalog, a, '2027-01-15'))));
    expect(plan.date).toBe('2027-01-15');
    expect(plan.timeline).toMatchObject({ bandId: 'one-year', months: 12, trueCount: 6, total: 10, endDate: '2028-01-30' });
    // Every yes/partly/no item partly met; choice items take a "met" choice; cm.3.pay is not met.
    const { met, partly, notMet, notSure, total, percent } = plan.overall;
    expect({ notMet, notSure }).toEqual({ notMet: 1, notSure: 0 });
    expect(met + partly + notMet + notSure).toBe(total);
    expect(partly).toBeGreaterThan(60);
    expect(percent).toBe(Math.round(((met + partly / 2) / total) * 100));
    const hiring = plan.sections.find((s) => s.title === 'Recruitment and hiring')!;
    expect(hiring.tally).toMatchObject({ met: 0, partly: 5, notMet: 1, total: 6, percent: 42, label: 'Under way' });
    const pay = plan.actions.find((x) => x.itemId === 'cm.3.pay')!;
    expect(pay).toMatchObject({ status: 'not-met', owner: 'Finance', hasOwner: true, note: 'Below market', phase: 'hiring' });
    expect(pay.cite).toMatchObject({ doc: 'cmpss' });
    expect(pay.cite.section.length).toBeGreaterThan(0);
    expect(pay.due).toMatch(/^2027-\d\d-(28|29|30|31)$/); // month starts clamp to the month's end
    checkActions(plan);
  });

  it('the schema is strict: an unknown field, a missing field or a wrong type is rejected', async () => {
    const json = (await jsonPlan(assess(answersFile(catalog, { scored: 'no' })))) as Record<string, any>;
    expect(PlanJsonSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
    const badAction = structuredClone(json);
    badAction.actions[0].colour = 'red';
    expect(PlanJsonSchema.safeParse(badAction).success).toBe(false);
    const noCite = structuredClone(json);
    delete noCite.actions[0].cite;
    expect(PlanJsonSchema.safeParse(noCite).success).toBe(false);
    const badDate = structuredClone(json);
    badDate.actions[0].due = 'March 1, 2027';
    expect(PlanJsonSchema.safeParse(badDate).success).toBe(false);
    expect(PlanJsonSchema.safeParse(json).success).toBe(true);
  });

  it('renderModel json is the model, pretty-printed, ending in a newline', async () => {
    const model = planModel(catalog, assess(answersFile(catalog)), '2027-01-01');
    const text = await renderModel(catalog, model, 'json');
    expect(text).toBe(JSON.stringify(model, null, 2) + '\n');
  });
});

describe('peer-ready schema --plan', () => {
  it('prints a JSON Schema (with $schema) that the real JSON plans validate against', async () => {
    const r = run(['schema', '--plan']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org\/draft\/2020-12/);
    expect(schema.$id).toMatch(/plan/);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'org', 'timeline', 'overall', 'sections', 'phases', 'actions']));
    expect(schema.properties.actions.items.required).toEqual(expect.arrayContaining(['cite', 'due', 'month', 'text']));
    // It differs from the answers file's schema.
    expect(JSON.parse(run(['schema']).stdout).properties.answers).toBeDefined();
    expect(schema.properties.answers).toBeUndefined();

    // An independent validator (Ajv, draft 2020-12) accepts the binary's own JSON plans and
    // rejects one with an unknown field.
    // (ajv, a dev dependency, checks JSON Schema draft 2020-12.)
    const { strictAjv } = await import('./ajv.js');
    const validate = strictAjv({ allErrors: true }).compile(schema);
    for (const file of EXAMPLES) {
      const out = run(['--answers', file, '--format', 'json', '--out', '-', '--date', '2026-11-23']);
      expect(out.code, out.stderr).toBe(0);
      const plan = JSON.parse(out.stdout);
      expect(validate(plan), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...plan, org: { ...plan.org, extra: true } })).toBe(false);
    }
  });

  it('--out writes the schema to a file, and --force is needed to replace it', () => {
    const dir = tempDir();
    expect(run(['schema', '--plan', '--out', 'plan.schema.json'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'plan.schema.json'), 'utf8')).$schema).toBeDefined();
    expect(run(['schema', '--plan', '--out', 'plan.schema.json'], dir).code).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// The schedule's chart in the HTML

describe('gantt chart as SVG', () => {
  it('draws one bar per task across the months, a diamond per milestone, and follows "after"', async () => {
    const { ganttSvg } = await import('../src/core/gantt-svg.js');
    const svg = ganttSvg(
      [
        '%%{init: {"gantt": {"leftPadding": 200}}}%%',
        'gantt',
        '  todayMarker off',
        '  title Plan <b>phases</b>',
        '  dateFormat YYYY-MM-DD',
        '  section One',
        '  First & foremost :p1, 2027-01-04, 2027-04-03',
        '  Second :p2, after p1, 30d',
        '  section Two',
        '  Board vote :milestone, m1, 2027-03-01, 0d',
        '  Unreadable line without a colon',
      ].join('\n'),
    )!;
    expect(svg).toMatch(/^<svg class="gantt" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 800 \d+" role="img" aria-label="Plan &lt;b&gt;phases&lt;\/b&gt;">/);
    expect(svg.match(/<rect class="bar/g)).toHaveLength(2);
    expect(svg.match(/<path class="milestone"/g)).toHaveLength(1);
    expect(svg).toContain('>First &amp; foremost</text>');
    // "after p1" starts where p1 ends: the second bar begins at the first bar's right edge.
    const bars = [...svg.matchAll(/<rect class="bar bar\d" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(bars[1]![0]).toBeCloseTo(bars[0]![0] + bars[0]![1], 0);
    // Month labels from January 2027.
    expect(svg).toContain('>Jan 2027</text>');
    expect(ganttSvg('gantt\n  title Nothing to draw')).toBeUndefined();
  });
});
