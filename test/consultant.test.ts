// Consultant workflows: merging respondents, comparing assessments over time, and batches.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type Tokens } from 'marked';
import { validateAnswers } from '../src/core/answers.js';
import { compareAssessments } from '../src/core/compare.js';
import { combineStatuses, mergeRespondents } from '../src/core/merge.js';
import { buildPlan } from '../src/core/plan.js';
import { planMarkdown, questionnairesFor } from '../src/core/plan-document.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram, tempDir } from './helpers.js';

const catalog = await loadCatalog();
const { content } = catalog;
// The general program's questionnaires: the four instruments plus its role questions.
const qs = questionnairesFor(catalog, 'general');
const BIN = join(process.cwd(), 'dist', 'cli.js');
const run = (args: string[], cwd?: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CI;
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd, input: '' });
};
const respondent = (label: string, f: ReturnType<typeof answersFile>) => ({
  label,
  file: `${label}.json`,
  assessment: validateAnswers({ ...f, profile: { ...f.profile, respondent: label } }, forProgram(catalog), `${label}.json`, { allowMissing: true }),
});

describe('combining answers', () => {
  it('met only when a majority says met and nobody says not met', () => {
    expect(combineStatuses(['met', 'met', 'partly'])).toBe('met');
    expect(combineStatuses(['met', 'met', 'not-met'])).toBe('partly');
    expect(combineStatuses(['met', 'partly'])).toBe('partly');
    expect(combineStatuses(['not-met', 'not-sure'])).toBe('not-met');
    expect(combineStatuses(['not-sure', 'not-sure'])).toBe('not-sure');
    expect(combineStatuses(['met', 'not-sure', 'not-sure'])).toBe('partly');
  });

  it('keeps agreement, lists disagreement by role, and fills a question one respondent skipped', () => {
    const ed = answersFile(catalog, { timelineTrue: 10 });
    const hr = answersFile(catalog, { timelineTrue: 10, overrides: { 's1.buy-in.board': 'no', 'tl.02': 'false' } });
    delete (hr.answers as Record<string, unknown>)['cm.3.job-description'];
    const sup = answersFile(catalog, { timelineTrue: 10, overrides: { 's1.buy-in.board': 'partly' } });
    const m = mergeRespondents(qs, [respondent('Executive director', ed), respondent('HR', hr), respondent('Supervisor', sup)]);
    // Disagreements, with who said what.
    const board = m.disagreements.find((d) => d.itemId === 's1.buy-in.board')!;
    expect(board.combined).toBe('partly');
    expect(board.views).toEqual([
      { role: 'Executive director', answer: 'yes' },
      { role: 'HR', answer: 'no' },
      { role: 'Supervisor', answer: 'partly' },
    ]);
    expect(m.disagreements.map((d) => d.itemId).sort()).toEqual(['s1.buy-in.board', 'tl.02']);
    // One "false" on a true/false statement means it is not yet true for the organisation.
    expect(m.assessment.answers['tl.02']!.value).toBe('false');
    // HR skipped one question: the other two agree, so it is met and not a disagreement.
    expect(m.assessment.answers['cm.3.job-description']!.value).toBe('yes');
    expect(m.items.find((i) => i.itemId === 'cm.3.job-description')!.views).toHaveLength(2);
    expect(m.unanswered).toEqual([]);

    const plan = buildPlan(qs, content, m.assessment, '2027-01-01', { merged: m, work: catalog.work });
    expect(plan.timeline.trueCount).toBe(9);
    const md = planMarkdown(catalog, plan);
    expect(md).toContain('## Where respondents disagree');
    expect(md.replace(/\n\s*/g, ' ')).toMatch(/Discuss: .*Answers:\*\* Executive director: yes; HR: no; Supervisor: partly/);
    expect(md).toContain('All 2 who answered: yes');
    expect(md).toContain('*How answers were combined:* Answers from several respondents');
  });

  it('counts a question nobody answered as "not sure" and lists it', () => {
    const a = answersFile(catalog);
    const b = answersFile(catalog);
    delete (a.answers as Record<string, unknown>)['tl.05'];
    delete (b.answers as Record<string, unknown>)['tl.05'];
    const m = mergeRespondents(qs, [respondent('A', a), respondent('B', b)]);
    expect(m.unanswered).toEqual(['tl.05']);
    expect(m.assessment.answers['tl.05']!.value).toBe('not-sure');
  });

  it('refuses to merge answers about two different organisations', () => {
    const a = answersFile(catalog);
    const b = answersFile(catalog, { profile: { name: 'Another Agency' } });
    expect(() => mergeRespondents(qs, [respondent('A', a), respondent('B', b)])).toThrow(/B\.json: profile\.name: is "Another Agency"/);
  });

  it('merge through the CLI, with --answers given several times', () => {
    const dir = tempDir();
    const files = ['ed', 'hr'].map((r, i) => {
      const f = answersFile(catalog, { timelineTrue: 10 - i * 4, profile: { respondent: r === 'ed' ? 'Executive director' : 'HR' } });
      writeFileSync(join(dir, `${r}.json`), JSON.stringify(f));
      return join(dir, `${r}.json`);
    });
    const r = run(['--answers', files[0]!, '--answers', files[1]!, '--out', '-', '--date', '2027-01-01']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('combines the answers of 2 respondents: Executive director, HR');
    const r2 = run(['merge', ...files, '--out', '-', '--date', '2027-01-01']);
    expect(r2.stdout).toBe(r.stdout);
  });
});

describe('compare', () => {
  it('reports the band change, newly met, slipped back, still open, and months elapsed', () => {
    const before = validateAnswers(
      { ...answersFile(catalog, { timelineTrue: 4, overrides: { 's1.buy-in.board': 'no', 's2.hr.ada': 'yes', 'cm.7.program': 'no' } }), assessedOn: '2026-01-31' },
      qs,
      'before.json',
    );
    const after = validateAnswers(
      { ...answersFile(catalog, { timelineTrue: 8, overrides: { 's1.buy-in.board': 'yes', 's2.hr.ada': 'partly', 'cm.7.program': 'no' } }), assessedOn: '2026-07-31' },
      qs,
      'after.json',
    );
    const c = compareAssessments(qs, content, { file: 'before.json', a: before }, { file: 'after.json', a: after }, catalog.work);
    expect(c.before.band).toBe('Foundation first');
    expect(c.after.band).toBe('At least 6 months');
    expect(c.bandChanged).toBe(true);
    expect(c.monthsElapsed).toBe(6);
    expect(c.newlyMet.map((r) => r.itemId)).toEqual(expect.arrayContaining(['s1.buy-in.board', 'tl.05', 'tl.08']));
    expect(c.slipped.map((r) => r.itemId)).toEqual(['s2.hr.ada']);
    expect(c.stillOpen.map((r) => r.itemId)).toContain('cm.7.program');
    expect(c.stillOpen.find((r) => r.itemId === 'cm.7.program')!.actions.length).toBeGreaterThan(0);
  });

  it('needs the date of each assessment', () => {
    const a = validateAnswers(answersFile(catalog), forProgram(catalog), 'a.json');
    expect(() => compareAssessments(qs, content, { file: 'a.json', a }, { file: 'b.json', a })).toThrow(/a\.json: assessedOn: missing/);
  });

  it('writes a progress report through the CLI', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'before.json'), JSON.stringify({ ...answersFile(catalog, { timelineTrue: 6 }), assessedOn: '2026-01-15' }));
    writeFileSync(join(dir, 'after.json'), JSON.stringify({ ...answersFile(catalog, { timelineTrue: 9 }), assessedOn: '2027-01-15' }));
    const r = run(['compare', join(dir, 'before.json'), join(dir, 'after.json'), '--out', '-']);
    expect(r.status).toBe(0);
    const heads = Lexer.lex(r.stdout).filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.text);
    expect(heads).toEqual(['Progress report: Riverbend Community Services', 'Newly met', 'Slipped back', 'Moved forward, not yet met', 'Still open']);
    expect(r.stdout).toContain('12 months passed');
    expect(r.stdout).toContain('from *At least 1 year* to *At least 6 months*');
  });
});

