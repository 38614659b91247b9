// The plan as a project plan: hiring milestones (data: templates/milestones.yaml), the order
// tasks must follow (each action may name, with `after`, the actions or milestones it comes
// after), and the scheduler that places every task in a month. Pure; checked when loaded.
import * as z from 'zod';
import { InputError, nearest } from './errors.js';
import { BAND_IDS, type BandId, type PlanContent } from './plan-content.js';
import { CitationSchema, PhaseSchema, type Phase, type Questionnaire } from './questionnaire.js';

const Id = z.string().regex(/^[a-z0-9]+(?:[.#-][a-z0-9]+)*$/, 'ids are lower-case words joined by dots or hyphens');

/** Months after the plan's start, per band; 2.5 is the middle of month 3. */
const Position = z.number().positive();

export const MilestoneSchema = z.strictObject({
  id: Id,
  title: z.string().min(1),
  cite: CitationSchema,
  at: z.strictObject({ 'six-months': Position, 'one-year': Position, 'foundation-first': Position }),
  /** Actions (ids) that must be done by this milestone, and milestones it follows. */
  after: z.array(Id).default([]),
  /** Phases none of whose tasks may start before this milestone. */
  opens: z.array(PhaseSchema).default([]),
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

/** The key of an action: its own `id`, or its question's id and place ("s1.buy-in.board#1"). */
export const actionKey = (itemId: string, index: number, id?: string) => id ?? `${itemId}#${index + 1}`;

interface Node {
  key: string;
  file: string;
  where: string;
  after: Set<string>;
  milestone?: Milestone;
}

/**
 * The load-time check of the order data: every `after` names an action or a milestone, no
 * cycle, milestones that follow each other are dated in that order in every band, and no
 * action must come after one milestone but before an earlier one. Throws InputError naming the
 * file and the ids.
 */
export function checkSchedule(
  files: readonly { file: string; questionnaire: Pick<Questionnaire, 'sections'>; where: string }[],
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
  for (const f of files) {
    f.questionnaire.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (item.type === 'text') return;
        item.actions.forEach((a, ai) => {
          const key = actionKey(item.id, ai, a.id);
          const where = `${f.where}[${si}].items[${ii}].actions[${ai}]`;
          let node = nodes.get(key);
          if (node?.milestone) throw new InputError(f.file, `${where}.id`, `"${key}" is a milestone's id in ${milestonesFile}`);
          if (!node) nodes.set(key, (node = { key, file: f.file, where, after: new Set() }));
          for (const x of a.after ?? []) node.after.add(x);
          for (const m of milestones.milestones) if (m.opens.includes(item.phase)) node.after.add(m.id);
        });
      }),
    );
  }
  const keys = [...nodes.keys()];
  for (const n of nodes.values()) {
    for (const x of n.after) {
      if (!nodes.has(x)) {
        const near = nearest(x, keys);
        throw new InputError(n.file, `${n.where}.after`, `"${x}" is neither an action id nor a milestone id${near ? ` (did you mean "${near}"?)` : ''}`);
      }
      if (x === n.key) throw new InputError(n.file, `${n.where}.after`, `"${x}" cannot come after itself`);
    }
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
  // Windows, band by band: an action placed after milestone A and before milestone B needs A dated before B.
  const order = topo(nodes);
  for (const b of BAND_IDS) {
    const ms = milestones.milestones.map((m, i) => ({ m, i })).sort((x, y) => x.m.at[b] - y.m.at[b] || x.i - y.i);
    const rank = new Map(ms.map((x, r) => [x.m.id, r]));
    const lo = new Map<string, { r: number; by?: string }>();
    for (const k of order) {
      const n = nodes.get(k)!;
      if (n.milestone) {
        const here = rank.get(k)!;
        for (const x of n.after) {
          const p = lo.get(x)!;
          if (p.r >= here) {
            const what = nodes.get(x)!.milestone ? `milestone "${x}"` : `"${x}" (which comes after milestone "${p.by}")`;
            throw new InputError(milestonesFile, `${n.where}.after`, `milestone "${k}" must follow ${what}, but in the ${b} plan it is dated earlier (at ${n.milestone.at[b]})`);
          }
        }
        lo.set(k, { r: here, by: k });
      } else {
        let best = { r: -1 } as { r: number; by?: string };
        for (const x of n.after) if (lo.get(x)!.r > best.r) best = lo.get(x)!;
        lo.set(k, best);
      }
    }
  }
}

function topo(nodes: Map<string, Node>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const x of nodes.get(k)!.after) visit(x);
    out.push(k);
  };
  for (const k of nodes.keys()) visit(k);
  return out;
}

// ---- Placing tasks in months ----

export interface SchedTask {
  key: string;
  phase: Phase;
  /** Keys of tasks or milestones this one follows; ones not in the plan are ignored. */
  after: readonly string[];
  /** Months this task must fall in, when pinned (the first task, the speed-ups). */
  pin?: readonly [number, number];
  /** Tie-break: catalog order (pinned tasks use negative numbers to come first). */
  order: number;
}

export interface SchedMilestone {
  id: string;
  month: number;
  /** Position in date order. */
  rank: number;
  after: readonly string[];
}

export interface Placement {
  month: Map<string, number>;
  /** Every task and milestone key, in the order the plan lists them (month by month). */
  sequence: string[];
  /** No month holds more tasks than this: twice the average, rounded down (and at least 2). */
  loadLimit: number;
  average: number;
  /** Tasks that could not be placed before a milestone waiting for them (only when months are too few). */
  late: Set<string>;
  /** Tasks the order keeps out of their phase's months, with the milestone or task responsible. */
  moved: Map<string, { after?: string; before?: string; even?: boolean }>;
}

/**
 * The scheduling rule: take tasks in dependency order; each goes in the earliest month of its
 * phase that is after everything it follows, before every milestone that waits for it, and not
 * yet at the average load. If every such month is full, the nearest month outside the phase
 * that the order allows and that is not full; failing that, the least-loaded month under the
 * limit of twice the average.
 */
export function placeTasks(
  tasks: readonly SchedTask[],
  milestones: readonly SchedMilestone[],
  months: number,
  phaseMonths: Record<Phase, readonly [number, number]>,
): Placement {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const ms = new Map(milestones.map((m) => [m.id, m]));
  const present = (k: string) => byKey.has(k) || ms.has(k);
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  const all = [...tasks.map((t) => t.key), ...milestones.map((m) => m.id)];
  for (const k of all) {
    preds.set(k, []);
    succs.set(k, []);
  }
  const edge = (a: string, b: string) => {
    preds.get(b)!.push(a);
    succs.get(a)!.push(b);
  };
  for (const t of tasks) for (const a of t.after) if (present(a) && a !== t.key) edge(a, t.key);
  for (const m of milestones) for (const a of m.after) if (present(a)) edge(a, m.id);
  // Milestones keep their date order.
  const byRank = [...milestones].sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < byRank.length; i++) edge(byRank[i - 1]!.id, byRank[i]!.id);

  const order = kahn(all, preds, succs, (k) => {
    const t = byKey.get(k);
    return t ? [0, t.order] : [1, ms.get(k)!.rank];
  });
  // Latest month for each task: before every milestone that waits for it, directly or not.
  const latest = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const k = order[i]!;
    const m = ms.get(k);
    if (m) {
      latest.set(k, m.month);
      continue;
    }
    let hi = months;
    for (const s of succs.get(k)!) hi = Math.min(hi, latest.get(s)!);
    latest.set(k, hi);
  }

  const average = tasks.length / months;
  const cap = Math.max(1, Math.ceil(average));
  const loadLimit = Math.max(2, Math.floor(2 * average));
  const load = new Array<number>(months + 2).fill(0);
  const month = new Map<string, number>();
  const late = new Set<string>();
  const moved = new Map<string, { after?: string; before?: string; even?: boolean }>();
  for (const m of milestones) month.set(m.id, m.month);
  for (const k of order) {
    const t = byKey.get(k);
    if (!t) continue;
    let lo = 1;
    for (const p of preds.get(k)!) lo = Math.max(lo, month.get(p)!);
    let hi = Math.max(lo, latest.get(k)!);
    if (t.pin) {
      lo = Math.max(lo, t.pin[0]);
      hi = Math.max(lo, Math.min(hi, t.pin[1]));
    }
    const [pf, pl] = phaseMonths[t.phase];
    const dist = (m: number) => (m < pf ? pf - m : m > pl ? m - pl : 0);
    const a = Math.max(lo, pf);
    const b = Math.min(hi, pl);
    const inPhase = a <= b;
    // Months of the phase first (earliest first); then the months nearest to the phase.
    let pick = inPhase ? firstUnder(load, a, b, cap) : undefined;
    pick ??= nearestUnder(load, lo, hi, dist, cap);
    if (pick === undefined && inPhase) pick = leastUnder(load, a, b, loadLimit);
    pick ??= nearestUnder(load, lo, hi, dist, loadLimit) ?? leastUnder(load, lo, hi, Infinity)!;
    if (dist(pick) > 0 && inPhase) moved.set(k, { even: true });
    else if (dist(pick) > 0) {
      // Say why: the milestone or task that holds it out of its phase.
      const bound = pick > pl ? preds.get(k)!.find((p) => month.get(p) === lo) : succs.get(k)!.find((x) => (ms.has(x) ? ms.get(x)!.month : Infinity) === latest.get(k));
      if (bound) moved.set(k, pick > pl ? { after: bound } : { before: bound });
    }
    month.set(k, pick);
    load[pick]!++;
    if (pick > latest.get(k)!) late.add(k);
  }
  // The listing order: month by month, in dependency order within a month. (The order above
  // takes tasks before milestones whenever it can, so a month lists its milestones after the
  // tasks that do not follow them.) A stable sort by month keeps every edge in order, because
  // nothing is placed in an earlier month than what it follows.
  const sequence = order.map((k, i) => ({ k, i, m: month.get(k)! })).sort((x, y) => x.m - y.m || x.i - y.i).map((x) => x.k);
  return { month, sequence, loadLimit, average, late, moved };
}

