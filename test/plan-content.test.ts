// templates/plan.yaml's timeline bands: every quiz score from 0 to 10 falls in exactly one band.
// The schema checks it, so a band that overlaps another or leaves a gap fails at load time
// (and at build time) instead of being hidden by whichever band happens to be looked at first.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PlanContentSchema } from '../src/core/plan-content.js';
import { bandFor } from '../src/core/score.js';
import { checkPlanContent } from '../src/io/check.js';

const plan = () => parse(readFileSync('templates/plan.yaml', 'utf8'));
const messages = (data: unknown) => {
  const r = PlanContentSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('timeline bands', () => {
  it('as shipped, share out 0 to 10 without overlap or gap', () => {
    expect(messages(plan())).toEqual([]);
    const content = PlanContentSchema.parse(plan());
    const bands = Array.from({ length: 11 }, (_, n) => bandFor(n, content));
    expect(bands.slice(8)).toEqual(['six-months', 'six-months', 'six-months']);
    expect(bands.slice(5, 8)).toEqual(['one-year', 'one-year', 'one-year']);
    expect(bands.slice(0, 5)).toEqual(Array(5).fill('foundation-first'));
  });

  it('may not overlap', () => {
    const data = plan();
    data.bands['one-year'].max = 8; // 8 is also in six-months
    expect(messages(data)).toEqual(['bands: 8 statements true falls in more than one band (six-months, one-year)']);
  });

  it('may not leave a gap, at either end or in the middle', () => {
    const gap = plan();
    gap.bands['one-year'].min = 6;
    expect(messages(gap)).toEqual(['bands: no band covers 5 statements true']);
    const low = plan();
    low.bands['foundation-first'].min = 1;
    expect(messages(low)).toEqual(['bands: no band covers 0 statements true']);
    const high = plan();
    high.bands['six-months'].max = 9;
    expect(messages(high)).toEqual(['bands: no band covers 10 statements true']);
  });

  it('may not go past the quiz’s ten statements', () => {
    const data = plan();
    data.bands['six-months'].max = 11;
    expect(messages(data)).toEqual(['bands.six-months.max: the quiz has 10 statements']);
  });

  it('a broken plan.yaml names the file and the rule', () => {
    const data = plan();
    data.bands['one-year'].max = 9;
    expect(() => checkPlanContent({ file: 'my-templates/plan.yaml', data })).toThrow(
      /^my-templates\/plan\.yaml: [^]*bands: 8 statements true falls in more than one band \(six-months, one-year\)/,
    );
  });
});
