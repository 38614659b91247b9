// Everything the wizard needs from outside itself: the questionnaires, the saved progress, and
// the two effects that touch the disk (saving progress, writing the plan and answers file).
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { toAnswersFile, validateAnswers } from '../core/answers.js';
import type { SavedAssessment } from '../core/wizard-state.js';
import { formatPlan, programTypes, questionnairesFor, type Catalog, type Format } from '../core/plan-document.js';
import { proposedStartDate, initialState, toAssessment, toRecord, type WizardContext, type WizardEvent, type WizardState } from '../core/wizard-state.js';
import { checkDate, defaultOut, slug } from '../core/options.js';
import { today } from '../core/dates.js';
import { loadCatalog } from './load.js';
import { InputError } from '../core/errors.js';
import { localStamp } from '../core/local-time.js';
import { terminalText } from '../core/terminal-text.js';
import { checkWritable, writeAtomic } from './output.js';
import { invocation } from './invocation.js';
import { plansDir } from './plans-dir.js';
import { openStore, type AssessmentStore } from './store.js';
import type { RunInfo, WizardDeps, WriteEffect } from '../core/wizard-deps.js';

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

/**
 * A saved record as the wizard shows it. The store file is outside text: a name, a note or a typed
 * answer in it could hold escape sequences, which would reach the terminal raw through Ink. They
 * are shown escaped (see core/terminal-text.ts); ordinary text is unchanged.
 */
export function forTerminal(r: SavedAssessment): SavedAssessment {
  const clean = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, terminalText(v, { multiline: true })]));
  return {
    ...r,
    profile: r.profile.name === undefined ? r.profile : { ...r.profile, name: terminalText(r.profile.name) },
    values: clean(r.values),
    notes: clean(r.notes),
  };
}

export function makeContext(catalog: Catalog, store: AssessmentStore, opts: WizardOptions, date: string): WizardContext {
  const out = opts.out && opts.out !== '-' ? opts.out : undefined;
  return {
    questionnaires: (programType) => questionnairesFor(catalog, programType),
    programs: programTypes(catalog),
    saved: store.list().map(forTerminal),
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
    const real = (f: string) => {
      try {
        return realpathSync(f);
      } catch {
        return resolve(f);
      }
    };
    if (real(fx.plan) === real(fx.answers)) return { type: 'write-failed', message: 'The plan and the answers file have the same name; give them different names.' };
    const existing = [fx.plan, fx.answers].filter((f) => lstatSync(f, { throwIfNoEntry: false }));
    // A folder, a block device or a socket is refused here, before anything is written.
    for (const f of existing) checkWritable(f, true);
    if (existing.length > 0 && !fx.replace) return { type: 'write-conflict', files: existing };
    writeAtomic(fx.answers, answersText, true);
    try {
      writeAtomic(fx.plan, planText, true);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { type: 'write-failed', message: `The answers file ${terminalText(fx.answers)} was written, but the plan was not: ${why}` };
    }
    return { type: 'write-done', plan: fx.plan, answers: fx.answers };
  } catch (e) {
    return { type: 'write-failed', message: `Could not save: ${e instanceof InputError ? e.message : terminalText(e instanceof Error ? e.message : String(e))}` };
  }
}

/** How saving progress has gone in this run: what the wizard may claim when it stops. */
export interface SaveLog {
  /** Why the latest save failed; cleared by the next save that works. */
  problem?: string;
  /** The latest save that worked. */
  last?: { at: string; answered: number; id: string };
  /** Set when another wizard was saving the same organization, so this one saved a copy. */
  copy?: string;
}

export function persistTo(store: AssessmentStore, ctx: WizardContext, log: SaveLog = {}): (state: WizardState) => string | undefined {
  return (state) => {
    const record = toRecord(ctx, state);
    if (!record) return undefined;
    try {
      const saved = store.put(record);
      delete log.problem;
      log.last = { at: saved.updatedAt, answered: Object.keys(saved.values).length, id: saved.id };
      if (saved.id !== record.id && log.copy !== saved.id) {
        log.copy = saved.id;
        return `Another peer-ready wizard is saving ${terminalText(record.profile.name ?? record.id)} too. So that neither loses answers, this wizard now saves its answers as a separate copy, "${saved.id}".`;
      }
      return undefined;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      log.problem = terminalText(why);
      return `Could not save progress (${log.problem}); your answers are kept on screen.`;
    }
  };
}

/** The last words when the wizard stops: never claims a save that did not happen. */
export function quitText(log: SaveLog, state: WizardState): string {
  if (!state.id) return 'Stopped. Nothing was saved (no organization had been named yet).';
  const name = state.profile.name ?? state.id;
  if (log.problem) {
    const kept = log.last
      ? `What is kept is the progress saved at ${localStamp(log.last.at)} (${log.last.answered} answer${log.last.answered === 1 ? '' : 's'}); run peer-ready again to continue from there.`
      : 'Nothing for this organization was saved in this session.';
    return `Your latest answers for ${name} could NOT be saved (${log.problem}). ${kept}`;
  }
  if (log.copy) return `Your answers for ${name} are saved, as a separate copy ("${log.copy}") because another wizard was saving the same organization. Run peer-ready again to continue where you left off.`;
  return `Your answers for ${name} are saved. Run peer-ready again to continue where you left off.`;
}

export interface Session {
  run: RunInfo;
  deps: Omit<WizardDeps, 'exit'>;
  /** The saved progress file. */
  storeFile: string;
  /**
   * What the next start with the same options opens on, from the saved progress as this run
   * leaves it (for the early frame, src/io/early-frame.ts). Reads nothing from disk.
   */
  nextStart(): Omit<WizardDeps, 'exit'>;
}

/** Load the questionnaires and saved progress. Throws UsageError/InputError for bad options. */
export async function openSession(opts: WizardOptions): Promise<Session> {
  const date = checkDate(opts.date ?? today());
  const catalog = await loadCatalog(opts.templates);
  const { store, warning } = await openStore();
  const ctx = makeContext(catalog, store, opts, date);
  const run: RunInfo = { catalog, date, format: opts.format, command: invocation(process.argv, process.env, process.cwd()), ...(opts.templates ? { templates: opts.templates } : {}) };
  const initial = initialState(ctx, opts.fresh);
  const log: SaveLog = {};
  const deps = {
    ctx,
    persist: persistTo(store, ctx, log),
    quitText: (state: WizardState) => quitText(log, state),
    write: (state: WizardState, fx: WriteEffect) => writeOutputs(run, ctx, state, fx),
  };
  return {
    run,
    storeFile: store.path,
    nextStart: () => {
      const next = makeContext(catalog, store, opts, date);
      return { ...deps, ctx: next, initial: initialState(next, opts.fresh) };
    },
    deps: { ...deps, initial: warning ? { ...initial, message: `Warning: ${terminalText(warning)}` } : initial },
  };
}
