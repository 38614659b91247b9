// The plan as a project plan, checked over many generated answers files (every band, every
// program type, with and without a deadline): tasks after their prerequisites, one task per
// piece of work, every milestone present and dated inside the plan, no month over the load
// limit, every date real and inside the plan. Also the load-time check of the order data.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isRealDate, validateAnswers, type AnswersFile, type ProgramType } from '../src/core/answers.js';
import { addMonths, dayBefore } from '../src/core/dates.js';
import { InputError } from '../src/core/errors.js';
import { allItems } from '../src/core/questionnaire.js';
import { mergeRespondents } from '../src/core/merge.js';
import { planMarkdown, planModel, questionnairesFor } from '../src/core/plan-document.js';
import type { PlanModel } from '../src/core/plan.js';
import { readDataFiles } from '../src/io/builtin.js';
import { checkCatalog, type DataFile } from '../src/io/check.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram } from './helpers.js';

const catalog = await loadCatalog();
// The program types are the role packs.
const programs: ProgramType[] = Object.keys(catalog.roles);

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The order data, as the test reads it from the catalog (not from the scheduler). */
function orderData(pt: ProgramType) {
  void pt;
  const after = new Map<string, Set<string>>();
  for (const w of catalog.work) after.set(w.id, new Set(w.after));
  return after;
}

interface Case {
  name: string;
  file: AnswersFile;
}

function cases(): Case[] {
  const out: Case[] = [];
  const random = rng(20261125);
  const starts = ['2027-01-31', '2027-01-04', '2026-12-15', '2028-02-29'];
  let n = 0;
  for (const programType of programs) {
    for (const timelineTrue of [10, 8, 6, 5, 4, 0]) {
      for (const deadline of ['none', 'fits', 'later', 'short', 'very-short', 'one-month']) {
        const startDate = starts[n++ % starts.length]!;
        const f = answersFile(catalog, { timelineTrue, profile: { programType, startDate } });
        const facts = new Set(allItems(questionnairesFor(catalog, programType)).flatMap(({ item }) => (item.type === 'yes-partly-no' && item.fact ? [item.id] : [])));
        // Mix the answers: about a third met, the rest partly, not met or not sure.
        for (const [id, v] of Object.entries(f.answers)) {
          if (id.startsWith('tl.') || typeof v !== 'string') continue;
          const r = random();
          // A plain fact (yes or no only) takes "no" where others take "partly".
          if (v === 'yes') f.answers[id] = r < 0.3 ? 'yes' : r < 0.55 ? (facts.has(id) ? 'no' : 'partly') : r < 0.85 ? 'no' : 'not-sure';
        }
        if (random() < 0.3) for (const id of Object.keys(f.answers)) if (id.startsWith('s1.motivation')) f.answers[id] = '';
        const months = timelineTrue >= 8 ? 6 : 12;
        const bandEnd = dayBefore(addMonths(startDate, months));
        const target =
          deadline === 'fits' ? bandEnd
          : deadline === 'later' ? addMonths(startDate, months + 5)
          : deadline === 'short' ? addMonths(startDate, Math.ceil(months / 2))
          : deadline === 'very-short' ? addMonths(startDate, 2)
          : deadline === 'one-month' ? dayBefore(addMonths(startDate, 1))
          : undefined;
        if (target) f.profile = { ...f.profile, targetDate: target, timelineFixed: true };
        out.push({ name: `${programType}, ${timelineTrue} true, deadline ${deadline}, from ${startDate}`, file: f });
      }
    }
  }
  return out;
}

function model(f: AnswersFile): PlanModel {
  return planModel(catalog, validateAnswers(f, forProgram(catalog), 't.json'), '2026-11-23');
}

