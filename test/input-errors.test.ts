// Bad input of every kind a user can give, through the real bundled binary: never an internal
// error (exit 1), always exit 2 with a message that names the file and the place in it, and
// nothing written. Also: every problem of a file listed, answer values in any case, dates
// within a stated range, and JSON Schemas that compile under Ajv's strict mode.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { validateAnswers, type AnswersFile } from '../src/core/answers.js';
import { questionnairesFor } from '../src/core/plan-document.js';
import { addMonths, dateProblem, dayBefore, daysInMonth, isRealDate, monthsBetween } from '../src/core/dates.js';
import { InputError, MAX_PROBLEMS } from '../src/core/errors.js';
import { MAX_PARTIAL_DEPTH } from '../src/core/render.js';
import { parseJsonText } from '../src/io/answers-file.js';
import { parseYamlText } from '../src/io/yaml.js';
import { loadCatalog } from '../src/io/load.js';
import { strictAjv } from './ajv.js';
import { answersFile, tempDir } from './helpers.js';

const BIN = join(process.cwd(), 'dist', 'cli.js');
const catalog = await loadCatalog();

function run(args: string[], opts: { cwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  delete env.CI;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, input: '', encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder holding `files` (objects are written as JSON). */
function folder(files: Record<string, string | object>) {
  const dir = tempDir('peer-ready-input-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

const good = (opts: Parameters<typeof answersFile>[1] = {}): AnswersFile => answersFile(catalog, opts);
const withProfile = (p: Partial<AnswersFile['profile']>): AnswersFile => ({ ...good(), profile: { ...good().profile, ...p } });
const withAnswers = (a: Record<string, unknown>): object => ({ ...good(), answers: { ...good().answers, ...a } });

/** Exit 2, no internal error or stack trace, and the folder holds only what it held before. */
function expectCleanFailure(r: ReturnType<typeof run>, dir: string, before: string[]) {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
  expect(r.code).toBe(2);
  expect(readdirSync(dir).sort()).toEqual([...before].sort());
}

const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '',
].join('\n');

describe('YAML that is not plain data', () => {
  it('an alias bomb ("billion laughs") is one input error, with its line and column', () => {
    const dir = folder({ 'bomb.yaml': BOMB });
    const r = run(['--answers', join(dir, 'bomb.yaml'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/^peer-ready: \S+bomb\.yaml: line 2, column \d+: unsupported YAML: its aliases \(\*name\) expand to more than 100 copies/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectCleanFailure(r, dir, ['bomb.yaml']);
  });

  it('in a batch, an alias bomb is one file\'s error: the files after it are still processed and the summary says what was written', () => {
    const dir = folder({ 'a.json': good({ profile: { name: 'Agency A' } }), 'b-bomb.yaml': BOMB, 'c.yaml': stringify(good({ profile: { name: 'Agency C' } })) });
    const out = join(dir, 'plans');
    const r = run(['--answers', dir, '--out-dir', out, '--date', '2027-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|nothing was written/);
    expect(r.stderr).toMatch(/b-bomb\.yaml: line 2, column \d+: unsupported YAML/);
    expect(readdirSync(out).sort()).toEqual(['a.md', 'c.md', 'cohort-summary-agencies.csv', 'cohort-summary-gaps.csv', 'cohort-summary.md']);
    expect(readFileSync(join(out, 'c.md'), 'utf8')).toMatch(/^# Peer support readiness plan: Agency C/);
    expect(r.stdout).toMatch(/2 plans written, 1 file failed/);
  });

  it('an unknown tag is one line with its place, not a multi-line YAMLWarning', () => {
    const text = stringify(good()).replace(/^( {2}name: )/m, '$1!secret ');
    const dir = folder({ 'answers.yaml': text });
    const r = run(['--answers', join(dir, 'answers.yaml'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/answers\.yaml: line \d+, column \d+: unsupported YAML: Unresolved tag: !secret/);
    expect(r.stderr).not.toMatch(/YAMLWarning|\^\^\^/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectCleanFailure(r, dir, ['answers.yaml']);
  });

  it('an alias with no anchor is named as such, with its place; it is not called too many copies', () => {
    const e = (() => {
      try {
        parseYamlText('profile:\n  name: *nope\n', 'f.yaml');
      } catch (x) {
        return x as InputError;
      }
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e!.where).toBe('line 2, column 9');
    expect(e!.detail).toBe('not valid YAML: the alias *nope has no anchor &nope before it');
    expect(e!.detail).not.toMatch(/copies/);
  });

  it('a YAML merge key (<<) gets a message that names it, not "unknown question id"', () => {
    const text = 'base: &b\n  note: x\nanswers:\n  <<: *b\n';
    expect(() => parseYamlText(text, 'f.yaml')).toThrow(/merge keys \(<<\) are not read by peer-ready/);
    const e = (() => {
      try {
        parseYamlText(text, 'f.yaml');
      } catch (x) {
        return x as InputError;
      }
    })();
    expect(e!.where).toBe('line 4, column 3');
    // A quoted "<<" is an ordinary key.
    expect(parseYamlText('"<<": 1\n', 'f.yaml')).toEqual({ '<<': 1 });
  });

  it('parseYamlText: an alias used a few times is fine; too many copies is an InputError', () => {
    expect(parseYamlText('x: &a ok\ny: *a\n', 'f.yaml')).toEqual({ x: 'ok', y: 'ok' });
    expect(() => parseYamlText(BOMB, 'f.yaml')).toThrow(InputError);
  });
});

describe('JSON mistakes: always line and column, on one line, never the file\'s text', () => {
  const cases: [string, string, string][] = [
    ['an unquoted yes', '{"profile": yes}', 'line 1, column 13'],
    ['an unquoted yes on line 3', '{\n  "profile": {\n    "name": yes\n  }\n}', 'line 3, column 13'],
    ['a trailing comma', '{ "profile": { "name": "x", }\n}', 'line 1, column 29'],
    ['a single-quoted key', "{\n'profile': 1}", 'line 2, column 1'],
    ['a comment', '{\n  // a note\n  "profile": 1\n}', 'line 2, column 3'],
    ['NaN', '{"version": NaN}', 'line 1, column 13'],
    ['the end of the file', '{"profile": {"name": "x"}', 'line 1, column 26'],
    ['text after the object', '{"profile": 1}\n{}', 'line 2, column 1'],
  ];
  it.each(cases)('%s', async (_name, text, where) => {
    const error = await parseJsonText(text, 'answers.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toMatch(new RegExp(`^answers\\.json: ${where}: not valid JSON: \\S`));
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/is not valid JSON|"profile"|position/);
  });

  it('through the binary: exit 2, one line, nothing written', () => {
    const dir = folder({ 'answers.json': '{\n  "version": 1,\n  "profile": yes\n}\n' });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toBe(`peer-ready: ${join(dir, 'answers.json')}: line 3, column 14: not valid JSON: Unexpected token 'y'\n`);
    expectCleanFailure(r, dir, ['answers.json']);
  });
});

describe('answer ids', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])('"%s" is an unknown question id, like any other', (id) => {
    // Written as text: JSON.stringify of an object literal would not keep "__proto__" as a key.
    const text = JSON.stringify(good()).replace('"answers":{', `"answers":{"${id}":"yes",`);
    expect(JSON.parse(text).answers).toHaveProperty([id]);
    const dir = folder({ 'answers.json': text, 'answers.yaml': stringify(good()).replace(/^answers:\n/m, `answers:\n  ${id}: "yes"\n`) });
    for (const name of ['answers.json', 'answers.yaml']) {
      const r = run(['--answers', join(dir, name), '--out', join(dir, 'plan.md')]);
      expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}: answers\\.${id}: unknown question id "${id}"`));
      expectCleanFailure(r, dir, ['answers.json', 'answers.yaml']);
    }
  });

  it('"__proto__" in the profile or at the top level is an unknown field', () => {
    const text = JSON.stringify(good()).replace('"profile":{', '"profile":{"__proto__":{"x":1},').replace(/^\{/, '{"__proto__":1,');
    const dir = folder({ 'answers.json': text });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/\(top level\): unknown field "__proto__"/);
    expect(r.stderr).toMatch(/profile: unknown field "__proto__"/);
    expectCleanFailure(r, dir, ['answers.json']);
  });
});

describe('several mistakes in one file', () => {
  it('are all reported, each with its path, one per line', () => {
    const bad = withAnswers({ 'tl.01': 'maybe', 'tl.02': 3, 's1.buy-in.board': { value: 'yes', note: 7 }, 'tl.1': 'true' }) as AnswersFile;
    bad.profile = { ...bad.profile, name: '', timelineFixed: 'no' as unknown as boolean };
    const dir = folder({ 'answers.json': bad });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`peer-ready: ${join(dir, 'answers.json')}: 6 problems:`);
    expect(lines.slice(1).sort()).toEqual(
      [
        '  profile.name: the organisation name is empty',
        '  profile.timelineFixed: expected true or false, got "no"',
        '  answers.tl.02: expected an answer ("yes", "not-sure", true, …) or an object with "value" and optionally "note" and "owner", got number 3',
        '  answers.s1.buy-in.board.note: expected text (a string), got number 7',
        '  answers.tl.01: "maybe" is not an answer to this question; use one of: true, false, not-sure',
        '  answers.tl.1: unknown question id "tl.1" (did you mean "tl.01"?)',
      ].sort(),
    );
    expectCleanFailure(r, dir, ['answers.json']);
  });

  it(`lists at most ${MAX_PROBLEMS}, then counts the rest without repeating one`, () => {
    const scored = Object.entries(good().answers).filter(([, v]) => v === 'yes' || v === 'true' || v === 'false');
    const wrong = Object.fromEntries(scored.slice(0, 25).map(([id]) => [id, 'definitely']));
    const dir = folder({ 'answers.json': withAnswers(wrong) });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/: 25 problems:$/);
    const shown = lines.slice(1, -1);
    expect(shown).toHaveLength(MAX_PROBLEMS);
    expect(new Set(shown).size).toBe(MAX_PROBLEMS);
    for (const l of shown) expect(l).toMatch(/^ {2}answers\.\S+: "definitely" is not an answer to this question/);
    expect(lines.at(-1)).toBe('  (and 5 more problems)');
    expectCleanFailure(r, dir, ['answers.json']);
  });

  it('a date that is neither written right nor real is one problem, not two', () => {
    const dir = folder({ 'answers.json': withProfile({ startDate: 'soon' }) });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr.trim()).toBe(`peer-ready: ${join(dir, 'answers.json')}: profile.startDate: use a date written YYYY-MM-DD`);
    expect(r.stderr).not.toMatch(/more problem/);
    expectCleanFailure(r, dir, ['answers.json']);
  });
});

describe('wrongly typed entries say what was expected', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a number', 3, /answers\.tl\.01: expected an answer \("yes", "not-sure", true, …\) or an object with "value".*, got number 3/],
    ['null', null, /answers\.tl\.01: expected an answer .*, got null/],
    ['a list', ['true'], /answers\.tl\.01: expected an answer .*, got a list/],
    ['a numeric note', { value: 'true', note: 12 }, /answers\.tl\.01\.note: expected text \(a string\), got number 12/],
    ['an object without a value', { note: 'x' }, /answers\.tl\.01\.value: missing: expected an answer: text such as "yes" or "not-sure", or true or false$/m],
    ['an object with an unknown field', { value: 'true', comment: 'x' }, /answers\.tl\.01: unknown field "comment"/],
    ['a number as a value', { value: 1 }, /answers\.tl\.01\.value: expected an answer: text such as "yes" or "not-sure", or true or false, got number 1/],
  ];
  it.each(cases)('%s', (_name, entry, message) => {
    const dir = folder({ 'answers.json': withAnswers({ 'tl.01': entry }) });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/Invalid input/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expectCleanFailure(r, dir, ['answers.json']);
  });

  it('missing fields say what is expected; a long unknown id is cut short and answered quickly', () => {
    const dir = folder({ 'a.json': { version: 1, profile: {}, answers: {} }, 'b.json': withAnswers({ ['x'.repeat(3_000_000)]: 'yes' }) });
    const r = run(['--answers', join(dir, 'a.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/^ {2}profile\.name: missing: expected text \(a string\)$/m);
    expect(r.stderr).toMatch(/^ {2}profile\.programType: missing: expected one of general, wi-cps, wi-cpps, ca-cmpss, child-welfare$/m);
    expect(r.stderr).toMatch(/^ {2}profile\.startDate: missing: expected a date written YYYY-MM-DD$/m);
    expect(r.stderr).toMatch(/^ {2}profile\.timelineFixed: missing: expected true or false$/m);
    expectCleanFailure(r, dir, ['a.json', 'b.json']);
    const long = run(['--answers', join(dir, 'b.json'), '--out', join(dir, 'plan.md')]);
    expect(long.stderr).toMatch(/^peer-ready: \S+b\.json: answers\.x{60}…: unknown question id "x{60}…"$/m);
    expect(long.stderr.length).toBeLessThan(1000);
    expectCleanFailure(long, dir, ['a.json', 'b.json']);
  });

  it('a YAML file with a second document is one error', () => {
    const dir = folder({ 'answers.yaml': `${stringify(good())}---\nversion: 1\n` });
    const r = run(['--answers', join(dir, 'answers.yaml'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/answers\.yaml: line \d+, column \d+: not valid YAML: Source contains multiple documents/);
    expectCleanFailure(r, dir, ['answers.yaml']);
  });

  it('a wrongly typed profile field or version', () => {
    const dir = folder({ 'answers.json': { ...good(), version: 2, profile: { ...good().profile, name: 42 } } });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/ {2}version: must be 1 \(got number 2\)/);
    expect(r.stderr).toMatch(/ {2}profile\.name: expected text \(a string\), got number 42/);
    expectCleanFailure(r, dir, ['answers.json']);
  });
});

describe('answer values in any case', () => {
  it('"Yes", "TRUE", "Not Sure" and "not_sure" are read as yes, true and not-sure, and give the same plan', () => {
    const canonical = good({ overrides: { 'tl.01': 'true', 'tl.02': 'not-sure', 's1.buy-in.board': 'yes', 's1.buy-in.executive': { value: 'not-sure', note: 'ask' } } });
    const cased = good({ overrides: { 'tl.01': 'TRUE', 'tl.02': 'Not Sure', 's1.buy-in.board': 'Yes', 's1.buy-in.executive': { value: 'not_sure', note: 'ask' } } });
    expect(Object.keys(canonical.answers)).toContain('s1.buy-in.executive');
    const dir = folder({ 'a.json': canonical, 'b.json': cased });
    const a = run(['--answers', join(dir, 'a.json'), '--out', '-', '--date', '2027-01-01', '--format', 'json']);
    const b = run(['--answers', join(dir, 'b.json'), '--out', '-', '--date', '2027-01-01', '--format', 'json']);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a value that matches no spelling suggests the nearest', () => {
    const dir = folder({ 'answers.json': withAnswers({ 's1.buy-in.board': 'partyl' }) });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/answers\.s1\.buy-in\.board: "partyl" is not an answer to this question; use one of: yes, partly, no, not-sure \(did you mean "partly"\?\)/);
    expectCleanFailure(r, dir, ['answers.json']);
  });
});

describe('dates', () => {
  it.each([
    ['9999-12-31', /profile\.startDate: is outside the dates a plan can use \(2000-01-01 to 2099-12-31\)/],
    ['1999-12-31', /profile\.startDate: is outside the dates a plan can use \(2000-01-01 to 2099-12-31\)/],
    ['0050-01-01', /profile\.startDate: is outside the dates a plan can use/],
    ['0004-02-30', /profile\.startDate: not a real date: February 0004 has 29 days/],
    ['2027-02-29', /profile\.startDate: not a real date: February 2027 has 28 days/],
    ['2027-00-10', /profile\.startDate: not a real date: there is no month 00/],
    ['2027-1-10', /profile\.startDate: use a date written YYYY-MM-DD/],
  ])('start date %s', (startDate, message) => {
    const dir = folder({ 'answers.json': withProfile({ startDate }) });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/not a real calendar date/);
    expectCleanFailure(r, dir, ['answers.json']);
  });

  it('assessedOn is bounded the same way', () => {
    const dir = folder({ 'answers.json': { ...good(), assessedOn: '2100-01-01' } });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr).toMatch(/assessedOn: is outside the dates a plan can use \(2000-01-01 to 2099-12-31\)/);
    expectCleanFailure(r, dir, ['answers.json']);
  });

  it.each([
    ['2027-02-30', 'is not a real date: February 2027 has 28 days'],
    ['2027-13-01', 'is not a real date: there is no month 13'],
    ['0099-06-01', 'is outside the dates a plan can use (2000-01-01 to 2099-12-31)'],
    ['9999-12-31', 'is outside the dates a plan can use (2000-01-01 to 2099-12-31)'],
    ['27-01-01', 'is not a date: use a date written YYYY-MM-DD'],
  ])('--date %s', (date, message) => {
    const dir = folder({ 'answers.json': good() });
    const r = run(['--answers', join(dir, 'answers.json'), '--out', join(dir, 'plan.md'), '--date', date]);
    expect(r.stderr.split('\n')[0]).toBe(`peer-ready: --date: "${date}" ${message}`);
    expectCleanFailure(r, dir, ['answers.json']);
  });

  it('plans at both ends of the range validate against `schema --plan` (Ajv strict, with the date format)', () => {
    const validate = strictAjv({ allErrors: true }).compile(JSON.parse(run(['schema', '--plan']).stdout));
    for (const [startDate, date, timelineTrue] of [['2099-12-31', '2099-12-31', 2], ['2099-12-31', '2000-01-01', 9], ['2000-01-01', '2000-01-01', 6], ['2000-02-29', '2099-12-31', 2]] as const) {
      const dir = folder({ 'answers.json': good({ timelineTrue, scored: 'no', profile: { startDate } }) });
      const r = run(['--answers', join(dir, 'answers.json'), '--out', '-', '--format', 'json', '--date', date]);
      expect(r.stderr).toBe('');
      const plan = JSON.parse(r.stdout);
      expect(validate(plan), `${startDate}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(plan.timeline.endDate).toBe(dayBefore(addMonths(startDate, plan.timeline.months)));
    }
  });

  it('calendar arithmetic takes years 0000-0099 as written (not as 1900-1999)', () => {
    expect(isRealDate('0004-02-29')).toBe(true); // a leap year
    expect(isRealDate('0100-02-29')).toBe(false); // a century that is not
    expect(isRealDate('0000-02-29')).toBe(true); // year 0 is divisible by 400
    expect(isRealDate('0050-01-01')).toBe(true);
    expect(daysInMonth(4, 2)).toBe(29);
    expect(addMonths('0050-01-31', 1)).toBe('0050-02-28');
    expect(addMonths('0003-12-31', 2)).toBe('0004-02-29');
    expect(dayBefore('0100-03-01')).toBe('0100-02-28');
    expect(dayBefore('0001-01-01')).toBe('0000-12-31');
    expect(monthsBetween('0050-01-31', '0050-02-28')).toBe(1);
    expect(dateProblem('0050-01-01')).toMatch(/outside/);
    expect(dateProblem('2099-12-31')).toBeUndefined();
    expect(dateProblem('2000-01-01')).toBeUndefined();
  });
});

describe('the command line', () => {
  it('--answers without a value gets our own message, not Node\'s', () => {
    for (const args of [['--answers'], ['--answers', '--out', 'x.md'], ['merge', 'a.json', '--out']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/<value>|argument missing|ambiguous|Option '/);
      expect(r.stderr).toMatch(/^peer-ready: --(answers|out) needs a value: /);
    }
  });

  it('an empty --out, --out-dir, --answers, --date or --templates is a usage error that says which', () => {
    const dir = folder({ 'answers.json': good() });
    const a = join(dir, 'answers.json');
    for (const [args, option] of [
      [['--answers', a, '--out', ''], 'out'],
      [['--answers', dir, '--out-dir', ''], 'out-dir'],
      [['--answers', ''], 'answers'],
      [['--answers', a, '--date', '', '--out', '-'], 'date'],
      [['--answers', a, '--templates', '', '--out', '-'], 'templates'],
    ] as const) {
      const r = run([...args], { cwd: dir });
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^peer-ready: --${option} is empty; give `));
      expectCleanFailure(r, dir, ['answers.json']);
    }
  });

  it.each(['__proto__', 'constructor', 'toString'])('answers-template --program %s is a usage error, not an internal one', (program) => {
    const r = run(['answers-template', '--program', program]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^peer-ready: --program must be one of general, wi-cps, wi-cpps, ca-cmpss, child-welfare \\(got "${program}"\\)`));
    expect(r.stdout).toBe('');
  });

  it('--force=yes: a flag takes no value', () => {
    expect(run(['--answers', 'x.json', '--force=yes']).stderr).toMatch(/^peer-ready: --force takes no value/);
  });
});

describe('merge', () => {
  it('files of different program types: the mismatch is reported, not the other program\'s questions', () => {
    // The same organisation; the second file was written for the Wisconsin CPS role pack and
    // then relabelled "general" by mistake... and the other way round.
    const wi = good({ profile: { programType: 'wi-cps', respondent: 'Supervisor' } });
    const dir = folder({ 'general.json': good({ profile: { respondent: 'Director' } }), 'wi.json': wi });
    const r = run(['merge', join(dir, 'general.json'), join(dir, 'wi.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr.trim()).toBe(`peer-ready: ${join(dir, 'wi.json')}: profile.programType: is "wi-cps", but ${join(dir, 'general.json')} is "general"; these files are about different programs`);
    expectCleanFailure(r, dir, ['general.json', 'wi.json']);
    const back = run(['merge', join(dir, 'wi.json'), join(dir, 'general.json'), '--out', join(dir, 'plan.md')]);
    expect(back.stderr).toMatch(/general\.json: profile\.programType: is "general", but \S+wi\.json is "wi-cps"/);
    expect(back.stderr).not.toMatch(/unknown question id/);
  });

  it('another organisation\'s file names the field once ("profile.name", not "profile: profile.name")', () => {
    const dir = folder({ 'a.json': good({ profile: { respondent: 'A' } }), 'b.json': good({ profile: { name: 'Other Org', respondent: 'B' } }) });
    const r = run(['merge', join(dir, 'a.json'), join(dir, 'b.json'), '--out', join(dir, 'plan.md')]);
    expect(r.stderr.trim()).toBe(`peer-ready: ${join(dir, 'b.json')}: profile.name: is "Other Org", but the first file says "Riverbend Community Services"; merge combines answers about one organisation`);
    expectCleanFailure(r, dir, ['a.json', 'b.json']);
  });
});

describe('JSON Schemas compile under Ajv strict mode', () => {
  it('`schema` and `schema --plan` compile with strict: true, and startDate has format "date"', () => {
    const answers = JSON.parse(run(['schema']).stdout);
    const plan = JSON.parse(run(['schema', '--plan']).stdout);
    const validate = strictAjv({ allErrors: true }).compile(answers);
    strictAjv().compile(plan);
    expect(answers.properties.profile.properties.startDate).toMatchObject({ type: 'string', format: 'date' });
    expect(answers.properties.assessedOn).toMatchObject({ type: 'string', format: 'date' });
    expect(answers.properties.profile.properties.startDate.description).toMatch(/2000-01-01 to 2099-12-31/);
    expect(plan.properties.org.properties.startDate).toMatchObject({ type: 'string', format: 'date' });
    // The date format is checked: a well-formed but impossible date is rejected.
    const example = JSON.parse(readFileSync('examples/answers.json', 'utf8'));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...example, profile: { ...example.profile, startDate: '2027-02-30' } })).toBe(false);
    // The role-pack conditions still apply under strict mode.
    const wi = good({ profile: { programType: 'wi-cps' } });
    expect(validate(wi), JSON.stringify(validate.errors)).toBe(true);
    const missing = structuredClone(wi);
    delete (missing.answers as Record<string, unknown>)['role.wi-cps.monthly-supervision'];
    expect(validate(missing)).toBe(false);
  });
});




describe('templates (--templates DIR)', () => {
  /** A work folder with an answers file and a folder `tpl` holding `files`. */
  function setup(files: Record<string, string>) {
    const dir = folder({ 'answers.json': good({ scored: 'no', timelineTrue: 2 }) });
    mkdirSync(join(dir, 'tpl'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'tpl', name), text);
    return dir;
  }
  const plan = (dir: string) => run(['--answers', join(dir, 'answers.json'), '--templates', join(dir, 'tpl'), '--out', join(dir, 'plan.md'), '--date', '2027-01-01']);

  it.each([
    ['a value tag', '# Plan for {{org.name}\n\nBand: {{timeline.label}}\nend\n', 1, '{{org.name}'],
    ['a section tag', 'one\ntwo\n{{#phases}\n{{title}}\n{{/phases}}\n', 3, '{{#phases}'],
    ['a triple mustache', 'a\n{{{org.name}}\nb {{timeline.label}}\n', 2, '{{{org.name}}'],
  ])('a malformed tag (%s) is an error with the file and line, not a plan with the text after it gone', (_name, text, line, tag) => {
    const dir = setup({ 'plan.md.mustache': text });
    const r = plan(dir);
    expect(r.stderr.trim()).toBe(`peer-ready: ${join(dir, 'tpl', 'plan.md.mustache')}: line ${line}: template error: the tag "${tag}" is not closed with "}}" on its line`);
    expectCleanFailure(r, dir, ['answers.json', 'tpl']);
  });

  it.each(['constructor', '__proto__', 'toString'])('a partial named "%s" does not exist, like any other unknown partial', (name) => {
    const dir = setup({ 'plan.md.mustache': `# Plan\n{{> ${name}}}\n` });
    const r = plan(dir);
    expect(r.stderr.trim()).toMatch(new RegExp(`tpl/plan\\.md\\.mustache: line 2: template error: partial "${name}" does not exist`));
    expectCleanFailure(r, dir, ['answers.json', 'tpl']);
  });

  it(`partials nested more than ${MAX_PARTIAL_DEPTH} deep are an error naming where the nesting starts`, () => {
    const files: Record<string, string> = { 'plan.md.mustache': '# Plan\n{{> p1}}\n', 'p14.mustache': '{{org.name}}\n' };
    for (let i = 1; i < 14; i++) files[`p${i}.mustache`] = `{{#phases}}{{> p${i + 1}}}{{/phases}}`;
    const dir = setup(files);
    const r = plan(dir);
    expect(r.stderr.trim()).toBe(
      `peer-ready: ${join(dir, 'tpl', 'plan.md.mustache')}: line 2: template error: partials are nested more than ${MAX_PARTIAL_DEPTH} deep (plan.md > ${Array.from({ length: MAX_PARTIAL_DEPTH }, (_, i) => `p${i + 1}`).join(' > ')})`,
    );
    expectCleanFailure(r, dir, ['answers.json', 'tpl']);
  });

  it('output that would pass the size bound is an error, and nothing is written', () => {
    // 4 phases to the 6th power, times every task's text: about 30 MiB.
    const files: Record<string, string> = { 'plan.md.mustache': 'start\n{{> p1}}\n', 'p7.mustache': '{{#actions}}{{text}}{{/actions}}\n' };
    for (let i = 1; i < 7; i++) files[`p${i}.mustache`] = `{{#phases}}{{> p${i + 1}}}{{/phases}}`;
    const dir = setup(files);
    const r = plan(dir);
    expect(r.stderr.trim()).toMatch(/tpl\/plan\.md\.mustache: line 2: template error: the output would be longer than 16 MiB \(plan\.md > p1 > .* > p7\); check for sections repeated inside one another$/);
    expectCleanFailure(r, dir, ['answers.json', 'tpl']);
    // Below the bound, the same nesting renders.
    files['p7.mustache'] = '.';
    const small = setup(files);
    const ok = plan(small);
    expect(ok.stderr).toMatch(/wrote/);
    expect(readFileSync(join(small, 'plan.md'), 'utf8')).toBe(`start\n${'.'.repeat(4 ** 6)}\n`);
  });

  it('a template that is a directory, a FIFO or a dangling symlink is a clear input error', () => {
    const dir = setup({});
    mkdirSync(join(dir, 'tpl', 'plan.md.mustache'));
    const r = plan(dir);
    expect(r.stderr.trim()).toBe(`peer-ready: ${join(dir, 'tpl', 'plan.md.mustache')}: is a directory, not a template`);
    expectCleanFailure(r, dir, ['answers.json', 'tpl']);

    const fifo = setup({});
    execFileSync('mkfifo', [join(fifo, 'tpl', 'action.mustache')]);
    const f = plan(fifo);
    expect(f.stderr.trim()).toBe(`peer-ready: ${join(fifo, 'tpl', 'action.mustache')}: is not a regular file`);
    expectCleanFailure(f, fifo, ['answers.json', 'tpl']);

    const link = setup({});
    symlinkSync(join(link, 'nowhere'), join(link, 'tpl', 'action.mustache'));
    const l = plan(link);
    expect(l.stderr.trim()).toBe(`peer-ready: ${join(link, 'tpl', 'action.mustache')}: no such file`);
    expectCleanFailure(l, link, ['answers.json', 'tpl']);

    const yamlDir = setup({});
    mkdirSync(join(yamlDir, 'tpl', 'plan.yaml'));
    const y = plan(yamlDir);
    expect(y.stderr.trim()).toBe(`peer-ready: ${join(yamlDir, 'tpl', 'plan.yaml')}: is a directory, not a YAML file`);
    expectCleanFailure(y, yamlDir, ['answers.json', 'tpl']);
  });
});

describe('bounded work on hostile input', () => {
  it('100,000 unknown ids are refused in well under a second of CPU: suggestions only for the lines shown', () => {
    const file = answersFile(catalog);
    const near = Object.keys(file.answers)[0]!;
    for (let i = 0; i < 100_000; i++) file.answers[`${near}x${i}`] = 'true';
    const qs = (p: Parameters<typeof questionnairesFor>[1]) => questionnairesFor(catalog, p);
    const t0 = process.cpuUsage();
    const e = (() => {
      try {
        validateAnswers(file, qs, 'big.json');
      } catch (x) {
        return x as InputError;
      }
    })();
    const cpu = process.cpuUsage(t0);
    expect(e).toBeInstanceOf(InputError);
    expect(e!.problems.length).toBe(100_000);
    // The lines shown still carry their suggestion; the rest are counted, not searched.
    expect(e!.message.split('\n').filter((l) => l.includes('did you mean')).length).toBe(MAX_PROBLEMS);
    expect(e!.message).toMatch(/\(and 99980 more problems\)/);
    // About half a second here; a suggestion for every id took 25-57 s. The bound leaves room for a slow CI machine.
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3000);
  });
});
