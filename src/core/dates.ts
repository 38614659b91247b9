// Calendar arithmetic on YYYY-MM-DD strings, in UTC so results never depend on the machine's zone.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A UTC date from year, 0-based month and day, overflow rolled into the next month or year.
 * Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as given.
 */
function utc(y: number, m0: number, d: number): Date {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m0, d);
  return dt;
}

const toIso = (dt: Date) => `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;

/**
 * The dates peer-ready plans with: a plan's start, its date and an assessment's date. A plan
 * runs up to two years past its start, so every date in it stays a four-digit year; and a
 * date far outside this range is a typing mistake rather than a plan.
 */
export const DATE_RANGE = { first: '2000-01-01', last: '2099-12-31' } as const;

/** Days in a month (1-based), in the proleptic Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  return utc(y, m, 0).getUTCDate();
}

/** Why `s` is not a date peer-ready accepts, or undefined when it is one. */
export function dateProblem(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'use a date written YYYY-MM-DD';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `not a real date: there is no month ${m[2]}`;
  const days = daysInMonth(y, mo);
  if (d < 1 || d > days) return `not a real date: ${MONTHS[mo - 1]} ${m[1]} has ${days} days`;
  if (s < DATE_RANGE.first || s > DATE_RANGE.last) return `is outside the dates a plan can use (${DATE_RANGE.first} to ${DATE_RANGE.last})`;
  return undefined;
}

/** Why `s` is not accepted, said of it: '"2027-02-30" is not a real date: February 2027 has 28 days'; undefined when it is fine. */
export function dateMessage(s: string): string | undefined {
  const problem = dateProblem(s);
  if (!problem) return undefined;
  return `"${s}" ${problem.startsWith('use ') ? `is not a date: ${problem}` : problem.replace(/^not/, 'is not')}`;
}

/** A real calendar date written YYYY-MM-DD (any year 0000-9999), whether or not in DATE_RANGE. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** `iso` plus `n` months; a day past the end of the target month is clamped to its last day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12; // 0-based
  const last = daysInMonth(ty, tm + 1);
  return `${pad(ty, 4)}-${pad(tm + 1)}-${pad(Math.min(d, last))}`;
}

/** The day before `iso`. */
export function dayBefore(iso: string): string {
  const [y, m, d] = parts(iso);
  return toIso(utc(y, m - 1, d - 1));
}

// Every human-facing date is written US style, from the fixed English month names above (no
// Intl/ICU on the scripted path): "March 1, 2027", "March 2027", "Jan 31 – Feb 27, 2027".
// Dates in data (answers, JSON, CSV, ICS) stay YYYY-MM-DD.

/** "Mar" for 3: the month's first three letters. */
export const monthAbbr = (m: number): string => MONTHS[m - 1]!.slice(0, 3);

/** "March 2027" */
export function monthYear(iso: string): string {
  const [y, m] = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "March 3, 2027" */
export function longDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "Mar 3" */
export function shortDate(iso: string): string {
  const [, m, d] = parts(iso);
  return `${monthAbbr(m)} ${d}`;
}

/**
 * The days from `a` to `b` (inclusive), short: "Jan 31 – Feb 27, 2027", with both years when
 * the range crosses a year end: "Dec 31, 2027 – Jan 27, 2028".
 */
export function rangeLabel(a: string, b: string): string {
  const ya = a.slice(0, 4);
  const yb = b.slice(0, 4);
  return ya === yb ? `${shortDate(a)} – ${shortDate(b)}, ${yb}` : `${shortDate(a)}, ${ya} – ${shortDate(b)}, ${yb}`;
}

/** The days from `a` to `b` (inclusive), long: "March 1, 2027 – May 31, 2027". */
export function longRange(a: string, b: string): string {
  return `${longDate(a)} – ${longDate(b)}`;
}

/** Whole months from `a` to `b` (b later), counting a month only once its day is reached. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = parts(a);
  const [by, bm] = parts(b);
  let n = (by - ay) * 12 + (bm - am);
  // Clamp like addMonths does, so Jan 31 -> Feb 28 counts as one month.
  while (n > 0 && addMonths(a, n) > b) n -= 1;
  while (n < 0 && addMonths(b, -n) > a) n += 1;
  return n;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