describe('every generated plan is a project plan', () => {
  const all = cases();
  it(`covers every band, program type and kind of deadline (${all.length} answers files)`, () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
  });

  for (const c of all) {
    it(c.name, () => {
      const m = model(c.file);
      const start = m.org.startDate;
      const end = m.timeline.endDate;
      const inPlan = (d: string) => isRealDate(d) && d >= start && d <= end;

      // Sequence: every task and milestone, in the order the plan lists them.
      const seq: { key: string; month: number; late?: boolean }[] = [];
      m.months.forEach((mo, i) => {
        expect(mo.month).toBe(i + 1);
        for (const it of mo.items) {
          if ('task' in it) seq.push({ key: it.task.id, month: mo.month });
          else seq.push({ key: it.milestone.id, month: mo.month });
        }
      });
      const index = new Map(seq.map((s, i) => [s.key, i]));
      expect(index.size).toBe(seq.length);

      // No duplicate task: one per id, and no two with the same text.
      expect(new Set(m.actions.map((a) => a.id)).size).toBe(m.actions.length);
      expect(new Set(m.actions.map((a) => a.text)).size).toBe(m.actions.length);
      expect(m.months.reduce((n, mo) => n + mo.taskCount, 0)).toBe(m.actions.length);

      // No task before a prerequisite (a task or a milestone).
      const after = orderData(m.org.programType as ProgramType);
      for (const a of m.actions) {
        for (const p of after.get(a.id) ?? []) {
          if (!index.has(p)) continue; // not in this plan: met, or another program's
          expect(index.get(p)!, `${a.id} is listed before ${p}`).toBeLessThan(index.get(a.id)!);
          expect(seq[index.get(p)!]!.month).toBeLessThanOrEqual(a.month);
        }
      }
      // Every task a milestone waits for comes before it, unless a compressed plan marks it at risk.
      for (const ms of catalog.milestones.milestones) {
        for (const p of ms.after) {
          if (!index.has(p)) continue;
          const task = m.actions.find((x) => x.id === p);
          if (task?.atRisk && m.deadline && !m.deadline.fits) continue;
          expect(index.get(p)!, `${p} is listed after the milestone ${ms.id}`).toBeLessThan(index.get(ms.id)!);
        }
      }

      // Every milestone present, once, dated inside the plan and inside its month, in date order.
      expect(m.milestones.map((x) => x.id).sort()).toEqual(catalog.milestones.milestones.map((x) => x.id).sort());
      for (const ms of m.milestones) {
        expect(inPlan(ms.date), `${ms.id} ${ms.date}`).toBe(true);
        const mo = m.months[ms.month - 1]!;
        expect(ms.date >= mo.start && ms.date <= mo.end).toBe(true);
      }
      expect(m.milestones.map((x) => x.date)).toEqual([...m.milestones.map((x) => x.date)].sort());

      // No month over the load limit, and the limit is about twice the average.
      const average = m.actions.length / m.months.length;
      expect(m.schedule.loadLimit).toBeLessThanOrEqual(Math.max(2, 2 * average));
      for (const mo of m.months) expect(mo.taskCount, `month ${mo.month}`).toBeLessThanOrEqual(m.schedule.loadLimit);

      // Every date real and inside the plan's range; months tile the plan.
      expect(m.months[0]!.start).toBe(start);
      expect(m.months.at(-1)!.end).toBe(end);
      m.months.forEach((mo, i) => {
        expect(inPlan(mo.start) && inPlan(mo.end) && mo.start <= mo.end).toBe(true);
        if (i > 0) expect(dayBefore(mo.start)).toBe(m.months[i - 1]!.end);
      });
      for (const a of m.actions) {
        expect(inPlan(a.start) && inPlan(a.due)).toBe(true);
        expect(a.why.length).toBeGreaterThan(0);
      }
      for (const p of m.phases) expect(inPlan(p.startDate) && inPlan(p.endDate) && p.startDate <= p.endDate).toBe(true);

      // The deadline.
      const target = c.file.profile.targetDate;
      if (!target) expect(m.deadline).toBeUndefined();
      else {
        const bandEnd = dayBefore(addMonths(start, m.timeline.months));
        expect(m.deadline!.fits).toBe(target >= bandEnd);
        if (m.deadline!.fits) expect(end).toBe(bandEnd);
        else {
          expect(end).toBe(target);
          expect(m.deadline!.statement).toMatch(/shorter than the handbook advises/);
          expect(m.deadline!.shortBy).toBeTruthy();
          // The handbook's three ways to speed up are dated tasks in the first months.
          const speed = catalog.content.speedUps.options.map((o) => m.actions.find((a) => a.id === o.id));
          for (const s of speed) expect(s && s.month <= 2).toBe(true);
        }
      }
      // Fewer than 5 true: the first task asks other organizations how long they took.
      if (m.timeline.bandId === 'foundation-first') expect(m.actions[0]!.id).toBe('ask-other-organizations');
    });
  }
});

