// What the wizard's UI is given from outside it (src/io/session.ts provides it): the run's
// settings and the effects that touch the disk. Types only, kept in core so that io and ui
// both depend on core and never on each other.
import type { Catalog, Format } from './plan-document.js';
import type { Effect, WizardContext, WizardEvent, WizardState } from './wizard-state.js';

/** What the wizard was started with, for the screens that show or use it. */
export interface RunInfo {
  catalog: Catalog;
  /** The date printed on the plan. */
  date: string;
  format: Format;
  templates?: string;
  /** How peer-ready was started ("npx peer-ready", "node dist/cli.js"…), for commands shown to the user. */
  command?: string;
}

export type WriteEffect = Extract<Effect, { type: 'write' }>;

export interface WizardDeps {
  ctx: WizardContext;
  initial: WizardState;
  /** Save progress now (synchronously). Returns a message when it could not. */
  persist: (state: WizardState) => string | undefined;
  /** Write the plan and the answers file; resolves to the event that reports how it went. */
  write: (state: WizardState, effect: WriteEffect) => Promise<WizardEvent>;
  exit: (code: number) => void;
  /** The words shown when the wizard stops (they must not claim a save that failed). */
  quitText?: (state: WizardState) => string;
}
