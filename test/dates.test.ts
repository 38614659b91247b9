// Calendar arithmetic across month ends, leap years and year ends, and the dates a plan shows.
import { describe, expect, it } from 'vitest';
import { Lexer, type Tokens } from 'marked';
import { validateAnswers } from '../src/core/answers.js';
import { addMonths, dateMessage, dayBefore, longDate, longRange, monthsBetween, monthYear, rangeLabel, shortDate, today } from '../src/core/dates.js';
import { formatPlan, planModel } from '../src/core/plan-document.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram } from './helpers.js';

const catalog = await loadCatalog();

describe('addMonths', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'], // clamped to the end of a short month
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2100-01-31', 1, '2100-02-28'], // a century that is not a leap year
    ['2000-01-31', 1, '2000-02-29'], // a century that is
    ['2026-11-30', 3, '2027-02-28'], // across the year end, clamped
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'], // December to January
    ['2026-12-31', 1, '2027-01-31'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2027-03-31', 11, '2028-02-29'], // month 12 of a plan starting 2027-03-31
    ['2027-03-31', 12, '2028-03-31'], // the day is not lost after a clamp
    ['2027-01-31', 13, '2028-02-29'],
    ['2027-01-04', 0, '2027-01-04'],
    ['2027-01-15', 24, '2029-01-15'],
    ['2027-03-31', -1, '2027-02-28'], // backwards
    ['2027-01-15', -1, '2026-12-15'],
    ['2027-01-31', -13, '2025-12-31'],
  ])('%s + %i months = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });

  it('every month start of a plan from the 31st lands on the last day of short months', () => {
    const starts = Array.from({ length: 13 }, (_, i) => addMonths('2027-01-31', i));
    expect(starts).toEqual([
      '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30', '2027-07-31',
      '2027-08-31', '2027-09-30', '2027-10-31', '2027-11-30', '2027-12-31', '2028-01-31',
    ]);
    // Strictly increasing, and exactly one start in each calendar month.
    for (let i = 1; i < starts.length; i++) expect(starts[i]! > starts[i - 1]!).toBe(true);
    expect(new Set(starts.map((s) => s.slice(0, 7))).size).toBe(13);
  });
});

describe('dayBefore', () => {
  it.each([
    ['2027-03-01', '2027-02-28'],
    ['2028-03-01', '2028-02-29'],
    ['2027-01-01', '2026-12-31'],
    ['2027-05-01', '2027-04-30'],
    ['2027-02-28', '2027-02-27'],
    ['2000-03-01', '2000-02-29'],
    ['2100-03-01', '2100-02-28'],
  ])('the day before %s is %s', (d, before) => {
    expect(dayBefore(d)).toBe(before);
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2027-01-31', '2027-02-28', 1], // a clamped month counts, as addMonths does it
    ['2027-01-31', '2027-02-27', 0],
    ['2028-01-31', '2028-02-28', 0], // in a leap year the month ends on the 29th
    ['2028-01-31', '2028-02-29', 1],
    ['2026-12-15', '2027-01-15', 1], // across the year end
    ['2026-12-15', '2027-01-14', 0],
    ['2026-11-30', '2027-02-28', 3],
    ['2026-11-30', '2027-02-27', 2],
    ['2027-03-31', '2028-02-29', 11],
    ['2027-03-31', '2028-03-30', 11],
    ['2027-03-31', '2028-03-31', 12],
    ['2027-01-04', '2027-01-04', 0],
    ['2026-11-23', '2028-11-23', 24],
  ])('from %s to %s: %i', (a, b, n) => {
    expect(monthsBetween(a, b)).toBe(n);
  });

  it('inverts addMonths for every day of a leap year and every gap up to two years', () => {
    for (let d = '2028-01-01'; d < '2029-01-01'; d = nextDay(d)) {
      for (let n = 0; n <= 24; n += 5) expect(monthsBetween(d, addMonths(d, n)), `${d} + ${n}`).toBe(n);
    }
  });
});

function nextDay(iso: string): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

