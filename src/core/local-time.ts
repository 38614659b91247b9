// Times shown to the person at the keyboard, in their own time zone (the wizard's resume list
// and --list). Plans never use these: their dates are calendar dates (core/dates.ts).

/** An ISO time as local "YYYY-MM-DD HH:MM". */
export function localStamp(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
