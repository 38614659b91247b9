// The plan's calendar for a band, a start date and a target date: its months, the phases'
// dates and the milestones' floors (the handbook's pacing), remembered per catalogue.
import { addMonths, dayBefore, longDate, rangeLabel } from '../dates.js';
import type { BandId, PlanContent } from '../plan-content.js';
import { formatCitation, type Phase } from '../questionnaire.js';
import type { Milestones } from '../schedule.js';

const DAY = 86_400_000;
const toMs = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);
export const addDays = (iso: string, n: number) => fromMs(toMs(iso) + n * DAY);

export interface Calendar {
  bandEnd: string;
  compressed: boolean;
  end: string;
  monthStarts: string[];
  months: number;
  monthEnds: string[];
  labels: string[];
  phaseMonths: Record<Phase, [number, number]>;
  msDates: { m: Milestones['milestones'][number]; i: number; date: string; dateLabel: string; month: number; source: string }[];
  /** A milestone may open phases: none of their tasks starts before it (leadership decides first). */
  opens: Map<Phase, string[]>;
}

const calendars = new WeakMap<PlanContent, WeakMap<object, Map<string, Calendar>>>();
const NO_MILESTONES = {};

/** The plan's calendar for a band, a start date and a target date (remembered per catalog; read-only). */
export function calendar(content: PlanContent, ms: Milestones | undefined, bandId: BandId, bandMonths: number, start: string, target: string | undefined): Calendar {
  let byMs = calendars.get(content);
  if (!byMs) calendars.set(content, (byMs = new WeakMap()));
  let byKey = byMs.get(ms ?? NO_MILESTONES);
  if (!byKey) byMs.set(ms ?? NO_MILESTONES, (byKey = new Map()));
  const key = `${bandId}|${bandMonths}|${start}|${target ?? ''}`;
  let cal = byKey.get(key);
  if (cal) return cal;
  // The first day of each month of the band's plan, and of the month after it, worked out once.
  const bandStarts = Array.from({ length: bandMonths + 1 }, (_, i) => addMonths(start, i));
  const bandEnd = dayBefore(bandStarts[bandMonths]!);
  const compressed = target !== undefined && target < bandEnd;
  const end = compressed ? target : bandEnd;
  const monthStarts = bandStarts.filter((s) => s <= end);
  const months = monthStarts.length;
  const monthEnds = monthStarts.map((_, i) => (i + 1 < months ? dayBefore(monthStarts[i + 1]!) : end));
  const monthStart = (m: number) => monthStarts[m - 1]!;
  const monthEnd = (m: number) => monthEnds[m - 1]!;
  const monthOf = (iso: string) => {
    let m = 1;
    while (m < months && monthStarts[m]! <= iso) m++;
    return m;
  };
  const labels = monthStarts.map((_, i) => rangeLabel(monthStart(i + 1), monthEnd(i + 1)));
  // A date of the band's plan, moved in proportion when the plan is compressed.
  const ratio = (daysBetween(start, end) + 1) / (daysBetween(start, bandEnd) + 1);
  const fit = (iso: string) => (compressed ? addDays(start, Math.min(daysBetween(start, end), Math.max(0, Math.round((daysBetween(start, iso) + 1) * ratio) - 1))) : iso);
  /** The date `p` months into the band's plan (2.5: the middle of month 3), fitted. */
  const position = (p: number) => {
    const k = Math.floor(p);
    const f = p - k;
    const base = bandStarts[k]!;
    const d = f === 0 ? dayBefore(base) : addDays(base, Math.round(f * daysBetween(base, bandStarts[k + 1]!)) - 1);
    return fit(d);
  };

  const phaseMonths = {} as Record<Phase, [number, number]>;
  for (const p of content.phases) {
    const [f, l] = p.months[bandId];
    if (!compressed) {
      phaseMonths[p.id] = [Math.min(f, months), Math.min(l, months)];
      continue;
    }
    const first = monthOf(fit(bandStarts[f - 1]!));
    phaseMonths[p.id] = [first, Math.max(first, monthOf(fit(dayBefore(bandStarts[l]!))))];
  }
  const msData = ms?.milestones ?? [];
  const msDates = msData
    .map((m, i) => ({ m, i, date: position(Math.min(m.at[bandId], bandMonths)) }))
    .sort((x, y) => x.m.at[bandId] - y.m.at[bandId] || x.i - y.i)
    .map((x) => ({ ...x, dateLabel: longDate(x.date), month: monthOf(x.date), source: formatCitation(x.m.cite) }));
  const opens = new Map<Phase, string[]>();
  for (const m of msData) for (const ph of m.opens) opens.set(ph, [...(opens.get(ph) ?? []), m.id]);
  cal = {
    bandEnd,
    compressed,
    end,
    monthStarts,
    months,
    monthEnds,
    labels,
    phaseMonths,
    msDates,
    opens,
  };
  if (byKey.size < 1000) byKey.set(key, cal);
  return cal;
}

