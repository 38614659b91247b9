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

/** `iso` plus `n` months; a day past the end of the target month is clamped to its last day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12; // 0-based
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${pad(ty, 4)}-${pad(tm + 1)}-${pad(Math.min(d, last))}`;
}

/** The day before `iso`. */
export function dayBefore(iso: string): string {
  const [y, m, d] = parts(iso);
  const dt = new Date(Date.UTC(y, m - 1, d - 1));
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** "March 2027" */
export function monthYear(iso: string): string {
  const [y, m] = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "3 March 2027" */
export function longDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
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
