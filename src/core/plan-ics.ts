// `--format ics`: the plan in the calendar. Each milestone is an all-day event, and each month
// with tasks gets an all-day reminder on its first day that lists them, with an alarm that
// morning. RFC 5545: CRLF line ends, TEXT values escaped, lines folded at 75 octets (never inside
// a UTF-8 character). The same plan gives the same file byte for byte: every UID comes from the
// organization, the start date and the event, and DTSTAMP is the plan's own date.
// Loaded only when this format is chosen.
import type { PlanModel } from './plan.js';
import { planMilestones } from './plan-summary.js';

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n');
}

/** Fold a content line into lines of at most 75 octets; each continuation starts with a space. */
export function foldLine(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back off to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (end < bytes.length && end > start && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(new TextDecoder().decode(bytes.subarray(start, end)));
    start = end;
    limit = 74; // the leading space takes one octet
  }
  return parts.join('\r\n ');
}

/** 16 hex digits from two FNV-1a hashes of the text: stable, and different for each organization. */
function fnv(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const byte of new TextEncoder().encode(text)) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b ^ byte, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const day = (iso: string) => iso.replaceAll('-', '');
const nextDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

export function planIcs(model: PlanModel): string {
  const key = fnv(`${model.org.name}\n${model.org.startDate}`);
  const stamp = `${day(model.date)}T000000Z`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//peer-ready//Peer support readiness plan//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`Readiness plan: ${model.org.name}`)}`,
  ];
  const event = (uid: string, date: string, summary: string, description: string, alarm?: string) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}-${key}@peer-ready`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(date)}`,
      `DTEND;VALUE=DATE:${day(nextDay(date))}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:TRANSPARENT',
    );
    if (alarm) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:PT9H', `DESCRIPTION:${icsText(alarm)}`, 'END:VALARM');
    lines.push('END:VEVENT');
  };

  planMilestones(model).forEach((m, i) => {
    event(
      `milestone-${i + 1}-${day(m.date)}`,
      m.date,
      `Milestone: ${m.title}`,
      [`${model.org.name}: peer support readiness plan, month ${m.month}${m.phase ? ` (${m.phase})` : ''}.`, m.atRisk ? `At risk: ${m.risk ?? ''}.` : '', m.source ? `Source: ${m.source}.` : '']
        .filter(Boolean)
        .join('\n'),
    );
  });

  // One reminder per month that has tasks, in month order.
  const byMonth = new Map<number, PlanModel['actions']>();
  for (const a of model.actions) byMonth.set(a.month, [...(byMonth.get(a.month) ?? []), a]);
  for (const [month, acts] of [...byMonth].sort((x, y) => x[0] - y[0])) {
    const first = acts[0]!;
    const count = `${acts.length} task${acts.length === 1 ? '' : 's'}`;
    const summary = `Readiness plan, month ${month} (${first.monthLabel}): ${count}`;
    const description = [
      `${model.org.name}: the tasks that start in month ${month} of the peer support readiness plan.`,
      '',
      ...acts.map((a) => `- ${a.text} Owner: ${a.owner || 'to be named'}. Source: ${a.source}.`),
    ].join('\n');
    event(`month-${month}-${day(first.start)}`, first.start, summary, description, summary);
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
