import type { Catalog, Format } from '../../core/format.js';
import type { WizardContext, WizardState } from '../../core/wizard-state.js';

export interface ScreenProps {
  ctx: WizardContext;
  state: WizardState;
}

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
