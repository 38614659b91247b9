// Consultant workflows on the scripted path: several respondents in one plan, progress between
// two assessments, and a folder of agencies at once. None of this loads Ink or React.
import { readdirSync, realpathSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { ProgramType } from '../core/answers.js';
import { compareAssessments } from '../core/compare.js';
import { today } from '../core/dates.js';
import { InputError, UsageError } from '../core/errors.js';
import { planModel, questionnairesFor, renderModel, tidy, type Format } from '../core/plan-document.js';
import { mergeRespondents, type Respondent } from '../core/merge.js';
import { render } from '../core/render.js';
import { readAnswersFile } from '../io/answers-file.js';
import { loadCatalog, type Catalog } from '../io/load.js';
import { checkWritable, writeAtomic } from '../io/output.js';
import { statIfExists } from '../io/stat-path.js';
import { displayWidth, padDisplay, terminalText } from '../core/terminal-text.js';
import { checkDate, defaultOut } from './plan.js';

interface Common {
  out?: string;
  date?: string;
  force: boolean;
  format: Format;
  templates?: string;
}

const forProgram = (catalog: Catalog) => (pt: ProgramType) => questionnairesFor(catalog, pt);

/** `peer-ready merge a.json b.json …`: one plan from several respondents. */
export async function runMerge(files: string[], opts: Common): Promise<string> {
  if (files.length < 2) throw new UsageError('merge needs at least two answers files (one per respondent)');
  if (opts.date !== undefined) checkDate(opts.date);
  if (opts.out) checkWritable(opts.out, opts.force, files);
  const catalog = await loadCatalog(opts.templates);
  const respondents: Respondent[] = [];
  for (const file of files) {
    const first = respondents[0] && { file: respondents[0].file, programType: respondents[0].assessment.profile.programType };
    const assessment = await readAnswersFile(file, forProgram(catalog), { allowMissing: true, ...(first ? { sameProgramAs: first } : {}) });
    respondents.push({ file, assessment, label: assessment.profile.respondent ?? basename(file, extname(file)) });
  }
  const merged = mergeRespondents(questionnairesFor(catalog, respondents[0]!.assessment.profile.programType), respondents);
  const date = opts.date ?? merged.assessment.assessedOn ?? today();
  const model = planModel(catalog, merged.assessment, date, { merged });
  const text = await renderModel(catalog, model, opts.format);
  const out = opts.out ?? defaultOut(model.org.name, opts.format);
  writeAtomic(out, text, opts.force, { inputs: files });
  return out;
}

/** `peer-ready compare before.json after.json`: a progress report. */
export async function runCompare(files: string[], opts: Common): Promise<string> {
  if (files.length !== 2) throw new UsageError('compare takes exactly two answers files: the earlier one, then the later one');
  if (opts.format === 'csv' || opts.format === 'ics') throw new UsageError(`compare writes md, html or json (--format ${opts.format} is for plans)`);
  if (opts.out) checkWritable(opts.out, opts.force, files);
  const catalog = await loadCatalog(opts.templates);
  const [b, a] = files as [string, string];
  const before = await readAnswersFile(b, forProgram(catalog));
  const after = await readAnswersFile(a, forProgram(catalog));
  if (before.profile.programType !== after.profile.programType) {
    throw new InputError(a, 'profile.programType', `is "${after.profile.programType}", but the earlier assessment is "${before.profile.programType}"`);
  }
  const model = compareAssessments(questionnairesFor(catalog, after.profile.programType), catalog.content, { file: b, a: before }, { file: a, a: after }, catalog.work);
  let text: string;
  if (opts.format === 'json') text = JSON.stringify(model, null, 2) + '\n';
  else {
    const md = tidy(render(catalog.templates, 'compare.md', model));
    text = opts.format === 'html' ? (await import('../core/html-page.js')).markdownToHtml(md, `Progress report: ${model.org.name}`) : md;
  }
  const out = opts.out ?? defaultOut(model.org.name, opts.format).replace('peer-ready-plan-', 'peer-ready-progress-');
  writeAtomic(out, text, opts.force, { inputs: files });
  return out;
}

export interface BatchRow {
  file: string;
  agency?: string;
  band?: string;
  gaps?: number;
  out?: string;
  error?: string;
}

function sameFolder(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

const ANSWER_FILE = /\.(json|ya?ml)$/i;

/** `peer-ready --answers DIR --out-dir PLANS`: a plan per answers file; one bad file does not stop the rest. */
export async function runBatch(dir: string, outDir: string, opts: Common): Promise<BatchRow[]> {
  if (opts.date !== undefined) checkDate(opts.date);
  let outStat;
  try {
    outStat = statIfExists(outDir);
  } catch {
    outStat = { isDirectory: () => false }; // a path through a file (ENOTDIR)
  }
  if (outStat && !outStat.isDirectory()) throw new UsageError(`--out-dir: ${terminalText(outDir)} is not a folder (it, or a part of its path, is a file)`);
  if (sameFolder(dir, outDir)) {
    throw new UsageError(`--out-dir is the folder of answers files (${terminalText(dir)}); plans must not be written among the inputs. Choose another folder`);
  }
  const catalog = await loadCatalog(opts.templates);
  const names = readdirSync(dir)
    .filter((n) => ANSWER_FILE.test(n) && !n.startsWith('.'))
    .sort();
  if (names.length === 0) throw new InputError(dir, '', 'has no answers files (*.json, *.yaml, *.yml)');
  const rows: BatchRow[] = [];
  const { CohortWriter, COHORT_FILES } = await import('./cohort.js');
  const cohort = new CohortWriter();
  // The cohort summary's names are taken first, so no plan is written over by it.
  const taken = new Set<string>(COHORT_FILES);
  for (const name of names) {
    const file = join(dir, name);
    try {
      const a = await readAnswersFile(file, forProgram(catalog));
      const date = opts.date ?? a.assessedOn ?? today();
      let outName = `${basename(name, extname(name))}.${opts.format}`;
      if (taken.has(outName)) outName = `${name}.${opts.format}`;
      taken.add(outName);
      const out = join(outDir, outName);
      const model = planModel(catalog, a, date);
      const text = await renderModel(catalog, model, opts.format);
      writeAtomic(out, text, opts.force, { inputs: [file], flushNew: false });
      cohort.add(name, model);
      const gaps = new Set(model.actions.map((x) => x.itemId)).size;
      rows.push({ file, agency: model.org.name, band: model.timeline.label, gaps, out });
    } catch (e) {
      if (e instanceof InputError || e instanceof UsageError) rows.push({ file, error: e.message });
      // A bug stops the batch; the report must not claim that nothing was written.
      else throw Object.assign(e instanceof Error ? e : new Error(String(e)), { written: rows.flatMap((r) => (r.out ? [r.out] : [])) });
    }
  }
  const written = cohort.write(outDir, opts.force, opts.date);
  if (written.length) process.stderr.write(`peer-ready: wrote the cohort summary: ${written.join(', ')}\n`);
  return rows;
}

export function batchSummary(rows: readonly BatchRow[]): string {
  // Names come from the answers files: shown escaped, never raw, and aligned by terminal columns.
  const ok = rows.filter((r) => !r.error).map((r) => ({ agency: terminalText(r.agency), band: terminalText(r.band), gaps: r.gaps, out: terminalText(r.out) }));
  const w = {
    agency: Math.max(6, ...ok.map((r) => displayWidth(r.agency))),
    band: Math.max(4, ...ok.map((r) => displayWidth(r.band))),
  };
  const lines = [`${padDisplay('Agency', w.agency)}  ${padDisplay('Band', w.band)}  Gaps  Plan`];
  for (const r of ok) lines.push(`${padDisplay(r.agency, w.agency)}  ${padDisplay(r.band, w.band)}  ${String(r.gaps).padStart(4)}  ${r.out}`);
  const failed = rows.length - ok.length;
  lines.push('', `${ok.length} plan${ok.length === 1 ? '' : 's'} written${failed ? `, ${failed} file${failed === 1 ? '' : 's'} failed (see above)` : ''}.`);
  return lines.join('\n') + '\n';
}