function firstUnder(load: number[], a: number, b: number, cap: number): number | undefined {
  for (let m = a; m <= b; m++) if (load[m]! < cap) return m;
  return undefined;
}

function leastUnder(load: number[], a: number, b: number, limit: number): number | undefined {
  let best: number | undefined;
  for (let m = a; m <= b; m++) if (load[m]! < limit && (best === undefined || load[m]! < load[best]!)) best = m;
  return best;
}

/** The month in [a, b] nearest its phase (the earlier on a tie) whose load is under `limit`. */
function nearestUnder(load: number[], a: number, b: number, dist: (m: number) => number, limit: number): number | undefined {
  let best: number | undefined;
  for (let m = a; m <= b; m++) if (load[m]! < limit && (best === undefined || dist(m) < dist(best))) best = m;
  return best;
}

/** Topological order; among the ready nodes, the smallest priority first. */
function kahn(keys: readonly string[], preds: Map<string, string[]>, succs: Map<string, string[]>, prio: (k: string) => [number, number]): string[] {
  const inSet = new Set(keys);
  const rank = new Map<string, number>();
  for (const k of keys) {
    const [a, b] = prio(k);
    rank.set(k, a * 1e6 + b);
  }
  const indeg = new Map<string, number>();
  for (const k of keys) {
    let n = 0;
    for (const p of preds.get(k)!) if (inSet.has(p)) n++;
    indeg.set(k, n);
  }
  const ready = keys.filter((k) => indeg.get(k) === 0);
  const out: string[] = [];
  while (ready.length) {
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (rank.get(ready[i]!)! < rank.get(ready[best]!)!) best = i;
    const k = ready[best]!;
    ready[best] = ready[ready.length - 1]!;
    ready.pop();
    out.push(k);
    for (const s of succs.get(k)!) {
      if (!inSet.has(s)) continue;
      const d = indeg.get(s)! - 1;
      indeg.set(s, d);
      if (d === 0) ready.push(s);
    }
  }
  if (out.length !== keys.length) throw new Error('internal: the task order has a cycle');
  return out;
}

export type { BandId };
