// The scripted mode, through the real bundled binary: bad input of every kind gives one clear
// message naming the file and the place in it, exit code 2, and nothing written.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, tempDir } from './helpers.js';

const BIN = join(process.cwd(), 'dist', 'cli.js');
const catalog = await loadCatalog();

function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.CI;
  const r = spawnSync(process.env.PEER_READY_NODE || process.execPath, [BIN, ...args], { cwd: opts.cwd, input: opts.input ?? '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setup(content: string | Buffer, name = 'answers.json') {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file, out: join(dir, 'plan.md') };
}

const good = () => answersFile(catalog);

describe('bad input: exit 2, one clear message, nothing written', () => {
  const cases: [string, string | Buffer, RegExp, string?][] = [
    ['not parseable JSON', '{ "profile": { "name": "x", }\n}', /answers\.json: line 1, column \d+: not valid JSON/],
    ['invalid YAML', 'profile:\n  name: [unclosed\n', /answers\.yaml: line \d+, column \d+: not valid YAML/, 'answers.yaml'],
    ['an empty file', '', /answers\.json: is empty/],
    ['whitespace only', '  \n\n', /answers\.json: is empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /answers\.json: is a binary file/],
    ['a JSON list', '[1, 2]', /answers\.json: \(top level\): an answers file is an object/],
    ['wrong type in the profile', JSON.stringify({ ...good(), profile: { ...good().profile, timelineFixed: 'yes' } }), /answers\.json: profile\.timelineFixed: expected true or false, got "yes"/],
    ['an unknown program type', JSON.stringify({ ...good(), profile: { ...good().profile, programType: 'texas' } }), /profile\.programType: must be one of: general, wi-cps/],
    ['an impossible start date', JSON.stringify({ ...good(), profile: { ...good().profile, startDate: '2027-02-30' } }), /profile\.startDate: not a real date: February 2027 has 28 days/],
    ['an unknown field', JSON.stringify({ ...good(), extra: 1 }), /answers\.json: \(top level\): unknown field "extra"/],
    ['an unknown question id, with the nearest suggested', JSON.stringify({ ...good(), answers: { ...good().answers, 'tl.1': 'true' } }), /answers\.json: answers\.tl\.1: unknown question id "tl\.1" \(did you mean "tl\.01"\?\)/],
    ['a value the question does not take', JSON.stringify({ ...good(), answers: { ...good().answers, 'tl.03': 'maybe' } }), /answers\.tl\.03: "maybe" is not an answer to this question; use one of: true, false, not-sure/],
    [
      'missing answers, listed',
      JSON.stringify({ ...good(), answers: Object.fromEntries(Object.entries(good().answers).filter(([k]) => k !== 'tl.04' && k !== 'tl.09')) }),
      /answers\.json: answers: 2 questions are not answered: tl\.04, tl\.09/,
    ],
  ];
  it.each(cases)('%s', (_name, content, message, name) => {
    const { dir, file, out } = setup(content, name);
    const r = run(['--answers', file, '--out', out]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([name ?? 'answers.json']);
  });

  it('a directory given as the answers file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'answers'));
    const r = run(['--answers', join(dir, 'answers'), '--out', join(dir, 'plan.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers: is a directory/);
    expect(existsSync(join(dir, 'plan.md'))).toBe(false);
  });

  it('a file that does not exist', () => {
    const r = run(['--answers', '/nonexistent/answers.json', '--out', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/nonexistent\/answers\.json: no such file/);
  });

  it('never overwrites an existing plan without --force, and replaces it with --force', () => {
    const { file, out } = setup(JSON.stringify(good()));
    writeFileSync(out, 'my edited plan');
    const r = run(['--answers', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.md: already exists; use --force/);
    expect(readFileSync(out, 'utf8')).toBe('my edited plan');
    const f = run(['--answers', file, '--out', out, '--force', '--date', '2027-01-01']);
    expect(f.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Peer support readiness plan: Riverbend/);
  });

  it('rejects a bad --date, a bad --format and an unknown option with usage errors', () => {
    const { file } = setup(JSON.stringify(good()));
    expect(run(['--answers', file, '--date', '2027-13-01']).stderr).toMatch(/--date: "2027-13-01" is not a real date: there is no month 13/);
    expect(run(['--answers', file, '--format', 'pdf']).stderr).toMatch(/--format must be one of md, html, json/);
    const u = run(['--anwsers', file]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown option --anwsers \(did you mean --answers\?\)/);
  });
});

describe('scripted mode', () => {
  it('writes the plan to the default file name in the current folder', () => {
    const { dir, file } = setup(JSON.stringify(good()));
    const r = run(['--answers', file, '--date', '2027-01-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote peer-ready-plan-riverbend-community-services\.md/);
    expect(existsSync(join(dir, 'peer-ready-plan-riverbend-community-services.md'))).toBe(true);
  });

  it('reads YAML answers the same as JSON', async () => {
    const { stringify } = await import('yaml');
    const j = setup(JSON.stringify(good()));
    const y = setup(stringify(good()), 'answers.yaml');
    const a = run(['--answers', j.file, '--date', '2027-01-01', '--out', '-']);
    const b = run(['--answers', y.file, '--date', '2027-01-01', '--out', '-']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('is deterministic: same answers and --date give a byte-identical plan', () => {
    const { file } = setup(JSON.stringify(good()));
    const a = run(['--answers', file, '--date', '2027-03-04', '--out', '-']);
    const b = run(['--answers', file, '--date', '2027-03-04', '--out', '-']);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });

  it('answers-template prints a complete file that, once filled in, makes a plan', () => {
    const t = run(['answers-template', '--date', '2027-01-01']);
    expect(t.code).toBe(0);
    for (const id of Object.keys(good().answers)) expect(t.stdout).toContain(`  ${id}: ""`);
    expect(t.stdout).toMatch(/#\s+true \| false \| not-sure/);
    // --program adds that role's questions.
    expect(run(['answers-template', '--program', 'wi-cps']).stdout).toContain('  role.wi-cps.monthly-supervision: ""');
    expect(run(['answers-template', '--program', 'texas']).stderr).toMatch(/--program must be one of/);
    // Filling every blank with "not-sure" and naming the organisation makes a valid file.
    const filled = t.stdout.replace(/^(  [a-z0-9.-]+): ""$/gm, '$1: not-sure').replace('name: ""', 'name: "Test Org"');
    const { file } = setup(filled, 'answers.yaml');
    const p = run(['--answers', file, '--out', '-', '--date', '2027-01-01']);
    expect(p.stderr).toBe('');
    expect(p.stdout).toMatch(/Foundation first/);
    // Unfilled, it lists what is missing.
    const blank = setup(t.stdout, 'blank.yaml');
    expect(run(['--answers', blank.file, '--out', '-']).stderr).toMatch(/profile\.name: the organisation name is empty/);
  });

  it('answers-template --json is itself an answers file once filled in', () => {
    const t = JSON.parse(run(['answers-template', '--json']).stdout);
    for (const e of Object.values<{ value: string }>(t.answers)) e.value = 'not-sure';
    for (const [id, e] of Object.entries<{ value: string; allowed: string[] }>(t.answers)) if (e.allowed.length === 0) t.answers[id].value = '';
    t.profile.name = 'Json Org';
    const { file } = setup(JSON.stringify(t));
    const p = run(['--answers', file, '--out', '-', '--date', '2027-01-01']);
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
  });

  it('schema prints a JSON Schema that lists every question id and its allowed values', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toMatch(/json-schema\.org/);
    // Every question all programs are asked is required; role questions, and the two shared questions
    // scoped to some programs only (cm.7.state-requirements, s2.supervision.medicaid), are required per program.
    expect(s.properties.answers.required.length + 3 + 2).toBe(Object.keys(good().answers).length);
    const general = s.allOf.find((c: { if: { properties: { profile: { properties: { programType: { const: string } } } } } }) => c.if.properties.profile.properties.programType.const === 'general');
    expect(general.then.properties.answers.required).toEqual(expect.arrayContaining(['cm.7.state-requirements', 's2.supervision.medicaid']));
    for (const id of Object.keys(good().answers)) expect(s.properties.answers.properties).toHaveProperty([id]);
    expect(s.properties.answers.properties).toHaveProperty(['role.wi-cps.monthly-supervision']);
    const wi = s.allOf.find((c: { if: { properties: { profile: { properties: { programType: { const: string } } } } } }) => c.if.properties.profile.properties.programType.const === 'wi-cps');
    expect(wi.then.properties.answers.required).toContain('role.wi-cps.monthly-supervision');
    expect(s.properties.answers.properties['tl.01'].anyOf[0].enum).toEqual([true, false, 'true', 'false', 'not-sure']);
    expect(s.properties.profile.required).toEqual(expect.arrayContaining(['name', 'programType', 'startDate', 'timelineFixed']));
  });

  it('without a terminal and without --answers, points to --answers and exits 2', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).toMatch(/--answers/);
    expect(r.stderr).toMatch(/answers-template/);
    expect(r.stderr).not.toMatch(/Raw mode/i);
  });
});

describe('examples', () => {
  it('examples/answers.schema.json is what `peer-ready schema` prints (regenerate it after changing a questionnaire)', () => {
    expect(readFileSync('examples/answers.schema.json', 'utf8')).toBe(run(['schema']).stdout);
  });

  it('the JSON Schema accepts every example answers file and rejects a wrong value and a missing role answer', async () => {
    const { strictAjv } = await import('./ajv.js');
    const validate = strictAjv().compile(JSON.parse(run(['schema']).stdout));
    const { parse } = await import('yaml');
    const files = ['examples/answers.json', 'examples/answers-fixed-deadline.yaml', 'examples/answers-grant-deadline.yaml', ...readdirSync('examples/roles').filter((f) => f.endsWith('.yaml')).map((f) => `examples/roles/${f}`)];
    for (const f of files) {
      const data = f.endsWith('.json') ? JSON.parse(readFileSync(f, 'utf8')) : parse(readFileSync(f, 'utf8'));
      expect(validate(data), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const bad = JSON.parse(readFileSync('examples/answers.json', 'utf8'));
    bad.answers['tl.01'] = 'maybe';
    expect(validate(bad)).toBe(false);
    const wi = parse(readFileSync('examples/answers-fixed-deadline.yaml', 'utf8'));
    delete wi.answers['role.wi-cps.billing'];
    expect(validate(wi)).toBe(false);
  });
});
