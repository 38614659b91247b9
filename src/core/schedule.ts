// The plan as a project plan: hiring milestones (data: templates/milestones.yaml) and the
// load-time check of the order data across the work catalogue (templates/work.yaml), the
// milestones and the questions that point to work. The scheduler itself is src/core/plan/scheduler.ts.
import * as z from 'zod';
import { InputError, nearest } from './errors.js';
import { BAND_IDS, type BandId, type PlanContent } from './plan-content.js';
import type { Work } from './plan/work.js';
import { CitationSchema, PhaseSchema, workLink, type Questionnaire } from './questionnaire.js';

const Id = z.string().regex(/^[a-z0-9]+(?:[.#-][a-z0-9]+)*$/, 'ids are lower-case words joined by dots or hyphens');

/** Months after the plan's start, per band; 2.5 is the middle of month 3. */
const Position = z.number().positive();

export const MilestoneSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  cite: CitationSchema,
  /** The earliest date, per band: the handbook's pacing. The work before it may push it later. */
  at: z.strictObject({ 'six-months': Position, 'one-year': Position, 'foundation-first': Position }),
  /** Milestones it follows. */
  after: z.array(Id).default([]),
  /** Weeks it needs after the milestones it follows (a posting period, a background check …). */
  lead: z.number().min(0).max(52).default(0),
  /** Phases none of whose tasks may start before this milestone. */
  opens: z.array(PhaseSchema).default([]),
  /** Questions whose "met" shows the milestone already reached (with no open work leading to it). */
  doneWhen: z.array(Id).default([]),
  /** Questions answerable only once peer staff work at the agency: an answer shows it reached. */
  doneIfAnswered: z.array(Id).default([]),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const MilestonesSchema = z.strictObject({
  /** The scheduling rule, stated in every plan. */
  rule: z.string().min(1),
  /** Said of dates peer-ready chose where the sources give an order but no date. */
  dates: z.string().min(1),
  /** What a compressed plan marks as at risk, stated when it applies. */
  risk: z.string().min(1),
  milestones: z.array(MilestoneSchema).min(1),
});
export type Milestones = z.infer<typeof MilestonesSchema>;

/** The key of the task the handbook's motivation self-check adds when it flags. */
export const REFLECTION_TASK = 'evaluate-further';

interface Node {
  key: string;
  file: string;
  where: string;
  after: Set<string>;
  milestone?: Milestone;
}

/**
 * The load-time check of the order data: every `after` and `feeds` names work or a milestone,
 * every question points to work that exists, no cycle (counting the phases a milestone opens),
 * and milestones that follow each other are dated in that order in every band. Throws
 * InputError naming the file and the ids.
 */
export function checkSchedule(
  files: readonly { file: string; questionnaire: Pick<Questionnaire, 'sections'>; where: string }[],
  work: readonly { file: string; where: string; work: Work }[],
  milestones: Milestones,
  milestonesFile: string,
  content: PlanContent,
  /** Tasks the plan adds itself (the band's first task, the speed-ups, the reflection check). */
  extra: readonly { key: string; file: string; where: string }[] = [],
): void {
  const nodes = new Map<string, Node>();
  for (const e of extra) nodes.set(e.key, { key: e.key, file: e.file, where: e.where, after: new Set() });
  milestones.milestones.forEach((m, i) => {
    if (nodes.has(m.id)) throw new InputError(milestonesFile, `milestones[${i}].id`, `milestone id "${m.id}" is used twice`);
    nodes.set(m.id, { key: m.id, file: milestonesFile, where: `milestones[${i}]`, after: new Set(m.after), milestone: m });
    for (const b of BAND_IDS) {
      if (m.at[b] > content.bands[b].months)
        throw new InputError(milestonesFile, `milestones[${i}].at.${b}`, `${m.at[b]} is after the end of the ${content.bands[b].months}-month plan`);
    }
  });
  const msIds = new Set(milestones.milestones.map((m) => m.id));
  for (const { file, where, work: w } of work) {
    const prev = nodes.get(w.id);
    if (prev?.milestone) throw new InputError(file, `${where}.id`, `"${w.id}" is a milestone's id in ${milestonesFile}`);
    if (prev && !extra.some((e) => e.key === w.id)) throw new InputError(file, `${where}.id`, `work id "${w.id}" is used twice (also in ${prev.file})`);
    const node: Node = { key: w.id, file, where, after: new Set(w.after) };
    for (const m of milestones.milestones) if (m.opens.includes(w.phase)) node.after.add(m.id);
    nodes.set(w.id, node);
  }
  const keys = [...nodes.keys()];
  const workKeys = work.map((w) => w.work.id);
  // `feeds` names a milestone: that milestone comes after the work.
  for (const { file, where, work: w } of work) {
    if (!w.feeds) continue;
    if (!msIds.has(w.feeds)) {
      const near = nearest(w.feeds, [...msIds]);
      throw new InputError(file, `${where}.feeds`, `"${w.feeds}" is not a milestone id${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    nodes.get(w.feeds)!.after.add(w.id);
  }
  for (const n of nodes.values()) {
    for (const x of n.after) {
      if (!nodes.has(x)) {
        const near = nearest(x, keys);
        throw new InputError(n.file, `${n.where}.after`, `"${x}" is neither a work id nor a milestone id${near ? ` (did you mean "${near}"?)` : ''}`);
      }
      if (x === n.key) throw new InputError(n.file, `${n.where}.after`, `"${x}" cannot come after itself`);
    }
  }
  for (const f of files) {
    f.questionnaire.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (item.type === 'text') return;
        item.work.forEach((r, ri) => {
          const id = workLink(r).id;
          if (!workKeys.includes(id)) {
            const near = nearest(id, workKeys);
            throw new InputError(f.file, `${f.where}[${si}].items[${ii}].work[${ri}]`, `"${id}" is not in the work catalogue (templates/work.yaml)${near ? ` (did you mean "${near}"?)` : ''}`);
          }
        });
      }),
    );
  }
  // Cycles.
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (k: string) => {
    if (state.get(k) === 2) return;
    if (state.get(k) === 1) {
      const cycle = [...stack.slice(stack.indexOf(k)), k];
      const n = nodes.get(k)!;
      throw new InputError(n.file, `${n.where}.after`, `the order has a cycle: ${cycle.join(' → ')} (files: ${[...new Set(cycle.map((c) => nodes.get(c)!.file))].join(', ')})`);
    }
    state.set(k, 1);
    stack.push(k);
    for (const x of nodes.get(k)!.after) visit(x);
    stack.pop();
    state.set(k, 2);
  };
  for (const k of keys) visit(k);
  // Milestones that follow each other are dated in that order in every band.
  for (const b of BAND_IDS) {
    milestones.milestones.forEach((m, i) => {
      for (const x of m.after) {
        const p = milestones.milestones.find((y) => y.id === x)!;
        if (p.at[b] > m.at[b])
          throw new InputError(milestonesFile, `milestones[${i}].after`, `milestone "${m.id}" must follow milestone "${x}", but in the ${b} plan it is dated earlier (at ${m.at[b]})`);
      }
    });
  }
}

export type { BandId };
