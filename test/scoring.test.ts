// Scoring against the sources' rules: the timeline bands at every edge, "not sure", per-section
// tallies and the handbook's motivation self-check.
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../src/core/answers.js';
import { bandFor, reflection, sectionScores, tally, timelineBand } from '../src/core/score.js';
import { buildPlan } from '../src/core/plan.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram } from './helpers.js';

const catalog = await loadCatalog();
const { questionnaires: qs, content } = catalog;
const assess = (opts: Parameters<typeof answersFile>[1]) => validateAnswers(answersFile(catalog, opts), forProgram(catalog), 'test.json');

describe('timeline quiz bands (Provider\'s Handbook, Developing a Timeline)', () => {
  it.each([
    [10, 'six-months', 6],
    [8, 'six-months', 6],
    [7, 'one-year', 12],
    [5, 'one-year', 12],
    [4, 'foundation-first', 12],
    [0, 'foundation-first', 12],
  ])('%i true answers -> %s (%i months)', (n, band, months) => {
    const a = assess({ timelineTrue: n });
    const r = timelineBand(qs, a.answers, content);
    expect(r.trueCount).toBe(n);
    expect(r.bandId).toBe(band);
    expect(r.band.months).toBe(months);
  });

  it('covers every count from 0 to 10 with exactly one band', () => {
    for (let n = 0; n <= 10; n++) expect(() => bandFor(n, content)).not.toThrow();
    expect(bandFor(4, content)).toBe('foundation-first');
    expect(bandFor(5, content)).toBe('one-year');
    expect(bandFor(7, content)).toBe('one-year');
    expect(bandFor(8, content)).toBe('six-months');
  });

  it('counts "not sure" as not true and reports how many there were', () => {
    const a = assess({ timelineTrue: 10, overrides: { 'tl.01': 'not-sure', 'tl.02': 'not-sure', 'tl.03': 'not-sure' } });
    const r = timelineBand(qs, a.answers, content);
    expect(r.trueCount).toBe(7);
    expect(r.notSure).toBe(3);
    expect(r.bandId).toBe('one-year');
  });

  it('says in the plan that the duration below 5 is our decision, not the source\'s', () => {
    const plan = buildPlan(qs, content, assess({ timelineTrue: 4 }), '2027-01-01', { work: catalog.work });
    expect(plan.timeline.decision).toMatch(/gives no length of time/);
    expect(buildPlan(qs, content, assess({ timelineTrue: 5 }), '2027-01-01', { work: catalog.work }).timeline.decision).toBeUndefined();
  });
});

describe('section readiness', () => {
  it('tallies met / partly / not met / not sure with partly worth half', () => {
    const t = tally(['met', 'met', 'partly', 'not-met', 'not-sure'], content);
    expect(t).toMatchObject({ met: 2, partly: 1, notMet: 1, notSure: 1, total: 5, percent: 50 });
  });

  it('labels a fully met section Ready and one with nothing met Needs work', () => {
    expect(tally(['met', 'met'], content).label).toBe('Ready');
    expect(tally(['not-met', 'not-sure'], content).label).toBe('Needs work');
  });

  it('scores every readiness section, and none of the timeline quiz', () => {
    const scores = sectionScores(qs, assess({ scored: 'partly' }).answers, content);
    expect(scores.some((s) => s.questionnaire.scoring === 'timeline')).toBe(false);
    expect(scores.filter((s) => s.questionnaire.id === 'cmpss')).toHaveLength(7);
    for (const s of scores.filter((x) => x.questionnaire.id === 'cmpss')) expect(s.tally.percent).toBe(50);
  });
});

describe('motivation self-check (handbook: more to say about challenges means evaluate further)', () => {
  const motivation = qs[0]!.sections.flatMap((s) => s.items).filter((i) => i.type === 'text' && i.reflect === 'motivation');
  const challenge = qs[0]!.sections.flatMap((s) => s.items).filter((i) => i.type === 'text' && i.reflect === 'challenge');
  const withText = (m: string, c: string) => {
    const overrides: Record<string, string> = {};
    for (const i of motivation) overrides[i.id] = m;
    for (const i of challenge) overrides[i.id] = c;
    return assess({ overrides });
  };

  it('is clear when the reasons outweigh the worries', () => {
    expect(reflection(qs, withText('clients asked for it and staff agree strongly', 'turnover').answers)!.flagged).toBe(false);
  });
  it('flags when the worries take more words than the reasons', () => {
    const r = reflection(qs, withText('funding', 'staff fear boundary problems and we worry about billing rules')!.answers)!;
    expect(r.flagged).toBe(true);
    expect(r.challengeWords).toBeGreaterThan(r.motivationWords);
  });
  it('flags a blank answer as a question that was hard to answer, and puts a first action in month 1', () => {
    const a = withText('clients asked for it and staff agree strongly', 'turnover');
    a.answers[motivation[0]!.id] = { value: '' };
    expect(reflection(qs, a.answers)!.blank).toEqual([motivation[0]!.id]);
    const plan = buildPlan(qs, content, a, '2027-01-01', { work: catalog.work });
    expect(plan.actions[0]).toMatchObject({ itemId: 'reflection', month: 1 });
  });
});
