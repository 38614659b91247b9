// The cohort summary a batch writes beside the plans, for a technical-assistance center that
// plans its training from it: each agency's band and section scores, and the gaps most
// agencies share, ranked. In Markdown (to read) and CSV (to sort and chart).
import { stringify } from 'csv-stringify/sync';
import { escapeMarkdown } from './markdown-escape.js';
import { cell } from './plan-csv.js';
import type { PlanModel } from './plan.js';

/** What the summary keeps of one plan (a batch may hold a thousand). */
export interface CohortEntry {
  file: string;
  agency: string;
  program: string;
  band: string;
  overall: number;
  sections: { key: string; title: string; percent: number }[];
  gaps: { itemId: string; question: string }[];
}

export function cohortEntry(file: string, model: PlanModel): CohortEntry {
  const gaps = new Map<string, string>();
  for (const a of model.actions) if (!gaps.has(a.itemId)) gaps.set(a.itemId, a.question);
  return {
    file,
    agency: model.org.name,
    program: model.org.programLabel,
    band: model.timeline.label,
    overall: model.overall.percent,
    sections: model.sections.map((s) => ({ key: `${s.instrument}\u0000${s.title}`, title: `${s.instrument}: ${s.title}`, percent: s.tally.percent })),
    gaps: [...gaps].map(([itemId, question]) => ({ itemId, question })),
  };
}

export interface Cohort {
  agencies: CohortEntry[];
  /** Every section any agency was scored on, in the order first met. */
  sections: { key: string; title: string; label: string; scored: number; average: number }[];
  /** Gaps by how many agencies share them, most first (ties: the order first met). */
  gaps: { itemId: string; question: string; agencies: number; share: number }[];
  bands: { band: string; agencies: number }[];
}

export function buildCohort(entries: readonly CohortEntry[]): Cohort {
  const sections = new Map<string, { title: string; sum: number; n: number }>();
  const gaps = new Map<string, { question: string; n: number; first: number }>();
  const bands = new Map<string, number>();
  for (const e of entries) {
    bands.set(e.band, (bands.get(e.band) ?? 0) + 1);
    for (const s of e.sections) {
      const x = sections.get(s.key) ?? { title: s.title, sum: 0, n: 0 };
      x.sum += s.percent;
      x.n += 1;
      sections.set(s.key, x);
    }
    for (const g of e.gaps) {
      const x = gaps.get(g.itemId) ?? { question: g.question, n: 0, first: gaps.size };
      x.n += 1;
      gaps.set(g.itemId, x);
    }
  }
  const n = entries.length;
  return {
    agencies: [...entries],
    sections: [...sections].map(([key, s], i) => ({ key, title: s.title, label: `S${i + 1}`, scored: s.n, average: Math.round(s.sum / s.n) })),
    gaps: [...gaps]
      .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
      .map(([itemId, g]) => ({ itemId, question: g.question, agencies: g.n, share: Math.round((g.n / n) * 100) })),
    bands: [...bands].map(([band, agencies]) => ({ band, agencies })),
  };
}

/** How many shared gaps the Markdown lists (the CSV has them all). */
export const COHORT_TOP_GAPS = 20;

const md = escapeMarkdown;

export function cohortMarkdown(c: Cohort, dateLabel: string): string {
  const n = c.agencies.length;
  const out: string[] = [
    '# Cohort summary',
    '',
    `${n} ${n === 1 ? 'agency' : 'agencies'}, summarized on ${dateLabel}. Each agency's plan is in this folder. The same`,
    'figures are in cohort-summary-agencies.csv and cohort-summary-gaps.csv.',
    '',
    '## Timeline bands',
    '',
    '| Band | Agencies |',
    '| ------------------------------------ | --------: |',
    ...c.bands.map((b) => `| ${md(b.band)} | ${b.agencies} |`),
    '',
    '## Gaps most agencies share',
    '',
  ];
  if (c.gaps.length === 0) out.push('No agency has a gap.', '');
  else {
    out.push(
      'A gap is a readiness item an agency has not fully met, which its plan turns into tasks. Ranked by',
      'the number of agencies that share it.',
      '',
      '| Rank | Gap | Item | Agencies | Share |',
      '| ---: | -------------------------------------------------------- | ---------------- | -------: | ----: |',
      ...c.gaps.slice(0, COHORT_TOP_GAPS).map((g, i) => `| ${i + 1} | ${md(g.question)} | ${md(g.itemId)} | ${g.agencies} of ${n} | ${g.share}% |`),
      '',
    );
    if (c.gaps.length > COHORT_TOP_GAPS) out.push(`The ${c.gaps.length - COHORT_TOP_GAPS} other gaps are in cohort-summary-gaps.csv.`, '');
  }
  out.push(
    '## Section scores',
    '',
    'Each section is scored as the share of its items met (partly met counts half).',
    '',
    '| Key | Section | Agencies scored | Average |',
    '| ---: | -------------------------------------------------------- | -------: | ------: |',
    ...c.sections.map((s) => `| ${s.label} | ${md(s.title)} | ${s.scored} | ${s.average}% |`),
    '',
    '## Agencies',
    '',
    'Each agency\'s overall score and its score on each section above (– where the section does not apply).',
    '',
    `| Agency | Band | Overall | ${c.sections.map((s) => s.label).join(' | ')} |`,
    `| ------------------------ | ---------------- | ------: | ${c.sections.map(() => '---:').join(' | ')} |`,
    ...c.agencies.map((a) => {
      const by = new Map(a.sections.map((s) => [s.key, s.percent]));
      return `| ${md(a.agency)} | ${md(a.band)} | ${a.overall}% | ${c.sections.map((s) => (by.has(s.key) ? `${by.get(s.key)}%` : '–')).join(' | ')} |`;
    }),
    '',
  );
  return out.join('\n');
}

export function cohortAgenciesCsv(c: Cohort): string {
  const header = ['Agency', 'File', 'Program', 'Band', 'Overall %', ...c.sections.map((s) => `${s.title} %`), 'Gaps'];
  const rows = c.agencies.map((a) => {
    const by = new Map(a.sections.map((s) => [s.key, s.percent]));
    return [a.agency, a.file, a.program, a.band, a.overall, ...c.sections.map((s) => by.get(s.key) ?? ''), a.gaps.length];
  });
  return stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: 'windows', bom: true });
}

export function cohortGapsCsv(c: Cohort): string {
  const header = ['Rank', 'Item', 'Gap', 'Agencies', 'Share %'];
  const rows = c.gaps.map((g, i) => [i + 1, g.itemId, g.question, g.agencies, g.share]);
  return stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: 'windows', bom: true });
}
