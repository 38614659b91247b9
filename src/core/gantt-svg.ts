// The schedule as an inline SVG chart, drawn from the Mermaid gantt source the plan carries, so
// the HTML plan shows (and prints) the chart with no script and no network. It reads the part
// of Mermaid's gantt syntax that plans use: title, sections, and tasks given as
// "label :[tags,] [id,] start, end | duration | after id", where a tag "milestone" makes a
// diamond. Anything else is skipped; with no task it can read, it returns undefined.

import { monthAbbr } from './dates.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const DAY = 86_400_000;

interface Task {
  section: string;
  label: string;
  start: number;
  end: number;
  milestone: boolean;
}

const isoTime = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN);

function parse(src: string): { title?: string; tasks: Task[] } {
  let title: string | undefined;
  let section = '';
  const tasks: Task[] = [];
  const byId = new Map<string, Task>();
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('%%')) continue;
    const kw = /^(title|section)\s+(.*)$/.exec(line);
    if (kw) {
      if (kw[1] === 'title') title = kw[2]!;
      else section = kw[2]!;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const label = line.slice(0, colon).trim();
    const parts = line
      .slice(colon + 1)
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const tags = new Set<string>();
    while (parts.length && /^(done|active|crit|milestone)$/.test(parts[0]!)) tags.add(parts.shift()!);
    let id: string | undefined;
    if (parts.length === 3 || (parts.length === 2 && !/^\d{4}-|^after /.test(parts[0]!))) id = parts.shift();
    if (parts.length < 1) continue;
    let start = isoTime(parts[0]!);
    const after = /^after\s+(.+)$/.exec(parts[0]!);
    if (after) start = Math.max(...after[1]!.split(/\s+/).map((x) => byId.get(x)?.end ?? NaN));
    const endSpec = parts[1] ?? '1d';
    let end = isoTime(endSpec);
    const dur = /^(\d+(?:\.\d+)?)([dwm])$/.exec(endSpec);
    if (Number.isNaN(end) && dur) end = start + Number(dur[1]) * (dur[2] === 'd' ? 1 : dur[2] === 'w' ? 7 : 30) * DAY;
    else if (!Number.isNaN(end)) end += DAY; // Mermaid's end date is inclusive
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    const task = { section, label, start, end: Math.max(end, start), milestone: tags.has('milestone') };
    tasks.push(task);
    if (id) byId.set(id, task);
  }
  return { title, tasks };
}

/** The SVG for a gantt chart's Mermaid source, or undefined if it has no task to draw. */
export function ganttSvg(src: string): string | undefined {
  const { title, tasks } = parse(src);
  if (tasks.length === 0) return undefined;
  const from = Math.min(...tasks.map((t) => t.start));
  const to = Math.max(...tasks.map((t) => t.end));
  // Whole months, from the first of the first month to the first of the month after the last.
  const d0 = new Date(from);
  const d1 = new Date(to);
  const first = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), 1);
  const last = Date.UTC(d1.getUTCFullYear(), d1.getUTCMonth() + (d1.getUTCDate() > 1 ? 1 : 0), 1);
  const W = 800;
  const labelW = 310;
  const rowH = 26;
  const top = 34;
  const chartW = W - labelW - 10;
  const H = top + tasks.length * rowH + 8;
  const x = (t: number) => labelW + ((t - first) / (last - first)) * chartW;
  const out: string[] = [];
  const label = title ? esc(title) : 'Schedule';
  out.push(
    `<svg class="gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
  );
  // Month grid: a line at each month's start, its name in the axis above.
  const months: number[] = [];
  for (let y = new Date(first).getUTCFullYear(), m = new Date(first).getUTCMonth(); Date.UTC(y, m, 1) <= last; m++) months.push(Date.UTC(y, m, 1));
  const step = months.length > 14 ? 3 : months.length > 8 ? 2 : 1;
  months.forEach((t, i) => {
    const mx = x(t).toFixed(1);
    out.push(`<line class="grid" x1="${mx}" y1="${top - 6}" x2="${mx}" y2="${H - 4}"/>`);
    if (i < months.length - 1 && i % step === 0 && x(t) + 50 <= W) {
      const d = new Date(t);
      out.push(`<text class="axis" x="${(x(t) + 3).toFixed(1)}" y="${top - 12}">${monthAbbr(d.getUTCMonth() + 1)} ${d.getUTCFullYear()}</text>`);
    }
  });
  tasks.forEach((t, i) => {
    const y = top + i * rowH;
    out.push(`<text class="label" x="${labelW - 8}" y="${y + rowH / 2 + 4}">${esc(t.label)}</text>`);
    if (t.milestone) {
      const cx = x(t.start);
      const cy = y + rowH / 2;
      out.push(`<path class="milestone" d="M${cx.toFixed(1)} ${cy - 8}l8 8l-8 8l-8 -8z"/>`);
    } else {
      const x0 = x(t.start);
      const w = Math.max(2, x(t.end) - x0);
      out.push(`<rect class="bar bar${i % 4}" x="${x0.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" rx="2"/>`);
    }
  });
  out.push('</svg>');
  return out.join('\n');
}