describe('batch: a folder of agencies', () => {
  it('writes a plan per good file, reports the corrupt one by name, and exits non-zero at the end', () => {
    const dir = tempDir();
    const inDir = join(dir, 'answers');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'alpha.json'), JSON.stringify(answersFile(catalog, { timelineTrue: 9, profile: { name: 'Alpha House' } })));
    writeFileSync(join(inDir, 'broken.json'), '{ "profile": ');
    writeFileSync(join(inDir, 'gamma.yaml'), JSON.stringify(answersFile(catalog, { timelineTrue: 3, scored: 'no', profile: { name: 'Gamma Center' } })));
    writeFileSync(join(inDir, 'notes.txt'), 'not an answers file');
    const out = join(dir, 'plans');
    const r = run(['--answers', inDir, '--out-dir', out, '--date', '2027-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: line 1, column \d+: not valid JSON/);
    expect(readdirSync(out).sort()).toEqual(['alpha.md', 'cohort-summary-agencies.csv', 'cohort-summary-gaps.csv', 'cohort-summary.md', 'gamma.md']);
    expect(r.stdout).toMatch(/Alpha House\s+At least 6 months\s+\d+/);
    expect(r.stdout).toMatch(/Gamma Center\s+Foundation first\s+\d+/);
    expect(r.stdout).toMatch(/2 plans written, 1 file failed/);
    expect(readFileSync(join(out, 'alpha.md'), 'utf8')).toMatch(/^# Peer support readiness plan: Alpha House/);
    // Run again: existing plans are not overwritten without --force.
    const again = run(['--answers', inDir, '--out-dir', out, '--date', '2027-01-01']);
    expect(again.stderr).toMatch(/alpha\.md: already exists/);
    expect(existsSync(join(out, 'broken.md'))).toBe(false);
  });
});
