// Placing tasks in months (the first engine's month-level placer): each task goes in the
// earliest month of its phase after everything it follows and before every milestone that
// waits for it, keeping months under twice the average load. Pure.
import type { Phase } from '../questionnaire.js';

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
  // Every task and milestone by index: tasks 0..nt-1, then milestones (the graph is walked
  // in arrays, not maps keyed by strings; a plan builds it once per assessment).
  const nt = tasks.length;
  const n = nt + milestones.length;
  const keys: string[] = new Array(n);
  const index = new Map<string, number>();
  for (let i = 0; i < nt; i++) {
    keys[i] = tasks[i]!.key;
    if (!index.has(keys[i]!)) index.set(keys[i]!, i);
  }
  for (let j = 0; j < milestones.length; j++) {
    keys[nt + j] = milestones[j]!.id;
    if (!index.has(keys[nt + j]!)) index.set(keys[nt + j]!, nt + j);
  }
  const preds: number[][] = [];
  const succs: number[][] = [];
  for (let i = 0; i < n; i++) {
    preds.push([]);
    succs.push([]);
  }
  const edge = (a: number, b: number) => {
    preds[b]!.push(a);
    succs[a]!.push(b);
  };
  for (let i = 0; i < nt; i++) {
    const t = tasks[i]!;
    for (const a of t.after) {
      const x = index.get(a);
      if (x !== undefined && a !== t.key) edge(x, index.get(t.key)!);
    }
  }
  for (let j = 0; j < milestones.length; j++) {
    for (const a of milestones[j]!.after) {
      const x = index.get(a);
      if (x !== undefined) edge(x, index.get(milestones[j]!.id)!);
    }
  }
  // Milestones keep their date order.
  const byRank = milestones.map((m, j) => ({ m, j })).sort((a, b) => a.m.rank - b.m.rank);
  for (let i = 1; i < byRank.length; i++) edge(index.get(byRank[i - 1]!.m.id)!, index.get(byRank[i]!.m.id)!);

  // A task's own fields, by index (the first task or milestone of a key stands for it).
  const taskOf = (i: number): SchedTask | undefined => {
    const x = index.get(keys[i]!)!;
    return x < nt ? tasks[x] : undefined;
  };
  const msOf = (i: number): SchedMilestone | undefined => {
    const x = index.get(keys[i]!)!;
    return x < nt ? undefined : milestones[x - nt];
  };
  const rank: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = taskOf(i);
    rank[i] = t ? t.order : 1e6 + msOf(i)!.rank;
  }
  const order = kahn(n, preds, succs, rank);
  // Latest month for each task: before every milestone that waits for it, directly or not.
  const latest: number[] = new Array(n).fill(0);
  for (let o = order.length - 1; o >= 0; o--) {
    const k = order[o]!;
    const m = msOf(k);
    if (m) {
      latest[k] = m.month;
      continue;
    }
    let hi = months;
    for (const s of succs[k]!) hi = Math.min(hi, latest[s]!);
    latest[k] = hi;
  }

  const average = nt / months;
  const cap = Math.max(1, Math.ceil(average));
  const loadLimit = Math.max(2, Math.floor(2 * average));
  const load = new Array<number>(months + 2).fill(0);
  const monthOf: number[] = new Array(n).fill(0);
  const late = new Set<string>();
  const moved = new Map<string, { after?: string; before?: string; even?: boolean }>();
  for (let j = 0; j < milestones.length; j++) monthOf[nt + j] = milestones[j]!.month;
  for (const k of order) {
    const t = taskOf(k);
    if (!t) continue;
    const key = keys[k]!;
    let lo = 1;
    for (const p of preds[k]!) lo = Math.max(lo, monthOf[p]!);
    let hi = Math.max(lo, latest[k]!);
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
    if (dist(pick) > 0 && inPhase) moved.set(key, { even: true });
    else if (dist(pick) > 0) {
      // Say why: the milestone or task that holds it out of its phase.
      const bound =
        pick > pl
          ? preds[k]!.find((p) => monthOf[p] === lo)
          : succs[k]!.find((x) => {
              const m = msOf(x);
              return (m ? m.month : Infinity) === latest[k];
            });
      if (bound !== undefined) moved.set(key, pick > pl ? { after: keys[bound]! } : { before: keys[bound]! });
    }
    monthOf[k] = pick;
    load[pick]!++;
    if (pick > latest[k]!) late.add(key);
  }
  // The listing order: month by month, in dependency order within a month. (The order above
  // takes tasks before milestones whenever it can, so a month lists its milestones after the
  // tasks that do not follow them.) A stable sort by month keeps every edge in order, because
  // nothing is placed in an earlier month than what it follows.
  const month = new Map<string, number>();
  for (let j = 0; j < milestones.length; j++) month.set(keys[nt + j]!, monthOf[nt + j]!);
  for (const k of order) if (k < nt) month.set(keys[k]!, monthOf[k]!);
  const sequence = order.map((k, i) => ({ k, i, m: monthOf[k]! })).sort((x, y) => x.m - y.m || x.i - y.i).map((x) => keys[x.k]!);
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

/** Topological order of the nodes 0..n-1; among the ready nodes, the smallest rank first. */
function kahn(n: number, preds: readonly number[][], succs: readonly number[][], rank: readonly number[]): number[] {
  const indeg = new Array<number>(n);
  const ready: number[] = [];
  for (let k = 0; k < n; k++) {
    indeg[k] = preds[k]!.length;
    if (indeg[k] === 0) ready.push(k);
  }
  const out: number[] = [];
  while (ready.length) {
    let best = 0;
    for (let i = 1; i < ready.length; i++) if (rank[ready[i]!]! < rank[ready[best]!]!) best = i;
    const k = ready[best]!;
    ready[best] = ready[ready.length - 1]!;
    ready.pop();
    out.push(k);
    for (const s of succs[k]!) if (--indeg[s]! === 0) ready.push(s);
  }
  if (out.length !== n) throw new Error('internal: the task order has a cycle');
  return out;
}