describe('a deadline the plan is fitted to', () => {
  it('without a target date nothing changes; with one that fits, only the deadline note is added', () => {
    const f = answersFile(catalog, { timelineTrue: 6, scored: 'no' });
    const without = model(f);
    const fits = model({ ...f, profile: { ...f.profile, targetDate: addMonths(f.profile.startDate, 14) } });
    const { deadline, ...rest } = fits;
    expect(rest).toEqual(without);
    expect(deadline).toMatchObject({ fits: true, planMonths: 12, atRisk: [] });
    expect(deadline!.statement).toMatch(/leaves room for the handbook's minimum of 12 months/);
  });

  it('a shorter deadline is stated with how much shorter, compressed, and what is at risk is marked', () => {
    const f = answersFile(catalog, { timelineTrue: 6, scored: 'no', profile: { startDate: '2027-01-04', targetDate: '2027-07-31', timelineFixed: true } });
    const m = model(f);
    expect(m.deadline).toMatchObject({ fits: false, handbookMonths: 12, planMonths: 7, shortBy: '5 months and 3 days' });
    expect(m.timeline.endDate).toBe('2027-07-31');
    expect(m.months.at(-1)).toMatchObject({ month: 7, label: 'Jul 4 – Jul 31, 2027' });
    const risky = m.actions.filter((a) => a.atRisk);
    // Timeline statements marked false (4 of 10 here) are the handbook's reasons for more time.
    expect(risky.length).toBeGreaterThan(0);
    for (const r of risky) expect(r.why.some((w) => w.itemId.startsWith('tl.'))).toBe(true);
    const text = planMarkdown(catalog, m);
    expect(text).toContain('## Your target date: July 31, 2027');
    expect(text).toMatch(/is 5 months and 3 days shorter than the handbook advises/);
    expect(text).toMatch(/\*\*At risk:\*\*/);
  });

  it('a target date on or before the start is a clear error naming the field', () => {
    const f = answersFile(catalog, { profile: { startDate: '2027-01-04', targetDate: '2027-01-04' } });
    expect(() => validateAnswers(f, forProgram(catalog), 'a.yaml')).toThrow(/a\.yaml: profile\.targetDate: 2027-01-04 is not after the plan's start/);
  });

  it('an answers file from 0.1.0 (no targetDate) still loads and plans as before', () => {
    const f = answersFile(catalog, { timelineTrue: 6 });
    expect('targetDate' in f.profile).toBe(false);
    expect(model(f).deadline).toBeUndefined();
  });
});

describe('merge keeps working with target dates', () => {
  it('the merged plan is fitted to the soonest target date any respondent gave', () => {
    const base = answersFile(catalog, { timelineTrue: 6, profile: { startDate: '2027-01-04' } });
    const r = (label: string, targetDate?: string) => ({
      label,
      file: `${label}.json`,
      assessment: validateAnswers({ ...base, profile: { ...base.profile, respondent: label, ...(targetDate ? { targetDate } : {}) } }, forProgram(catalog), `${label}.json`),
    });
    const merged = mergeRespondents(questionnairesFor(catalog, 'general'), [r('Director', '2027-11-30'), r('HR', '2027-09-30'), r('Supervisor')]);
    expect(merged.assessment.profile.targetDate).toBe('2027-09-30');
    const m = planModel(catalog, merged.assessment, '2026-11-23', { merged });
    expect(m.deadline).toMatchObject({ targetDate: '2027-09-30', fits: false });
    expect(m.timeline.endDate).toBe('2027-09-30');
    const none = mergeRespondents(questionnairesFor(catalog, 'general'), [r('Director'), r('HR')]);
    expect('targetDate' in none.assessment.profile).toBe(false);
  });
});

describe('one task per piece of work', () => {
  it('training supervisors appears once, its Why listing each gap and citing each source', () => {
    const f = answersFile(catalog, { timelineTrue: 0, scored: 'no' });
    const m = model(f);
    const train = m.actions.filter((a) => a.id === 'train-supervisors');
    expect(train).toHaveLength(1);
    expect(train[0]!.why.map((w) => w.itemId).sort()).toEqual(['s2.supervision.peer-values', 's2.supervision.training', 'tl.02', 'tl.09']);
    expect(train[0]!.sources.length).toBeGreaterThanOrEqual(1);
    expect(train[0]!.whyText).toMatch(/this one task answers 4 gaps/);
    expect(m.actions.filter((a) => /vision, mission/i.test(a.text))).toHaveLength(1);
    // Setting pay: the timeline quiz and the checklist ask about it; one task.
    expect(m.actions.filter((a) => a.id === 'set-pay')).toHaveLength(1);
    expect(m.actions.find((a) => a.id === 'set-pay')!.why.map((w) => w.itemId).sort()).toEqual(['cm.3.pay', 'tl.03']);
  });

  it('a Wisconsin CPS plan names the supervisor once, in the role pack\'s words, before any supervisor training', () => {
    const m = model(answersFile(catalog, { timelineTrue: 0, scored: 'no', profile: { programType: 'wi-cps' } }));
    const naming = m.actions.filter((a) => a.id === 'name-supervisor');
    expect(naming).toHaveLength(1);
    expect(naming[0]!.text).toMatch(/mental health professional for Medicaid programs/);
    const named = m.milestones.find((x) => x.id === 'supervisor-named')!;
    const train = m.actions.find((a) => a.id === 'train-supervisors')!;
    expect(train.month).toBeGreaterThanOrEqual(named.month);
    expect(naming[0]!.month).toBeLessThanOrEqual(named.month);
  });

  it('the all-staff announcement comes after leadership has decided', () => {
    const m = model(answersFile(catalog, { timelineTrue: 6, scored: 'no' }));
    const seq = m.months.flatMap((mo) => mo.items.map((it) => ('task' in it ? it.task.id : it.milestone.id)));
    expect(seq.indexOf('leadership-decision')).toBeLessThan(seq.indexOf('announce-plan'));
    expect(seq.indexOf('agree-recovery-values')).toBeLessThan(seq.indexOf('leadership-decision'));
  });
});

describe('the order data is checked when loaded', () => {
  const root = join(import.meta.dirname, '..');
  const files = () => readDataFiles(root);
  const edit = (fs: DataFile[], file: string, f: (data: any) => void) => {
    const d = fs.find((x) => x.file === file)!;
    d.data = structuredClone(d.data);
    f(d.data);
    return fs;
  };
  const work = (w: any, id: string) => w.work.find((x: any) => x.id === id);

  it('the shipped data passes', () => {
    expect(() => checkCatalog(files())).not.toThrow();
  });

  it('rejects a cycle, naming the file and the ids', () => {
    const fs = edit(files(), 'templates/work.yaml', (w) => {
      work(w, 'draft-job-description').after = ['essential-functions'];
    });
    expect(() => checkCatalog(fs)).toThrow(InputError);
    expect(() => checkCatalog(fs)).toThrow(/templates\/work\.yaml: .*cycle: .*draft-job-description.*essential-functions/);
  });

  it('rejects an unknown id, suggesting the nearest', () => {
    const fs = edit(files(), 'templates/work.yaml', (w) => {
      work(w, 'announce-plan').after = ['leadership-decison'];
    });
    expect(() => checkCatalog(fs)).toThrow(/work\.yaml: .*"leadership-decison" is neither a work id nor a milestone id \(did you mean "leadership-decision"\?\)/);
  });

  it('rejects work that declares no prerequisites and gives no reason', () => {
    const fs = edit(files(), 'templates/work.yaml', (w) => {
      delete work(w, 'purpose-statement').reason;
    });
    expect(() => checkCatalog(fs)).toThrow(/work\.yaml: work\[\d+\]\.reason: .*"purpose-statement" follows nothing/);
  });

  it('rejects a question pointing to work the catalogue lacks, suggesting the nearest', () => {
    const fs = edit(files(), 'questionnaires/stage1.yaml', (q) => {
      q.sections.flatMap((s: any) => s.items).find((i: any) => i.id === 's1.respect.inform-staff').work = ['announce-plans'];
    });
    expect(() => checkCatalog(fs)).toThrow(/stage1\.yaml: .*"announce-plans" is not in the work catalogue .*did you mean "announce-plan"/);
  });

  it('rejects a window that cannot be met: after a milestone but feeding an earlier one', () => {
    const fs = edit(files(), 'templates/work.yaml', (w) => {
      work(w, 'announce-plan').after = ['supervisor-trained'];
      work(w, 'announce-plan').feeds = 'supervisor-named';
    });
    expect(() => checkCatalog(fs)).toThrow(/the order has a cycle: .*announce-plan/);
  });

  it('a milestone that opens a phase holds for every task of it: a policy task before leadership decides is a cycle', () => {
    const fs = edit(files(), 'templates/milestones.yaml', (m) => {
      m.milestones.find((x: any) => x.id === 'leadership-decision').after.push('job-posted');
    });
    expect(() => checkCatalog(fs)).toThrow(/cycle: .*leadership-decision/);
  });

  it('rejects milestones dated out of their order', () => {
    const fs = edit(files(), 'templates/milestones.yaml', (m) => {
      m.milestones.find((x: any) => x.id === 'offer').at['one-year'] = 7.5;
    });
    expect(() => checkCatalog(fs)).toThrow(/milestones\.yaml: .*milestone "offer" must follow milestone "interviews", but in the one-year plan it is dated earlier/);
  });
});