describe('labels', () => {
  it('monthYear and longDate name the month and year of the date itself', () => {
    expect(monthYear('2027-02-28')).toBe('February 2027');
    expect(monthYear('2026-12-31')).toBe('December 2026');
    expect(monthYear('2027-01-01')).toBe('January 2027');
    expect(longDate('2028-02-29')).toBe('February 29, 2028');
    expect(longDate('2027-01-04')).toBe('January 4, 2027');
  });

  it('every human-facing date is US style: month, day, year', () => {
    expect(longDate('2027-03-01')).toBe('March 1, 2027');
    expect(shortDate('2027-09-09')).toBe('Sep 9');
    expect(rangeLabel('2027-01-31', '2027-02-27')).toBe('Jan 31 – Feb 27, 2027');
    expect(rangeLabel('2027-12-31', '2028-01-27')).toBe('Dec 31, 2027 – Jan 27, 2028');
    expect(rangeLabel('2027-03-01', '2027-03-31')).toBe('Mar 1 – Mar 31, 2027');
    expect(longRange('2027-03-01', '2027-05-31')).toBe('March 1, 2027 – May 31, 2027');
  });

  it('dateMessage says exactly why a date is refused, and nothing for a good one', () => {
    expect(dateMessage('2027-03-01')).toBeUndefined();
    expect(dateMessage('2027-02-29')).toBe('"2027-02-29" is not a real date: February 2027 has 28 days');
    expect(dateMessage('2027-13-01')).toBe('"2027-13-01" is not a real date: there is no month 13');
    expect(dateMessage('2100-01-01')).toBe('"2100-01-01" is outside the dates a plan can use (2000-01-01 to 2099-12-31)');
    expect(dateMessage('03/01/2027')).toBe('"03/01/2027" is not a date: use a date written YYYY-MM-DD');
  });

  it('today is the UTC date, whatever the time of day', () => {
    expect(today(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(today(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dates in a plan', () => {
  const model = (startDate: string, timelineTrue = 6) =>
    planModel(catalog, validateAnswers(answersFile(catalog, { timelineTrue, scored: 'no', profile: { startDate } }), forProgram(catalog), 't'), '2026-11-23');

  it('a one-year plan starting 2027-01-31: month 2 runs Feb 28 – Mar 30, 2027 and the plan ends the day before month 13', () => {
    const m = model('2027-01-31');
    expect(m.months[0]).toMatchObject({ month: 1, label: 'Jan 31 – Feb 27, 2027', start: '2027-01-31', end: '2027-02-27' });
    expect(m.months[1]).toMatchObject({ month: 2, label: 'Feb 28 – Mar 30, 2027', start: '2027-02-28', end: '2027-03-30' });
    expect(m.months[11]).toMatchObject({ month: 12, label: 'Dec 31, 2027 – Jan 30, 2028', start: '2027-12-31', end: '2028-01-30' });
    expect(m.months).toHaveLength(12);
    expect(m.timeline.endDate).toBe('2028-01-30');
    expect(m.timeline.endLabel).toBe('January 30, 2028');
    const last = m.phases.at(-1)!;
    expect(last.lastMonth).toBe(12);
    expect(last.endDate).toBe(dayBefore(addMonths('2027-01-31', 12)));
    expect(last.dateRange).toMatch(/ – January 30, 2028$/);
  });

  it('each phase and each month starts and ends where the calendar says, and every task falls in its month', () => {
    for (const start of ['2027-01-31', '2026-11-30', '2026-12-15', '2027-03-31', '2028-02-29', '2027-01-04']) {
      for (const timelineTrue of [9, 6, 2]) {
        const m = model(start, timelineTrue);
        for (const p of m.phases) {
          expect(p.startDate).toBe(addMonths(start, p.firstMonth - 1));
          expect(p.endDate).toBe(dayBefore(addMonths(start, p.lastMonth)));
          expect(p.endDate >= p.startDate).toBe(true);
        }
        for (const mo of m.months) {
          expect(mo.start).toBe(addMonths(start, mo.month - 1));
          expect(mo.end).toBe(dayBefore(addMonths(start, mo.month)));
          for (const it of mo.items) if ('task' in it) expect(it.task).toMatchObject({ month: mo.month, start: mo.start, due: mo.end, monthLabel: mo.label });
        }
        expect(m.timeline.endDate).toBe(dayBefore(addMonths(start, m.timeline.months)));
        expect(m.phases.at(-1)!.endDate).toBe(m.timeline.endDate);
        expect(monthsBetween(start, nextDay(m.timeline.endDate))).toBe(m.timeline.months);
        // The schedule's phase table says the same.
        expect(m.schedule.phases.map((x) => x.end)).toEqual(m.phases.map((p) => longDate(p.endDate)));
      }
    }
  });

  it('month 12 of a plan starting 2027-03-31 starts on February 29, 2028 (a leap year), and the plan runs to March 30, 2028', () => {
    const m = model('2027-03-31');
    expect(m.months[11]).toMatchObject({ label: 'Feb 29 – Mar 30, 2028', start: '2028-02-29' });
    expect(m.timeline.endDate).toBe('2028-03-30');
  });

  it('a six-month plan from November 30 crosses the year end, and the plan ends May 29', () => {
    const m = model('2026-11-30', 9);
    expect(m.months[1]).toMatchObject({ label: 'Dec 30, 2026 – Jan 29, 2027', start: '2026-12-30' });
    expect(m.months[2]).toMatchObject({ label: 'Jan 30 – Feb 27, 2027', start: '2027-01-30' });
    expect(m.months[3]).toMatchObject({ label: 'Feb 28 – Mar 29, 2027', start: '2027-02-28' });
    expect(m.timeline).toMatchObject({ months: 6, endDate: '2027-05-29', endLabel: 'May 29, 2027' });
  });

  it('the Markdown shows one heading per calendar month, labelled by the days it covers, and the phase dates', async () => {
    const a = validateAnswers(answersFile(catalog, { timelineTrue: 6, profile: { startDate: '2027-01-31' } }), forProgram(catalog), 't');
    const md = await formatPlan(catalog, a, '2026-11-23', 'md');
    const h = (depth: number) => Lexer.lex(md).filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === depth).map((t) => t.text);
    expect(h(3)).toContain('Month 1: Jan 31 – Feb 27, 2027');
    expect(h(3)).toContain('Month 12: Dec 31, 2027 – Jan 30, 2028');
    expect(h(3).filter((x) => x.startsWith('Month '))).toHaveLength(12);
    expect(md).toMatch(/\*\*Plan runs:\*\* .* to January 30, 2028 /);
    // The gantt chart gets the same ISO dates.
    expect(md).toMatch(/, 2027-01-31, /);
    expect(md).toMatch(/, 2028-01-30\n/);
  });
});
