// Saved wizard progress, one record per organization, in conf's per-user config file
// (or in $PEER_READY_STORE_DIR). Every answer is written as it is given; conf writes
// atomically (temporary file, then rename), so a killed wizard loses at most the current question.
//
// What is read back is checked with zod. A file that is not JSON, or not our shape, is moved
// aside (config.json.corrupt-<time>) with a one-line warning and the wizard starts afresh;
// records that do not check out are dropped the same way, the original file kept.
//
// A store that cannot be used at all (its folder cannot be created, config.json is a folder, a
// corrupt file cannot be moved aside) is an InputError with a message: exit 2, never a stack trace.
//
// Two wizards on one organization: each save first reads the record back from the file. If it is
// not what this wizard last saw (another wizard saved it meanwhile), nothing is overwritten: this
// wizard's answers go to a copy under a new id, and the wizard says so. No answers are lost.
//
// conf (and the JSON-schema validator it brings) is loaded only when the store is opened, after
// the wizard's first frame is on screen.
import type Conf from 'conf';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { displayWidth, padDisplay, terminalText } from '../core/terminal-text.js';
import { localStamp } from '../core/local-time.js';
import type { AssessmentRecord, SavedAssessment } from '../core/wizard-state.js';
import { errnoReason } from './errno.js';

export const STORE_DIR_ENV = 'PEER_READY_STORE_DIR';

interface StoreData {
  version: 1;
  assessments: Record<string, SavedAssessment>;
}

export interface OpenedStore {
  store: AssessmentStore;
  /** One line to show the user, when something in the store could not be read. */
  warning?: string;
}

