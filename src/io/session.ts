// Everything the wizard needs from outside itself: the questionnaires, the saved progress, and
// the two effects that touch the disk (saving progress, writing the plan and answers file).
import { existsSync, statSync } from 'node:fs';
import { toAnswersFile, validateAnswers } from '../core/answers.js';
import { formatPlan, questionnairesFor, type Catalog, type Format } from '../core/format.js';
import { dirname, join } from 'node:path';
import { proposedStartDate, initialState, toAssessment, toRecord, type WizardContext, type WizardEvent, type WizardState } from '../core/wizard-state.js';
import { checkDate, defaultOut, slug } from '../commands/plan.js';
import { today } from '../core/dates.js';
import { loadCatalog } from './load.js';
import { writeAtomic } from './output.js';
import { invocation } from './invocation.js';
import { plansDir } from './plans-dir.js';
import { openStore, type AssessmentStore } from './store.js';
import type { RunInfo } from '../ui/screens/types.js';
import type { WizardDeps, WriteEffect } from '../ui/use-wizard.js';

export interface WizardOptions {
  fresh: boolean;
  out?: string;
  date?: string;
  format: Format;
  templates?: string;
  force: boolean;
  /** --screen-reader: Ink's screen-reader mode (also on when INK_SCREEN_READER=true). */
  screenReader?: boolean;
}

export function answersPathFor(name: string): string {
  return `peer-ready-answers-${slug(name)}.json`;
}

export function makeContext(catalog: Catalog, store: AssessmentStore, opts: WizardOptions, date: string): WizardContext {
  const out = opts.out && opts.out !== '-' ? opts.out : undefined;
  return {
    questionnaires: (programType) => questionnairesFor(catalog, programType),
    saved: store.list(),
    defaultStartDate: proposedStartDate(date),
    force: opts.force,
    slug,
    // Without --out, both files go to the documented plans folder (src/io/plans-dir.ts).
    defaultPaths: (name) => ({ plan: out ?? join(plansDir(), defaultOut(name, opts.format)), answers: join(out ? dirname(out) : plansDir(), answersPathFor(name)) }),
  };
}

/**
 * Write the answers file and the plan. The plan is made from the answers file as scripted mode
 * will read it back (`peer-ready --answers FILE --date D`), so the two always agree byte for byte.
 */
export async function writeOutputs(run: RunInfo, ctx: WizardContext, state: WizardState, fx: WriteEffect): Promise<WizardEvent> {
  try {
    const answered = toAssessment(ctx, state);
    if (!answered) return { type: 'write-failed', message: 'Some questions are still unanswered.' };
    // assessedOn is the plan's date, so `--answers FILE` alone (no --date) makes the same plan too.
    const assessment = { ...answered, assessedOn: run.date };
    const forProgram = (programType: Parameters<typeof questionnairesFor>[1]) => questionnairesFor(run.catalog, programType);
    const answersText = JSON.stringify(toAnswersFile(assessment, forProgram(assessment.profile.programType)), null, 2) + '\n';
    const readBack = validateAnswers(JSON.parse(answersText), forProgram, fx.answers);
    const planText = await formatPlan(run.catalog, readBack, run.date, run.format);
    const existing = [fx.plan, fx.answers].filter((f) => existsSync(f));
    const dir = existing.find((f) => statSync(f).isDirectory());
    if (dir) return { type: 'write-failed', message: `${dir} is a folder; give a file name.` };
    if (existing.length > 0 && !fx.replace) return { type: 'write-conflict', files: existing };
    writeAtomic(fx.answers, answersText, true);
    writeAtomic(fx.plan, planText, true);
    return { type: 'write-done', plan: fx.plan, answers: fx.answers };
  } catch (e) {
    return { type: 'write-failed', message: `Could not save: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function persistTo(store: AssessmentStore, ctx: WizardContext): (state: WizardState) => string | undefined {
  return (state) => {
    const record = toRecord(ctx, state);
    if (!record) return undefined;
    try {
      store.put(record);
      return undefined;
    } catch (e) {
      return `Could not save progress (${e instanceof Error ? e.message : String(e)}); your answers are kept on screen.`;
    }
  };
}

export interface Session {
  run: RunInfo;
  deps: Omit<WizardDeps, 'exit'>;
}

/** Load the questionnaires and saved progress. Throws UsageError/InputError for bad options. */
export async function openSession(opts: WizardOptions): Promise<Session> {
  const date = checkDate(opts.date ?? today());
  const catalog = await loadCatalog(opts.templates);
  const { store, warning } = await openStore();
  const ctx = makeContext(catalog, store, opts, date);
  const run: RunInfo = { catalog, date, format: opts.format, command: invocation(process.argv, process.env, process.cwd()), ...(opts.templates ? { templates: opts.templates } : {}) };
  const initial = initialState(ctx, opts.fresh);
  return {
    run,
    deps: {
      ctx,
      initial: warning ? { ...initial, message: `Warning: ${warning}` } : initial,
      persist: persistTo(store, ctx),
      write: (state, fx) => writeOutputs(run, ctx, state, fx),
    },
  };
}
