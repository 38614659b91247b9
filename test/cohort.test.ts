// Batch mode's cohort summary: each agency's band and section scores, and the shared gaps,
// ranked, in Markdown and CSV beside the plans.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { lint } from 'markdownlint/sync';
import { parse as parseJsonc } from 'jsonc-parser';
import { runBatch, runCompare } from '../src/commands/consultant.js';
import { planModel } from '../src/core/plan-document.js';
import { readAnswersFile } from '../src/io/answers-file.js';
import { loadCatalog } from '../src/io/load.js';
import { answersFile, forProgram, tempDir } from './helpers.js';

const catalog = await loadCatalog();
const DATE = '2026-11-23';
const ANSWERS = ['examples/answers.json', 'examples/answers-fixed-deadline.yaml', ...readdirSync('examples/roles').filter((f) => f.endsWith('.yaml')).map((f) => `examples/roles/${f}`)];
const config = parseJsonc(readFileSync('.markdownlint.jsonc', 'utf8')) as Record<string, unknown>;

async function batch() {
  const dir = tempDir();
  const out = tempDir();
  for (const f of ANSWERS) copyFileSync(f, join(dir, f.split('/').at(-1)!));
  const rows = await runBatch(dir, out, { date: DATE, force: false, format: 'md' });
  return { dir, out, rows };
}

describe('cohort summary', () => {
  it('writes Markdown and CSV beside the plans: bands, section scores, and gaps ranked by how many agencies share them', async () => {
    const { out, rows } = await batch();
    expect(rows.every((r) => !r.error)).toBe(true);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['cohort-summary.md', 'cohort-summary-agencies.csv', 'cohort-summary-gaps.csv']));

    // What the plans say, worked out here from the models.
    const models = await Promise.all(ANSWERS.map(async (f) => planModel(catalog, await readAnswersFile(f, forProgram(catalog)), DATE)));
    const counts = new Map<string, number>();
    for (const m of models) for (const id of new Set(m.actions.map((a) => a.itemId))) counts.set(id, (counts.get(id) ?? 0) + 1);

    const agencies = parse(readFileSync(join(out, 'cohort-summary-agencies.csv')), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(agencies.map((a) => a.Agency).sort()).toEqual(models.map((m) => m.org.name).sort());
    for (const m of models) {
      const row = agencies.find((a) => a.Agency === m.org.name)!;
      expect(row.Band).toBe(m.timeline.label);
      expect(row['Overall %']).toBe(String(m.overall.percent));
      for (const s of m.sections) expect(row[`${s.instrument}: ${s.title} %`]).toBe(String(s.tally.percent));
      expect(ANSWERS.some((f) => f.endsWith(`/${row.File}`))).toBe(true);
      expect(row.Gaps).toBe(String(new Set(m.actions.map((a) => a.itemId)).size));
    }

    const gaps = parse(readFileSync(join(out, 'cohort-summary-gaps.csv')), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(gaps).toHaveLength(counts.size);
    for (const g of gaps) expect(Number(g.Agencies)).toBe(counts.get(g.Item!));
    const shared = gaps.map((g) => Number(g.Agencies));
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
    expect(gaps.map((g) => Number(g.Rank))).toEqual(gaps.map((_, i) => i + 1));

    const md = readFileSync(join(out, 'cohort-summary.md'), 'utf8');
    expect(md).toMatch(/^# Cohort summary\n/);
    expect(md).toContain(`| 1 | ${gaps[0]!.Gap} | ${gaps[0]!.Item} | ${gaps[0]!.Agencies} of ${models.length} |`);
    for (const m of models) expect(md).toContain(`| ${m.org.name} | ${m.timeline.label} | ${m.overall.percent}% |`);
    expect(lint({ strings: { cohort: md }, config }).cohort).toEqual([]);
  });

  it('never writes over a plan: an answers file named like the summary gets another plan name', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, 'cohort-summary.json'), JSON.stringify(answersFile(catalog)));
    const rows = await runBatch(dir, out, { date: DATE, force: false, format: 'md' });
    expect(rows[0]!.out).toBe(join(out, 'cohort-summary.json.md'));
    expect(readFileSync(join(out, 'cohort-summary.json.md'), 'utf8')).toMatch(/^# Peer support readiness plan/);
    expect(readFileSync(join(out, 'cohort-summary.md'), 'utf8')).toMatch(/^# Cohort summary/);
  });

  it('compare refuses the plan-only exports', async () => {
    await expect(runCompare(['examples/answers.json', 'examples/answers.json'], { force: false, format: 'csv' })).rejects.toThrow(/compare writes md, html or json/);
  });
});
