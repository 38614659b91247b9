// `--format csv`: the plan as a spreadsheet, one row per task and per milestone, in date order.
// RFC 4180 (CRLF line ends, fields quoted where needed, quotes doubled) by csv-stringify, with a
// byte-order mark so that Excel reads it as UTF-8. Loaded only when this format is chosen.
import { stringify } from 'csv-stringify/sync';
import type { PlanModel } from './plan.js';
import { planMilestones } from './plan-summary.js';

export const CSV_COLUMNS = ['Type', 'Month', 'Due date', 'Phase', 'Task', 'Why', 'Owner', 'Status', 'Source'] as const;

/**
 * A cell that starts with = + - @ (or a tab or carriage return) is a formula to a spreadsheet,
 * so text typed by a user (an owner, say) could run as one: such a cell gets a leading
 * apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
 */
export const cell = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function planCsv(model: PlanModel): string {
  const rows: { date: string; order: number; row: (string | number)[] }[] = [];
  for (const a of model.actions) {
    rows.push({
      date: a.due,
      order: 0,
      row: ['Task', a.month, a.due, a.phaseTitle, a.text, a.whyText, a.owner, a.atRisk ? `${a.statusLabel}; at risk: ${a.risk ?? ''}` : a.statusLabel, a.source],
    });
  }
  for (const m of planMilestones(model)) {
    rows.push({ date: m.date, order: 1, row: ['Milestone', m.month, m.date, m.phase, m.title, '', '', m.atRisk ? `At risk: ${m.risk ?? ''}` : '', m.source] });
  }
  // Stable: tasks keep the plan's order; a milestone comes after the tasks due the same day.
  rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.order - y.order));
  return stringify([[...CSV_COLUMNS], ...rows.map((r) => r.row.map(cell))], { record_delimiter: 'windows', bom: true });
}