/** JSON with sorted keys: the same record reads the same whatever order its fields were written in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

export class AssessmentStore {
  readonly #conf: Conf<StoreData>;
  readonly #records: Map<string, SavedAssessment>;
  /** Records this store had to save under another id, because another wizard was saving them too. */
  readonly #movedTo = new Map<string, string>();

  constructor(conf: Conf<StoreData>, records: SavedAssessment[]) {
    this.#conf = conf;
    this.#records = new Map(records.map((r) => [r.id, r]));
  }

  get path(): string {
    return this.#conf.path;
  }

  /** Most recently updated first. */
  list(): SavedAssessment[] {
    return [...this.#records.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): SavedAssessment | undefined {
    return this.#records.get(id);
  }

  /**
   * Save one assessment now (synchronously). Only this record is written; others in the file are
   * kept. If another wizard has saved the same record since this one last did, it is left as it
   * is and this record is saved under a new id: the result's id says where it went.
   */
  put(record: AssessmentRecord, now: Date = new Date()): SavedAssessment {
    let id = this.#movedTo.get(record.id) ?? record.id;
    // Read the file once (conf reads it afresh): records other wizards saved are kept as they are.
    const data = this.#conf.store;
    const all: Record<string, SavedAssessment> = data.assessments ?? {};
    const onDisk = Object.hasOwn(all, id) ? all[id] : undefined;
    if (onDisk !== undefined && canonical(onDisk) !== canonical(this.#records.get(id))) {
      let n = 2;
      while (`${record.id}-${n}` in all || this.#records.has(`${record.id}-${n}`)) n++;
      id = `${record.id}-${n}`;
      this.#movedTo.set(record.id, id);
    }
    const stamp = now.toISOString();
    const saved: SavedAssessment = { ...record, id, createdAt: this.#records.get(id)?.createdAt ?? stamp, updatedAt: stamp };
    this.#conf.store = { ...data, version: 1, assessments: { ...all, [id]: saved } };
    this.#records.set(id, saved);
    return saved;
  }

  remove(id: string): void {
    this.#conf.delete(`assessments.${id}` as keyof StoreData);
    this.#records.delete(id);
  }
}

const why = errnoReason;

const ELSEWHERE = `set ${STORE_DIR_ENV} to a folder you can write, or fix this and try again`;

/** The store cannot be used at all: say where and why, and how to go on. */
function unusable(where: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const path = (e as NodeJS.ErrnoException)?.path ?? where;
  if (code === 'EISDIR') return new InputError(terminalText(path), '', `is a folder, but peer-ready keeps saved progress in a file of that name; move the folder away, or ${ELSEWHERE}`);
  return new InputError(terminalText(where), '', `saved progress cannot be kept here (${why(e)}${resolve(path) !== resolve(where) ? ` at ${terminalText(path)}` : ''}); ${ELSEWHERE}`);
}

const backupName = (file: string, now: Date) => `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;

/**
 * Open the store. Never throws for what is in the file: unreadable content is moved aside and
 * reported in `warning`. `dir` defaults to $PEER_READY_STORE_DIR, then conf's per-user folder.
 */
export async function openStore(dir: string | undefined = process.env[STORE_DIR_ENV] || undefined, now: Date = new Date()): Promise<OpenedStore> {
  const { default: Conf } = await import('conf');
  // While opening, a file that is not JSON reads as empty so conf does not throw; it is checked
  // (and moved aside) below. After that, conf's own strict parsing applies.
  let opening = true;
  let conf: Conf<StoreData>;
  try {
    conf = new Conf<StoreData>({
      projectName: 'peer-ready',
      ...(dir ? { cwd: dir } : {}),
      deserialize: (text: string) => {
        if (!opening) return JSON.parse(text) as StoreData;
        try {
          return JSON.parse(text) as StoreData;
        } catch {
          return {} as StoreData;
        }
      },
    });
  } catch (e) {
    throw unusable(dir ? join(dir, 'config.json') : 'the saved progress file', e);
  }
  opening = false;

  const file = conf.path;
  if (!existsSync(file)) return { store: new AssessmentStore(conf, []) };

  const { RecordSchema, StoreFileSchema } = await import('../core/wizard-record.js');
  let data: unknown;
  let problem: string | undefined;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    problem = 'is not valid JSON';
  }
  const top = problem ? undefined : StoreFileSchema.safeParse(data, { reportInput: true });
  if (top && !top.success) problem = 'is not a peer-ready store';
  if (problem || !top?.success) {
    const backup = backupName(file, now);
    try {
      renameSync(file, backup);
    } catch (e) {
      throw new InputError(terminalText(file), '', `${problem}, and it could not be moved aside (${why(e)}); move or remove it, or ${ELSEWHERE}`);
    }
    return {
      store: new AssessmentStore(conf, []),
      warning: `the saved progress file ${file} ${problem}; it was moved to ${backup} and the wizard starts afresh.`,
    };
  }

  const good: SavedAssessment[] = [];
  const bad: string[] = [];
  for (const [key, value] of Object.entries(top.data.assessments ?? {})) {
    const r = RecordSchema.safeParse(value, { reportInput: true });
    if (r.success && r.data.id === key) good.push(r.data as SavedAssessment);
    else bad.push(key);
  }
  if (bad.length === 0) return { store: new AssessmentStore(conf, good) };

  const backup = backupName(file, now);
  try {
    copyFileSync(file, backup);
    conf.set('assessments', Object.fromEntries(good.map((r) => [r.id, r])));
  } catch (e) {
    throw new InputError(terminalText(file), '', `${bad.length} saved assessment${bad.length === 1 ? '' : 's'} in it could not be read, and the file could not be copied aside and tidied (${why(e)}); ${ELSEWHERE}`);
  }
  return {
    store: new AssessmentStore(conf, good),
    warning: `${bad.length} saved assessment${bad.length === 1 ? '' : 's'} in ${file} could not be read and ${bad.length === 1 ? 'was' : 'were'} left out (${bad.join(', ')}); the original file was kept as ${backup}.`,
  };
}

const STATUS_LABEL: Record<SavedAssessment['status'], string> = {
  'in-progress': 'in progress',
  complete: 'answered, plan not saved',
  saved: 'plan saved',
};

/** The saved assessments as a table (for --list). */
export function formatList(records: readonly SavedAssessment[], path: string, programTitles: Readonly<Record<string, string>> = {}): string {
  path = terminalText(path);
  if (records.length === 0) return `No saved assessments yet. Run peer-ready to start one.\n(Progress is saved in ${path}.)\n`;
  const rows = [
    ['Organisation', 'Program', 'Progress', 'Last updated', 'Status'],
    // Names and paths come from the store file: shown escaped, never raw; aligned by columns.
    ...records.map((r) => [
      terminalText(r.profile.name ?? r.id),
      r.profile.programType ? (programTitles[r.profile.programType] ?? r.profile.programType) : '-',
      `${Object.keys(r.values).length}/${r.total}`,
      localStamp(r.updatedAt),
      r.status === 'saved' && r.files ? `${STATUS_LABEL.saved} (${terminalText(r.files.plan)})` : STATUS_LABEL[r.status],
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]!))));
  const lines = rows.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : padDisplay(cell, widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n\nSaved in ${path}. Run peer-ready to resume one.\n`;
}

/** `peer-ready --list`. */
export async function listCommand(): Promise<string> {
  const { store, warning } = await openStore();
  if (warning) process.stderr.write(`peer-ready: ${terminalText(warning)}\n`);
  return formatList(store.list(), store.path, await programTitles());
}

/** Each program type's title, from the role packs (--list shows titles, not ids). */
export async function programTitles(): Promise<Record<string, string>> {
  const [{ loadCatalog }, { programTypes }] = await Promise.all([import('./load.js'), import('../core/plan-document.js')]);
  return Object.fromEntries(programTypes(await loadCatalog()).map((c) => [c.value, c.label]));
}
