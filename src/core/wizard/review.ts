// The review list: the profile fields, then every question, grouped by instrument and section;
// each row's status; the rows a filter keeps; and where "next open item" leads.
import { answerLabel, PROFILE_LABELS, PROFILE_ROWS, profileValue, type ProfileRow } from './choices.js';
import { instrumentsOf, itemsOf, type FlatItem, type WizardContext, type WizardState } from './model.js';

export type RowStatus = 'answered' | 'not-sure' | 'unanswered';

export interface ReviewRow {
  /** Index among all rows (the value of `reviewCursor`). */
  index: number;
  /** The group it is listed under: "Organization", or "instrument › section". */
  group: string;
  label: string;
  answer: string;
  status: RowStatus;
  note?: string;
  owner?: string;
  profile?: ProfileRow;
  flat?: FlatItem;
}

/** Review rows: the four profile fields, then every question. */
export const reviewRowCount = (ctx: WizardContext, s: Pick<WizardState, 'profile'>) => PROFILE_ROWS.length + itemsOf(ctx, s).length;

export function reviewRow(ctx: WizardContext, s: WizardState, i: number): ReviewRow {
  if (i < PROFILE_ROWS.length) {
    const r = PROFILE_ROWS[i]!;
    const answer = profileValue(ctx, s.profile, r);
    return { index: i, group: 'Organization', label: PROFILE_LABELS[r], answer, status: answer === '(not given)' ? 'unanswered' : 'answered', profile: r };
  }
  const flat = itemsOf(ctx, s)[i - PROFILE_ROWS.length]!;
  const { item, section, instrument } = flat;
  const value = s.values[item.id];
  return {
    index: i,
    group: `${instrumentsOf(ctx, s)[instrument]!.short} › ${section.title}`,
    label: item.text,
    answer: answerLabel(item, value),
    status: value === undefined ? 'unanswered' : value === 'not-sure' ? 'not-sure' : 'answered',
    note: s.notes[item.id],
    owner: s.owners[item.id],
    flat,
  };
}

const rowsCache = new WeakMap<WizardState, ReviewRow[]>();
export function reviewRows(ctx: WizardContext, s: WizardState): ReviewRow[] {
  let rows = rowsCache.get(s);
  if (!rows) rowsCache.set(s, (rows = Array.from({ length: reviewRowCount(ctx, s) }, (_, i) => reviewRow(ctx, s, i))));
  return rows;
}

/** Does a row match the filter? Every word must appear in its text, answer, group, id, note or owner. */
export function rowMatches(row: ReviewRow, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [row.label, row.answer, row.group, row.flat?.item.id ?? '', row.note ?? '', row.owner ?? ''].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** The rows shown: those matching the filter, in order. */
export function visibleRows(ctx: WizardContext, s: WizardState): ReviewRow[] {
  const rows = reviewRows(ctx, s);
  const f = s.reviewFilter.text;
  return f.trim() ? rows.filter((r) => rowMatches(r, f)) : rows;
}

export interface StatusCounts {
  answered: number;
  notSure: number;
  unanswered: number;
}

/** Counts by status over the questions (not the profile rows). */
export function statusCounts(rows: readonly ReviewRow[]): StatusCounts {
  const c: StatusCounts = { answered: 0, notSure: 0, unanswered: 0 };
  for (const r of rows) {
    if (!r.flat) continue;
    if (r.status === 'answered') c.answered++;
    else if (r.status === 'not-sure') c.notSure++;
    else c.unanswered++;
  }
  return c;
}

/** The next (or previous) shown row that is unanswered or "Not sure", wrapping around; undefined if none. */
export function nextOpen(ctx: WizardContext, s: WizardState, direction: 1 | -1): number | undefined {
  const rows = visibleRows(ctx, s);
  const open = rows.filter((r) => r.status !== 'answered');
  if (open.length === 0) return undefined;
  const after = direction === 1 ? open.find((r) => r.index > s.reviewCursor) : [...open].reverse().find((r) => r.index < s.reviewCursor);
  return (after ?? (direction === 1 ? open[0]! : open[open.length - 1]!)).index;
}

/** The shown row nearest the cursor (the cursor's own when it is shown). */
export function nearestShown(rows: readonly ReviewRow[], cursor: number): number | undefined {
  if (rows.length === 0) return undefined;
  return (rows.find((r) => r.index >= cursor) ?? rows[rows.length - 1]!).index;
}

